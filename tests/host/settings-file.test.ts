import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src-main/config/load-settings';
import {
  parseProblem,
  readSettingsView,
  saveSettingsFile,
  type SettingsFiles,
} from '../../src-main/host/settings-file';
import { DEFAULTS_FILE, testSettings } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const running = testSettings();

function files(userText?: string): SettingsFiles & { dir: string } {
  const dir = tempDir();
  const userFile = join(dir, 'settings.yaml');
  if (userText !== undefined) writeFileSync(userFile, userText);
  return { dir, defaultsFile: DEFAULTS_FILE, userFile };
}

describe('parseProblem', () => {
  const names = [['/tmp/x.saving-1', '/data/settings.yaml']] as const;

  it('splits the loader line into key path and line, naming the file the trader knows', () => {
    expect(
      parseProblem(
        '/tmp/x.saving-1:7 risk.circuitBreaker.levels[0].drawdown: expected a number between 0 and 1',
        names,
      ),
    ).toEqual({
      path: 'risk.circuitBreaker.levels[0].drawdown',
      line: 7,
      message:
        '/data/settings.yaml:7 risk.circuitBreaker.levels[0].drawdown: expected a number between 0 and 1',
    });
    expect(parseProblem('/tmp/x.saving-1 paper.speed: expected a positive number', names)).toMatchObject({
      path: 'paper.speed',
      line: null,
    });
  });

  it('ties YAML syntax errors and unreadable files to no key', () => {
    expect(
      parseProblem('/tmp/x.saving-1:3 YAML syntax: Implicit keys need to be on a single line', names),
    ).toEqual({
      path: '',
      line: 3,
      message: '/data/settings.yaml:3 YAML syntax: Implicit keys need to be on a single line',
    });
    expect(parseProblem('/elsewhere: cannot read the file (EACCES)', names)).toEqual({
      path: '',
      line: null,
      message: '/elsewhere: cannot read the file (EACCES)',
    });
  });

  it('recovers any key path and line it is given', () => {
    const segment = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/);
    fc.assert(
      fc.property(
        fc
          .array(fc.oneof(segment, fc.nat(20)), { minLength: 1, maxLength: 5 })
          .filter((p) => typeof p[0] === 'string'),
        fc.nat(5000),
        fc.string({ minLength: 1 }),
        (path, line, message) => {
          const key = path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
          const parsed = parseProblem(`/tmp/x.saving-1:${line + 1} ${key}: ${message}`, names);
          expect(parsed).toEqual({
            path: key,
            line: line + 1,
            message: `/data/settings.yaml:${line + 1} ${key}: ${message}`,
          });
        },
      ),
    );
  });
});

describe('saveSettingsFile', () => {
  it('refuses a bad value with the error at its key path and leaves the file as it was', () => {
    const f = files('# my settings\nmarket:\n  scenario: trending\n');
    const result = saveSettingsFile(
      f,
      { changes: [{ path: ['risk', 'kelly', 'fraction'], value: 2 }] },
      running,
    );
    expect(result).toEqual({
      saved: false,
      file: f.userFile,
      problems: [
        {
          path: 'risk.kelly.fraction',
          line: 6,
          message: `${f.userFile}:6 risk.kelly.fraction: expected a number between 0 and 1`,
        },
      ],
      pendingRestart: [],
    });
    expect(readFileSync(f.userFile, 'utf8')).toBe('# my settings\nmarket:\n  scenario: trending\n');
    expect(readdirSync(f.dir)).toEqual(['settings.yaml']);
  });

  it('shows a text value where a number belongs as the schema message', () => {
    const f = files();
    const result = saveSettingsFile(f, { changes: [{ path: ['paper', 'speed'], value: 'fast' }] }, running);
    expect(result.problems).toEqual([
      { path: 'paper.speed', line: 2, message: `${f.userFile}:2 paper.speed: expected a positive number` },
    ]);
    expect(existsSync(f.userFile)).toBe(false);
  });

  it('saves a valid change in place, keeping the comments and the other keys, and names what waits for a restart', () => {
    const f = files('# my settings\nmarket:\n  scenario: trending # for demos\n');
    const result = saveSettingsFile(
      f,
      { changes: [{ path: ['risk', 'kelly', 'fraction'], value: 0.2 }] },
      running,
    );
    expect(result).toEqual({
      saved: true,
      file: f.userFile,
      problems: [],
      pendingRestart: ['market', 'risk'],
    });
    expect(readFileSync(f.userFile, 'utf8')).toBe(
      '# my settings\nmarket:\n  scenario: trending # for demos\nrisk:\n  kelly:\n    fraction: 0.2\n',
    );
    expect(loadSettings(DEFAULTS_FILE, f.userFile).risk.kelly.fraction).toBe(0.2);
    expect(readdirSync(f.dir)).toEqual(['settings.yaml']);
  });

  it('copies a whole list the file does not name before changing one element (lists replace defaults whole)', () => {
    const f = files();
    const change = { path: ['risk', 'circuitBreaker', 'levels', 1, 'drawdown'], value: 0.12 };
    expect(saveSettingsFile(f, { changes: [change] }, running).saved).toBe(true);
    const levels = loadSettings(DEFAULTS_FILE, f.userFile).risk.circuitBreaker.levels;
    expect(levels.map((l) => l.drawdown)).toEqual([0.05, 0.12, 0.15]);
    expect(levels.map((l) => l.sizeMultiplier)).toEqual([0.5, 0.5, 0]);
  });

  it('reports a cross-field rule at the key it names', () => {
    const f = files();
    const change = { path: ['risk', 'circuitBreaker', 'levels', 1, 'drawdown'], value: 0.2 };
    const result = saveSettingsFile(f, { changes: [change] }, running);
    expect(result.problems).toEqual([
      {
        path: 'risk.circuitBreaker.levels',
        line: 3,
        message: `${f.userFile}:3 risk.circuitBreaker.levels: level drawdowns must increase: levels[0] < levels[1] < levels[2]`,
      },
    ]);
  });

  it('saves YAML text as given, and refuses a syntax error with its line', () => {
    const f = files();
    const bad = saveSettingsFile(f, { yaml: 'paper:\n  speed: 5\n speed: 6\n' }, running);
    expect(bad.saved).toBe(false);
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatchObject({ path: '', line: 3 });
    expect(bad.problems[0]!.message).toMatch(new RegExp(`^${f.userFile}:3 YAML syntax: `));
    const good = saveSettingsFile(f, { yaml: '# fast\npaper:\n  speed: 5\n' }, running);
    expect(good).toMatchObject({ saved: true, pendingRestart: ['paper'] });
    expect(readFileSync(f.userFile, 'utf8')).toBe('# fast\npaper:\n  speed: 5\n');
  });
});

describe('readSettingsView', () => {
  it('gives the effective settings, the file text, how each section applies and what waits for a restart', () => {
    const f = files('logging:\n  level: debug\n');
    const view = readSettingsView(f, running);
    expect(view.userYaml).toBe('logging:\n  level: debug\n');
    expect((view.effective as { logging: { level: string } }).logging.level).toBe('debug');
    expect(view.pendingRestart).toEqual(['logging']);
    expect(view.liveApply).toBe(false);
    expect(view.problems).toEqual([]);
    expect(view.sections.map((s) => `${s.key}:${s.applies}`)).toEqual([
      'market:restart',
      'paper:restart',
      'data:restart',
      'strategies:restart',
      'ensemble:live',
      'risk:live',
      'execution:restart',
      'persistence:live',
      'dashboard:restart',
      'logging:live',
    ]);
  });

  it('lists the problems of a file edited by hand and falls back to the running settings', () => {
    const f = files('paper:\n  speed: -1\n');
    const view = readSettingsView(f, running);
    expect(view.problems).toEqual([
      { path: 'paper.speed', line: 2, message: `${f.userFile}:2 paper.speed: expected a positive number` },
    ]);
    expect(view.effective).toEqual(running);
    expect(view.pendingRestart).toEqual([]);
  });
});
