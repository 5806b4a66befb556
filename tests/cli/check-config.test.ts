import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-main/cli/index';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
afterEach(() => vi.restoreAllMocks());

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  return { out, err };
}

describe('botv2 check-config', () => {
  it('says ok for a valid file', async () => {
    const file = join(tempDir(), 'good.yaml');
    writeFileSync(file, 'paper:\n  speed: 10\n');
    const io = capture();
    expect(await main(['check-config', file])).toBe(0);
    expect(io.out).toEqual([`${file}: ok`]);
  });

  it('lists every problem with file, line and key, and exits 2', async () => {
    const file = join(tempDir(), 'bad.yaml');
    writeFileSync(file, 'paper:\n  speed: -1\nrisk:\n  kelly:\n    fraction: 2\n');
    const io = capture();
    expect(await main(['check-config', file])).toBe(2);
    expect(io.err).toEqual([
      `botv2: settings refused:\n  ${file}:2 paper.speed: expected a positive number\n  ${file}:5 risk.kelly.fraction: expected a number between 0 and 1`,
    ]);
  });

  it('explains a wrong command', async () => {
    const io = capture();
    expect(await main(['frobnicate'])).toBe(2);
    expect(io.err[0]).toMatch(/^botv2: unknown command "frobnicate"\n\nUsage: botv2 <command>/);
  });
});
