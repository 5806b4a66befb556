// Runs after `npm install`/`npm ci`. It must never fail the install: every step is best effort.
// It only reports; native modules are built for Node by npm itself, and the Electron binary is
// fetched on first `npm start` (where the network allows it). `electron-builder install-app-deps`
// is deliberately not run here: it would rebuild better-sqlite3 for Electron and break Node tests.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

try {
  const electronDir = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  const hasBinary =
    existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
  if (!hasBinary && !process.env.CI) {
    console.log(
      'botv2: the Electron binary is not downloaded yet; `npm start` fetches it or falls back to browser mode.',
    );
  }
} catch (error) {
  console.log(`botv2: postinstall check skipped (${error instanceof Error ? error.message : String(error)})`);
}
