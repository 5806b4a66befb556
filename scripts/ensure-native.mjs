// Guard before tests: better-sqlite3 must load in this Node. A failed or foreign (Electron) rebuild leaves
// a binary Node cannot load, or none at all; rebuild it for Node from source in that case.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const problem = loads();
if (problem) {
  console.log(
    `botv2: better-sqlite3 does not load in Node ${process.version} (${problem.split('\n')[0]}); rebuilding it for Node…`,
  );
  const result = spawnSync('npm', ['rebuild', 'better-sqlite3', '--build-from-source'], { stdio: 'inherit' });
  if (result.status !== 0 || loads()) {
    console.error('botv2: rebuilding better-sqlite3 for Node failed; see the output above.');
    process.exit(1);
  }
  console.log('botv2: better-sqlite3 rebuilt for Node.');
}
