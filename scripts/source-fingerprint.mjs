// A fingerprint of everything the build reads, so `npm start`/`npm test` rebuild only when sources changed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const inputs = [
  'src-main',
  'src-shared',
  'src-renderer',
  'vite.config.ts',
  'package-lock.json',
  'scripts/build.mjs',
];

function walk(path, files) {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) walk(join(path, entry), files);
  } else {
    files.push(path);
  }
}

export function sourceFingerprint(root) {
  const files = [];
  for (const input of inputs) {
    const path = join(root, input);
    if (existsSync(path)) walk(path, files);
  }
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.slice(root.length));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}
