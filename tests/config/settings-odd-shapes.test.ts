import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../src-main/config/load-settings';
import { DEFAULTS_FILE } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function problemsOf(text: string): { file: string; problems: string[] } {
  const file = join(tempDir(), 'settings.yaml');
  writeFileSync(file, text);
  try {
    loadSettings(DEFAULTS_FILE, file);
  } catch (error) {
    if (error instanceof SettingsError) return { file, problems: error.problems };
    throw error;
  }
  return { file, problems: [] };
}

describe('loadSettings: a __proto__ key is an unknown setting like any other', () => {
  it('refuses a nested __proto__ section with its line; it was silently ignored', () => {
    // The merge assigned merged['__proto__'] = …, which replaced the object's prototype instead of adding a
    // key: zod's strict check never saw it, and the trader's `fraction: 0.9` was dropped without a word.
    const { file, problems } = problemsOf('risk:\n  __proto__:\n    kelly:\n      fraction: 0.9\n');
    expect(problems).toEqual([`${file}:2 risk.__proto__: unknown setting`]);
  });

  it('refuses a top-level __proto__ with its own path and line (it was reported as "foo", without a line)', () => {
    const { file, problems } = problemsOf('paper:\n  speed: 5\n__proto__:\n  foo: 1\n');
    expect(problems).toEqual([`${file}:3 __proto__: unknown setting`]);
  });
});

// Where a group of settings is expected, zod's own words reached the trader: "Invalid input: expected
// object, received null". The messages below say what to write instead.
describe('loadSettings: a section given as something else', () => {
  it('names an empty section (every key below it commented out)', () => {
    const { file, problems } = problemsOf('risk:\n#  kelly:\n#    fraction: 0.1\n');
    expect(problems).toEqual([
      `${file}:1 risk: empty: give its settings as key: value lines indented below it, or delete the line`,
    ]);
  });

  it('names a section given as a number, a list or text, nested ones included', () => {
    const { file, problems } = problemsOf('risk: 5\npaper:\n  - 1\nensemble:\n  voting: majority\n');
    expect(problems).toEqual([
      // In the schema's order of sections.
      `${file}:2 paper: expected key: value settings indented below it, found a list`,
      `${file}:5 ensemble.voting: expected key: value settings indented below it, found a string`,
      `${file}:1 risk: expected key: value settings indented below it, found a number`,
    ]);
  });

  it('names a list item that should hold settings', () => {
    const { file, problems } = problemsOf(
      'risk:\n  circuitBreaker:\n    levels:\n      - 0.05\n      - drawdown: 0.1\n        sizeMultiplier: 0.5\n      - drawdown: 0.15\n        sizeMultiplier: 0\n',
    );
    expect(problems).toEqual([
      `${file}:4 risk.circuitBreaker.levels[0]: expected key: value settings indented below it, found a number`,
    ]);
  });
});
