// Builds dist/ when it is missing or older than the sources; otherwise does nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { sourceFingerprint } from './source-fingerprint.mjs';

const root = process.cwd();
const stampFile = join(root, 'dist', 'build-stamp.json');
let upToDate = false;
if (existsSync(stampFile)) {
  try {
    upToDate = JSON.parse(readFileSync(stampFile, 'utf8')).fingerprint === sourceFingerprint(root);
  } catch {
    upToDate = false;
  }
}
if (!upToDate) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
