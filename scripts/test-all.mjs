// README's test command: unit + integration tests (vitest, with coverage thresholds) and the end-to-end
// tests (Playwright in Chromium against browser mode). Ends with one line: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const reportDir = join(root, 'test-results');
mkdirSync(reportDir, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;

const vitestJson = join(reportDir, 'vitest.json');
const vitestStatus = run('unit and integration tests (vitest)', bin('vitest'), [
  'run',
  '--coverage',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (vitestStatus !== 0 && (!vitest || vitest.numFailedTests === 0)) {
  console.log(
    'vitest exited with an error although no test failed (coverage thresholds or a crash): counted as 1 failure.',
  );
  failed += 1;
}

const playwrightJson = join(reportDir, 'playwright.json');
const playwrightStatus = run('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
});
const playwright = existsSync(playwrightJson) ? readJson(playwrightJson) : null;
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  if (playwright.errors?.length) failed += playwright.errors.length;
}
if (
  playwrightStatus !== 0 &&
  (!playwright || playwright.stats.unexpected === 0) &&
  !playwright?.errors?.length
) {
  console.log('playwright exited with an error although no test failed: counted as 1 failure.');
  failed += 1;
}

const summary = `${passed} passed, ${failed} failed, ${skipped} skipped`;
writeFileSync(join(reportDir, 'summary.txt'), summary + '\n');
console.log(`\n${summary}`);
process.exit(failed > 0 ? 1 : 0);
