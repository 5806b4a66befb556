// `npm run dist [-- electron-builder options]`: the installers of this platform (Linux: AppImage + deb,
// Windows: nsis, macOS: dmg; see electron-builder.yml). Needs network access: electron-builder fetches
// Electron and its packaging tools, and better-sqlite3 is rebuilt against Electron's headers. Never run in CI
// or by `npm ci`: it swaps the native module under node_modules, and puts the Node build back at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.cwd();
const CONFIG = 'electron-builder.yml';

/**
 * The commands, in order. The rebuild for Electron happens here (electron-builder.yml has npmRebuild off)
 * so it is visible and undone: `restore` always runs, even after a failure.
 */
export function distSteps(builderArgs = []) {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  return {
    steps: [
      { label: 'build the bundles', command: process.execPath, args: ['scripts/build.mjs'] },
      {
        label: 'rebuild better-sqlite3 for Electron',
        command: npx,
        args: ['electron-builder', 'install-app-deps'],
      },
      {
        label: 'package',
        command: npx,
        args: ['electron-builder', '--config', CONFIG, '--publish', 'never', ...builderArgs],
      },
    ],
    restore: [
      {
        label: 'rebuild better-sqlite3 for Node again',
        command: process.platform === 'win32' ? 'npm.cmd' : 'npm',
        args: ['rebuild', 'better-sqlite3'],
      },
      { label: 'check it loads in Node', command: process.execPath, args: ['scripts/ensure-native.mjs'] },
    ],
  };
}

/** @electron/fuses as electron-builder itself resolves it (the same copy that flipped the fuses). */
function loadFuses() {
  const fromBuilder = createRequire(createRequire(join(root, 'package.json')).resolve('electron-builder'));
  const fromLib = createRequire(fromBuilder.resolve('app-builder-lib'));
  return fromLib('@electron/fuses');
}

/** The fuse option names of electron-builder.yml (runAsNode) ↔ @electron/fuses' indices (RunAsNode = 0). */
export function fuseIndex(FuseV1Options, option) {
  const enumName = option[0].toUpperCase() + option.slice(1);
  const index = FuseV1Options[enumName];
  return typeof index === 'number' ? index : null;
}

/**
 * Reads the fuse wire of a packaged Electron binary and compares it with the `electronFuses` section of
 * electron-builder.yml. Returns one sentence per fuse that is not as configured (empty when all are).
 */
export async function verifyFuses(executable, expected, fuses = loadFuses()) {
  const { getCurrentFuseWire, FuseV1Options } = fuses;
  const ENABLE = 49; // '1' in the wire
  const DISABLE = 48; // '0'
  const wire = await getCurrentFuseWire(executable);
  const problems = [];
  for (const [option, wanted] of Object.entries(expected)) {
    if (typeof wanted !== 'boolean') continue; // resetAdHocDarwinSignature and the like are not fuses
    const index = fuseIndex(FuseV1Options, option);
    if (index === null) {
      problems.push(`${option}: not a fuse @electron/fuses knows`);
      continue;
    }
    const state = wire[index];
    if (state !== (wanted ? ENABLE : DISABLE)) {
      const found = state === ENABLE ? 'on' : state === DISABLE ? 'off' : `state ${String(state)}`;
      problems.push(`${option}: expected ${wanted ? 'on' : 'off'}, found ${found} in ${executable}`);
    }
  }
  return problems;
}

/** The Electron executables electron-builder left unpacked in the output folder (one per platform/arch). */
export function packagedExecutables(outputDir, productName, linuxExecutable) {
  if (!existsSync(outputDir)) return [];
  const found = [];
  for (const entry of readdirSync(outputDir)) {
    const dir = join(outputDir, entry);
    const candidates =
      entry.startsWith('linux') && entry.endsWith('-unpacked')
        ? [join(dir, linuxExecutable)]
        : entry.startsWith('win') && entry.endsWith('-unpacked')
          ? [join(dir, `${productName}.exe`)]
          : entry.startsWith('mac')
            ? [join(dir, `${productName}.app`)]
            : [];
    found.push(...candidates.filter((file) => existsSync(file)));
  }
  return found;
}

function run({ label, command, args }) {
  console.log(`\n=== dist: ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) throw new Error(`${label} failed (${command} ${args.join(' ')})`);
}

async function main() {
  const { parse } = createRequire(join(root, 'package.json'))('yaml');
  const config = parse(readFileSync(join(root, CONFIG), 'utf8'));
  const { steps, restore } = distSteps(process.argv.slice(2));
  let failure = null;
  try {
    for (const step of steps) run(step);
    const executables = packagedExecutables(
      join(root, config.directories.output),
      config.productName,
      config.linux.executableName,
    );
    if (executables.length === 0) throw new Error('no unpacked app found to check the fuses of');
    for (const executable of executables) {
      const problems = await verifyFuses(executable, config.electronFuses);
      if (problems.length) throw new Error(`fuses not as configured:\n  ${problems.join('\n  ')}`);
      console.log(`dist: fuses as configured in ${executable}`);
    }
  } catch (error) {
    failure = error;
  } finally {
    for (const step of restore) {
      try {
        run(step);
      } catch (error) {
        console.error(`dist: ${error.message}; run \`npm rebuild better-sqlite3\` before testing`);
      }
    }
  }
  if (failure) {
    console.error(`dist: ${failure.message}`);
    process.exit(1);
  }
  console.log(`\ndist: installers in ${config.directories.output}/`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
