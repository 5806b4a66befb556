import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../src-main/config/load-settings';
import { DEFAULTS_FILE } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function userFile(text: string): string {
  const file = join(tempDir(), 'settings.yaml');
  writeFileSync(file, text);
  return file;
}

function problemsOf(file: string): string[] {
  try {
    loadSettings(DEFAULTS_FILE, file);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  throw new Error('expected the settings to be refused');
}

describe('loadSettings', () => {
  it('loads the shipped defaults with the spec values', () => {
    const settings = loadSettings(DEFAULTS_FILE);
    expect(settings.risk.circuitBreaker.levels.map((l) => l.drawdown)).toEqual([0.05, 0.1, 0.15]);
    expect(settings.risk.circuitBreaker.levels.map((l) => l.sizeMultiplier)).toEqual([0.5, 0.5, 0]);
    expect(settings.risk.circuitBreaker.cooldownMinutes).toBe(30);
    expect(settings.risk.kelly.fraction).toBe(0.25);
    expect(settings.risk.positionLimits).toEqual({ minFractionOfEquity: 0.01, maxFractionOfEquity: 0.15 });
    expect(settings.data.normalization).toEqual({
      method: 'zscore',
      window: 252,
      clip: 3,
      minObservations: 20,
    });
    expect(settings.ensemble.allocation.minWeight).toBe(0.01);
    expect(settings.ensemble.allocation.maxWeight).toBe(0.25);
    expect(settings.ensemble.correlation).toMatchObject({ windowMinutes: 60, method: 'pearson' });
    expect(settings.ensemble.voting.method).toBe('weighted_average');
    expect(settings.persistence.checkpointIntervalMinutes).toBe(5);
  });

  it('lets a user file override single keys and keeps every other default', () => {
    const file = userFile('risk:\n  kelly:\n    fraction: 0.1\npaper:\n  speed: 5\n');
    const settings = loadSettings(DEFAULTS_FILE, file);
    expect(settings.risk.kelly).toEqual({ fraction: 0.1, minTrades: 30, windowTrades: 200 });
    expect(settings.paper).toEqual({ initialCash: 100000, speed: 5 });
    expect(settings.risk.circuitBreaker.cooldownMinutes).toBe(30);
  });

  it('ignores a user file that does not exist', () => {
    const settings = loadSettings(DEFAULTS_FILE, join(tempDir(), 'absent.yaml'));
    expect(settings.paper.initialCash).toBe(100000);
  });

  it('names file, line and key path of a bad value', () => {
    const file = userFile(
      [
        'risk:',
        '  circuitBreaker:',
        '    levels:',
        '      - drawdown: 0.05',
        '        sizeMultiplier: 0.5',
        '      - drawdown: 0.10',
        '        sizeMultiplier: 0.5',
        '      - drawdown: 15',
        '        sizeMultiplier: 0',
      ].join('\n'),
    );
    expect(problemsOf(file)).toEqual([
      `${file}:8 risk.circuitBreaker.levels[2].drawdown: expected a number between 0 and 1`,
    ]);
  });

  it('reports every problem, each on its own line', () => {
    const file = userFile('paper:\n  speed: fast\nensemble:\n  voting:\n    method: dictator\n');
    expect(problemsOf(file)).toEqual([
      `${file}:2 paper.speed: expected a positive number`,
      `${file}:5 ensemble.voting.method: expected one of: weighted_average, majority, blend`,
    ]);
  });

  it('refuses unknown keys at their line', () => {
    const file = userFile('risk:\n  kelly:\n    fraction: 0.2\n    fractoin: 0.3\n');
    expect(problemsOf(file)).toEqual([`${file}:4 risk.kelly.fractoin: unknown setting`]);
  });

  it('refuses a secret in the file without echoing its value', () => {
    const file = userFile('execution:\n  apiKey: sk-live-123456\n');
    const problems = problemsOf(file);
    expect(problems).toEqual([
      `${file}:2 execution.apiKey: looks like a secret; secrets are read from environment variables only, never from settings files`,
    ]);
    expect(problems.join('\n')).not.toContain('sk-live-123456');
  });

  it('refuses breaker levels that do not increase', () => {
    const file = userFile(
      'risk:\n  circuitBreaker:\n    levels:\n      - {drawdown: 0.1, sizeMultiplier: 0.5}\n      - {drawdown: 0.05, sizeMultiplier: 0.5}\n      - {drawdown: 0.15, sizeMultiplier: 0}\n',
    );
    expect(problemsOf(file)).toEqual([
      `${file}:3 risk.circuitBreaker.levels: level drawdowns must increase: levels[0] < levels[1] < levels[2]`,
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    const duplicate = userFile('paper:\n  speed: 5\n  speed: 6\n');
    expect(problemsOf(duplicate)).toEqual([`${duplicate}:3 YAML syntax: Map keys must be unique`]);
    const unclosed = userFile('a: 1\nb: "x\n');
    expect(problemsOf(unclosed)).toEqual([`${unclosed}:3 YAML syntax: Missing closing "quote`]);
  });

  it('refuses a file whose top level is not a mapping', () => {
    const file = userFile('- just\n- a list\n');
    expect(problemsOf(file)).toEqual([`${file}:1 expected a mapping of settings (key: value), found a list`]);
  });

  it('names an unreadable file', () => {
    const dir = tempDir();
    expect(() => loadSettings(join(dir, 'missing-defaults.yaml'))).toThrow(
      `${join(dir, 'missing-defaults.yaml')}: cannot read the file (ENOENT)`,
    );
  });

  it('accepts every breaker drawdown in [0, 1] and refuses every other number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (drawdown) => {
        const file = userFile(
          `risk:\n  circuitBreaker:\n    levels:\n      - {drawdown: 0.001, sizeMultiplier: 0.5}\n      - {drawdown: 0.002, sizeMultiplier: 0.5}\n      - {drawdown: ${String(drawdown).replace('Infinity', '.inf').replace('NaN', '.nan')}, sizeMultiplier: 0}\n`,
        );
        const valid = drawdown > 0.002 && drawdown <= 1;
        let accepted = true;
        try {
          loadSettings(DEFAULTS_FILE, file);
        } catch (error) {
          if (!(error instanceof SettingsError)) throw error;
          accepted = false;
        }
        expect(accepted).toBe(valid);
      }),
      { numRuns: 60 },
    );
  });
});

describe('settings checks across sections', () => {
  it('refuses a correlation window shorter than minSamples bars, at the window key', () => {
    const file = userFile('market:\n  barIntervalSeconds: 600\n');
    const line = readFileSync(DEFAULTS_FILE, 'utf8').split('\n').indexOf('    windowMinutes: 60') + 1;
    expect(problemsOf(file)).toEqual([
      `${DEFAULTS_FILE}:${line} ensemble.correlation.windowMinutes: windowMinutes 60 holds 6 bars of 600 s; it must hold at least minSamples (20)`,
    ]);
  });
});

describe('dashboard.ipAllowlist', () => {
  it('takes addresses and CIDR ranges and refuses anything else at its line', () => {
    const good = userFile('dashboard:\n  ipAllowlist: [192.168.1.20, 10.0.0.0/8, "::1", "fd00::/8"]\n');
    expect(loadSettings(DEFAULTS_FILE, good).dashboard.ipAllowlist).toHaveLength(4);
    const bad = userFile('dashboard:\n  ipAllowlist:\n    - 192.168.1.20\n    - my-laptop\n');
    expect(problemsOf(bad)).toEqual([
      `${bad}:4 dashboard.ipAllowlist[1]: expected an IP address or CIDR range (e.g. 192.168.1.20 or 192.168.1.0/24)`,
    ]);
  });
});
