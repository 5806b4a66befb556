import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { distSteps, packagedExecutables, verifyFuses, type FusesModule } from '../../scripts/dist.mjs';
import { useTempDirs } from '../helpers/temp-dir';

const root = join(__dirname, '..', '..');
const tempDir = useTempDirs();
const fromBuilder = createRequire(createRequire(join(root, 'package.json')).resolve('electron-builder'));
const fuses = createRequire(fromBuilder.resolve('app-builder-lib'))('@electron/fuses') as FusesModule & {
  flipFuses(executable: string, config: Record<string, unknown>): Promise<number>;
  FuseVersion: { V1: string };
};
const configured = (
  parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
    electronFuses: Record<string, boolean>;
  }
).electronFuses;

// Electron's fuse wire as it sits in the binary: a sentinel, the wire version (1), its length, then one
// byte per fuse, '0' (48) off or '1' (49) on. (Layout from @electron/fuses' reader.)
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
function fakeElectron(dir: string, states: number[]): string {
  const file = join(dir, 'electron');
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from('ELF…code…'),
      Buffer.from(SENTINEL),
      Buffer.from([1, states.length, ...states]),
      Buffer.from('…more'),
    ]),
  );
  return file;
}

describe('scripts/dist.mjs', () => {
  it('builds, rebuilds the native module for Electron, packages, and always restores the Node build', () => {
    const { steps, restore } = distSteps(['--linux', 'AppImage']);
    expect(steps.map((step) => step.label)).toEqual([
      'build the bundles',
      'rebuild better-sqlite3 for Electron',
      'package',
    ]);
    expect(steps[0]!.args).toEqual(['scripts/build.mjs']);
    expect(steps[1]!.args).toEqual(['electron-builder', 'install-app-deps']);
    expect(steps[2]!.args).toEqual([
      'electron-builder',
      '--config',
      'electron-builder.yml',
      '--publish',
      'never',
      '--linux',
      'AppImage',
    ]);
    expect(restore.map((step) => [step.label, step.args])).toEqual([
      ['rebuild better-sqlite3 for Node again', ['rebuild', 'better-sqlite3']],
      ['check it loads in Node', ['scripts/ensure-native.mjs']],
    ]);
  });

  it("finds no fault in a binary whose fuses electron-builder's flipper set from electron-builder.yml", async () => {
    // All eight fuses start at Electron's defaults-as-shipped (on); flipFuses applies our configuration as
    // electron-builder does, by @electron/fuses' indices.
    const file = fakeElectron(
      tempDir(),
      Array.from({ length: 8 }, () => 49),
    );
    const wire: Record<string, unknown> = { version: fuses.FuseVersion.V1 };
    for (const [option, value] of Object.entries(configured)) {
      wire[String(fuses.FuseV1Options[option[0]!.toUpperCase() + option.slice(1)])] = value;
    }
    await fuses.flipFuses(file, wire);
    expect(await verifyFuses(file, configured, fuses)).toEqual([]);
  });

  it('names every fuse that differs from the configuration', async () => {
    // RunAsNode on (49) and NODE_OPTIONS on: the two that matter most, left as Electron ships them.
    const file = fakeElectron(tempDir(), [49, 49, 49, 48, 49, 49, 48, 49]);
    expect(await verifyFuses(file, configured, fuses)).toEqual([
      `runAsNode: expected off, found on in ${file}`,
      `enableNodeOptionsEnvironmentVariable: expected off, found on in ${file}`,
    ]);
    expect(await verifyFuses(file, { runAsNod: false }, fuses)).toEqual([
      'runAsNod: not a fuse @electron/fuses knows',
    ]);
  });

  it('finds the unpacked executables electron-builder leaves per platform and architecture', () => {
    const out = tempDir();
    for (const [dir, file] of [
      ['linux-unpacked', 'botv2'],
      ['linux-arm64-unpacked', 'botv2'],
      ['win-unpacked', 'BotV2.exe'],
    ] as const) {
      mkdirSync(join(out, dir));
      writeFileSync(join(out, dir, file), '');
    }
    mkdirSync(join(out, 'mac-arm64', 'BotV2.app'), { recursive: true });
    mkdirSync(join(out, 'other'));
    writeFileSync(join(out, 'BotV2-0.1.0.AppImage'), '');
    expect(packagedExecutables(out, 'BotV2', 'botv2').sort()).toEqual(
      [
        join(out, 'linux-arm64-unpacked', 'botv2'),
        join(out, 'linux-unpacked', 'botv2'),
        join(out, 'mac-arm64', 'BotV2.app'),
        join(out, 'win-unpacked', 'BotV2.exe'),
      ].sort(),
    );
    expect(packagedExecutables(join(out, 'missing'), 'BotV2', 'botv2')).toEqual([]);
  });
});
