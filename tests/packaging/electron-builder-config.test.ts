import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fuseIndex, type FusesModule } from '../../scripts/dist.mjs';

// What can be checked of the packaging without the Electron binary: electron-builder's own schema accepts
// the configuration, the targets, the native module outside the asar, the fuses, and which built files the
// `files` patterns take into the app.

const root = join(__dirname, '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

/** electron-builder's dependencies as it resolves them (app-builder-lib, builder-util, minimatch). */
const fromBuilder = createRequire(createRequire(join(root, 'package.json')).resolve('electron-builder'));
const fromLib = createRequire(fromBuilder.resolve('app-builder-lib'));

type Validate = (configuration: unknown, logger: unknown) => Promise<void>;
const { validateConfiguration } = fromLib('app-builder-lib/out/util/config/config') as {
  validateConfiguration: Validate;
};
const { DebugLogger } = fromLib('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { Minimatch } = fromLib('minimatch') as {
  Minimatch: new (pattern: string, options: { dot: boolean }) => { match(path: string): boolean };
};

/** Every file under a folder, as a path relative to the project with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(root, path).split(sep).join('/')];
  });
}

/** electron-builder's reading of `files`: later patterns win, `!` excludes; minimatch with dot files. */
function included(patterns: string[], file: string): boolean {
  let taken = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (new Minimatch(negated ? pattern.slice(1) : pattern, { dot: true }).match(file)) taken = !negated;
  }
  return taken;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema (and that check does catch a mistake)", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, electronFuses: { runAsNode: 'no' } }, new DebugLogger(false)),
    ).rejects.toThrow('configuration.electronFuses.runAsNode should be a boolean');
  });

  it('builds AppImage and deb on Linux, nsis on Windows, dmg on macOS', () => {
    expect(config).toMatchObject({
      linux: { target: ['AppImage', 'deb'], executableName: 'botv2' },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    });
    // The deb refuses to build without a homepage and a maintainer's e-mail.
    expect(config.extraMetadata).toMatchObject({
      homepage: expect.any(String),
      author: { email: expect.any(String) },
    });
  });

  it('packs the app into an asar with better-sqlite3 outside it, rebuilt by the dist script', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    const unpack = config.asarUnpack as string[];
    const binary = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(unpack.some((pattern) => new Minimatch(pattern, { dot: true }).match(binary))).toBe(true);
    expect(unpack.some((pattern) => new Minimatch(pattern, { dot: true }).match('dist/main/main.cjs'))).toBe(
      false,
    );
  });

  it('sets the fuses: no RunAsNode, no NODE_OPTIONS, no --inspect, app only from a verified asar', () => {
    const fuses = config.electronFuses as Record<string, boolean>;
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    // Every key is a fuse the installed @electron/fuses knows, and every fuse it knows is set explicitly.
    const { FuseV1Options } = fromLib('@electron/fuses') as FusesModule;
    const known = Object.keys(FuseV1Options).filter((name) => Number.isNaN(Number(name)));
    for (const option of Object.keys(fuses)) expect(fuseIndex(FuseV1Options, option), option).not.toBeNull();
    expect(Object.keys(fuses)).toHaveLength(known.length);
  });

  it('takes the built main, preload, CLI and renderer into the app, and leaves source maps out', () => {
    const patterns = config.files as string[];
    const built = [...filesUnder(join(root, 'dist')), 'package.json'];
    const taken = built.filter((file) => included(patterns, file));
    for (const file of [
      'dist/main/main.cjs',
      'dist/main/preload.cjs',
      'dist/main/cli.cjs',
      'dist/main/backtest-worker.cjs',
      'dist/renderer/index.html',
      'package.json',
    ]) {
      expect(taken, file).toContain(file);
    }
    expect(taken.some((file) => /^dist\/renderer\/assets\/.+\.js$/.test(file))).toBe(true);
    expect(taken.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(built.some((file) => file.endsWith('.map'))).toBe(true); // there were maps to leave out
    // What the app starts from is in: package.json's main, and the paths main.cjs loads beside itself.
    const main = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string }).main;
    expect(taken).toContain(main);
    const mainBundle = readFileSync(join(root, main), 'utf8');
    expect(mainBundle).toContain('"preload.cjs"');
    expect(mainBundle).toMatch(/"renderer",\s*"index.html"/);
  });

  it('leaves better-sqlite3 sources out and keeps the settings defaults as a resource', () => {
    const patterns = config.files as string[];
    // Production dependencies are always taken; only the `!` patterns apply to them.
    const negations = patterns.filter((pattern) => pattern.startsWith('!'));
    const dropped = (file: string) => !included(['**/*', ...negations], file);
    expect(dropped('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(true);
    expect(dropped('node_modules/better-sqlite3/src/better_sqlite3.cpp')).toBe(true);
    expect(dropped('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
    expect(dropped('node_modules/better-sqlite3/lib/index.js')).toBe(false);
    expect(config.extraResources).toEqual([{ from: 'resources', to: 'resources' }]);
    expect(existsSync(join(root, 'resources', 'default-settings.yaml'))).toBe(true);
  });

  it('is never packaged by CI or an install: only scripts/dist.mjs runs electron-builder', () => {
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    expect(ci).not.toMatch(/electron-builder|install-app-deps|run dist|dist\.mjs/);
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    for (const [name, command] of Object.entries(scripts)) {
      if (name === 'dist') expect(command).toBe('node scripts/dist.mjs');
      else expect(command, name).not.toMatch(/electron-builder|install-app-deps|dist\.mjs/);
    }
  });
});
