// CI step: Electronegativity (Doyensec's Electron security scanner) over the sources: src-main,
// src-shared, src-renderer and package.json (for the Electron version). Fails on a finding not explained in
// docs/electronegativity-accepted.json, on an explanation that no longer matches anything, and on a source
// file the scanner could not parse (it would otherwise go unchecked). Offline: the one check that downloads
// Electron's release list is left out (docs/SECURITY.md says how the Electron version is kept current).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { checkAcceptedList, describeFinding, reviewFindings } from './electronegativity-findings.mjs';

const root = process.cwd();
const require = createRequire(join(root, 'package.json'));
const SOURCES = ['src-main', 'src-shared', 'src-renderer', 'package.json'];
const ACCEPTED_FILE = join('docs', 'electronegativity-accepted.json');
const REPORT_FILE = join('test-results', 'electronegativity.json');
/** Needs the network (it downloads Electron's releases); see docs/SECURITY.md, recommendation 16. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

function fail(message) {
  console.error(`electronegativity: ${message}`);
  process.exit(1);
}

const accepted = JSON.parse(readFileSync(join(root, ACCEPTED_FILE), 'utf8'));
const listProblems = checkAcceptedList(accepted);
if (listProblems.length) fail(`${ACCEPTED_FILE}:\n  ${listProblems.join('\n  ')}`);

// One folder holding exactly the sources, so the report's paths read src-main/main.ts and nothing else
// (tests, build output) is scanned.
const scanDir = mkdtempSync(join(tmpdir(), 'botv2-electronegativity-'));
let result;
try {
  for (const entry of SOURCES) cpSync(join(root, entry), join(scanDir, entry), { recursive: true });
  const run = require('@doyensec/electronegativity');
  const started = Date.now();
  result = await run(
    {
      input: scanDir,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS,
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: true,
      electronUpgrade: undefined,
      electronVersionOverride: undefined,
      parserPlugins: [],
    },
    false,
  );
  console.log(
    `electronegativity: ${result.atomicChecks} atomic and ${result.globalChecks} global checks over ${SOURCES.join(', ')} in ${Date.now() - started} ms`,
  );
  result.findings = result.issues.map((issue) => {
    const line = issue.location?.line ?? 0;
    const file = join(scanDir, issue.file);
    const text = line > 0 && existsSync(file) ? (readFileSync(file, 'utf8').split('\n')[line - 1] ?? '') : '';
    return { check: issue.id, file: issue.file, line, description: issue.description, text };
  });
  result.errors = result.errors.map((error) => ({ ...error, file: relative(scanDir, error.file) }));
} finally {
  rmSync(scanDir, { recursive: true, force: true });
}

const unparsed = result.errors.filter((error) => !error.tolerable);
const { unexplained, stale } = reviewFindings(result.findings, accepted);
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(
  join(root, REPORT_FILE),
  JSON.stringify({ findings: result.findings, unexplained, stale, errors: result.errors }, null, 2) + '\n',
);

for (const finding of result.findings) {
  console.log(
    `  ${unexplained.includes(finding) ? 'UNEXPLAINED' : 'explained  '} ${describeFinding(finding)}`,
  );
}
const problems = [
  ...unparsed.map((error) => `could not parse ${error.file} (so it was not checked): ${error.message}`),
  ...unexplained.map((finding) => `unexplained finding: ${describeFinding(finding)}`),
  ...stale.map(
    (entry) => `${ACCEPTED_FILE}: ${entry.check} in ${entry.file} no longer found; remove or update it`,
  ),
];
if (problems.length) {
  fail(
    `${problems.length} problem(s):\n  ${problems.join('\n  ')}\nFix the code, or explain an accepted finding in ${ACCEPTED_FILE}.`,
  );
}
console.log(
  `electronegativity: ${result.findings.length} finding(s), each explained in ${ACCEPTED_FILE}; report in ${REPORT_FILE}`,
);
