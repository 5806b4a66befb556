import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-main/cli/index';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const CLI = join(__dirname, '..', '..', 'dist', 'main', 'cli.cjs');
const SAMPLE = join(__dirname, '..', '..', 'resources', 'data', 'sp500-2000.csv');
afterEach(() => vi.restoreAllMocks());

function capture() {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  return out;
}

describe('botv2 strategies', () => {
  it('lists the 20 strategies with category, rule, needs and parameters', async () => {
    const out = capture();
    expect(await main(['strategies', '--json', '--data-dir', tempDir()])).toBe(0);
    const rows = JSON.parse(out.join('\n')) as {
      id: string;
      category: string;
      rule: string;
      parameters: object;
    }[];
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => r.category === 'advanced').map((r) => r.id)).toEqual([
      'cross-exchange-arbitrage',
      'liquidation-flow',
      'high-probability-bonds',
      'liquidity-provision',
      'domain-specialisation',
    ]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(20);
    expect(rows.find((r) => r.id === 'momentum')).toMatchObject({
      parameters: { lookback: 10, threshold: 0.001 },
    });
  });
});

describe('botv2 strategies with a data directory', () => {
  it("lists the parameters the app runs with: the data directory's settings.yaml over the defaults", async () => {
    const dataDir = tempDir();
    writeFileSync(
      join(dataDir, 'settings.yaml'),
      'strategies:\n  momentum:\n    lookback: 25\n  stochastic:\n    enabled: false\n',
    );
    const out = capture();
    expect(await main(['strategies', '--data-dir', dataDir])).toBe(0);
    // Before, the defaults were listed whatever the trader had set (lookback=10, stochastic enabled).
    expect(out).toContain('  parameters: lookback=25 threshold=0.001');
    expect(out.some((line) => line.startsWith('stochastic  (Stochastic, base, disabled)'))).toBe(true);
  });

  it('refuses a broken settings file, naming it', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'settings.yaml'), 'strategies:\n  momentum:\n    lookback: -3\n');
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
    expect(await main(['strategies', '--data-dir', dataDir])).toBe(2);
    expect(errors.join('\n')).toContain(join(dataDir, 'settings.yaml'));
  });
});

describe('botv2 data check', () => {
  it('reports the sample as usable with 5,105 bars', async () => {
    const out = capture();
    expect(await main(['data', 'check', SAMPLE, '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ usable: true, bars: 5105 });
  });

  it('exits 1 for an unusable file and names it', async () => {
    const file = join(tempDir(), 'bad.csv');
    writeFileSync(file, 'date,open,high,low,close,volume\n2020-01-02,1,0.5,2,1,10\n2020-01-03,x,1,1,1,1\n');
    const out = capture();
    expect(await main(['data', 'check', file])).toBe(1);
    expect(out.join('\n')).toContain(file);
  });
});

describe('botv2 run --feed csv:FILE', () => {
  it('paper-trades a replayed file to its end, then stops cleanly with every fill stored', () => {
    const dir = tempDir();
    const result = spawnSync(
      process.execPath,
      [CLI, 'run', '--data-dir', dir, '--feed', `csv:${SAMPLE}`, '--speed', 'max'],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/end of the feed: stopped cleanly after 5105 steps, \d+ fills/);
    const db = new Database(join(dir, 'botv2.sqlite'), { readonly: true });
    const fills = Number(/after 5105 steps, (\d+) fills/.exec(result.stdout)![1]);
    expect(db.prepare('SELECT COUNT(*) FROM fills').pluck().get()).toBe(fills);
    expect(db.prepare('SELECT clean FROM sessions ORDER BY id DESC LIMIT 1').pluck().get()).toBe(1);
    db.close();
  });
});
