// `npm start`: build if needed, then open the Electron window. Where the Electron binary is missing and
// cannot be downloaded, say so in one line and serve the same terminal in browser mode instead.
// Arguments after `--` go to browser mode (e.g. `npm start -- --port 0 --data-dir DIR`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const args = process.argv.slice(2);
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function tryDownload() {
  if (!existsSync(join(electronDir, 'install.js'))) return 'the electron package is not installed';
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status === 0) return null;
  const output = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  const line = output.split('\n').find((l) => /error/i.test(l)) ?? output.split('\n')[0] ?? '';
  return line.trim() || (result.error ? result.error.message : `exit code ${result.status}`);
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const build = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let binary = electronBinary();
let why = null;
if (!binary) {
  why = tryDownload();
  binary = electronBinary();
}
if (binary) {
  run(binary, [join(root, 'dist', 'main', 'main.cjs'), ...args]);
} else {
  console.log(
    `botv2: the Electron binary is missing and could not be downloaded (${why ?? 'unknown reason'}); starting browser mode instead.`,
  );
  run(process.execPath, [join(root, 'dist', 'main', 'cli.cjs'), 'serve', ...args]);
}
