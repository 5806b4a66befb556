import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHost } from '../../src-main/host/engine-host';
import { createDispatch, type Dispatch } from '../../src-main/host/request-handlers';
import { createLogger } from '../../src-main/log';
import { contract, REQUEST_NAMES, type RequestInput, type RequestName } from '../../src-shared/ipc/contract';
import { testHost } from '../helpers/host';

// Hostile payloads through every contract entry's real handler (the dispatch both transports call).
// The loop runs over REQUEST_NAMES, so a new entry is fuzzed as soon as it exists; VALID_INPUT's mapped
// type makes the compiler ask for a valid example of it.

/** Where the control's export goes (removed with the host's folder in afterAll). */
const EXPORT_DIR = mkdtempSync(join(tmpdir(), 'botv2-fuzz-export-'));

/** One valid input per entry: the control that the host would accept a well-formed call. */
const VALID_INPUT: { [K in RequestName]: RequestInput<K> } = {
  snapshot: {},
  trades: { offset: 0, limit: 10, side: 'buy' },
  equityHistory: { maxPoints: 100 },
  breakerEvents: { limit: 10 },
  halt: { reason: 'fuzz control' },
  resume: { reason: 'fuzz control' },
  forceLevel: { level: 1, durationMinutes: 30, reason: 'fuzz control' },
  rearm: { reason: 'fuzz control' },
  strategyTable: {},
  riskView: {},
  tradeLog: { offset: 0, limit: 10, side: 'sell' },
  tradeLogOptions: {},
  decisionRecord: { fillId: 1 },
  riskMetrics: {},
  dailyReturns: { days: 30 },
  strategyPnl: {},
  settings: {},
  saveSettings: { yaml: '' },
  exportData: { format: 'database', path: join(EXPORT_DIR, 'fuzz-control.sqlite') },
  startBacktest: {
    mode: 'pipeline',
    source: { kind: 'synthetic', scenario: 'calm', steps: 20 },
    strategies: 'all',
    seed: 1,
  },
  cancelBacktest: { runId: 1 },
  backtestRuns: { limit: 5 },
  backtestRun: { runId: 1 },
  chooseDataFiles: {},
};

const HUGE_STRING = 'A'.repeat(100_001);

type FieldKind = 'number' | 'string' | 'other';

/** The base type of one field of an input schema, under optional/default wrappers (zod's own definition). */
function fieldOf(schema: z.core.$ZodType): { kind: FieldKind; nullable: boolean } {
  let current = schema;
  let nullable = false;
  for (;;) {
    const def = current._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
      if (def.type === 'nullable') nullable = true;
      current = (def as unknown as { innerType: z.core.$ZodType }).innerType;
      continue;
    }
    const kind: FieldKind = def.type === 'number' ? 'number' : def.type === 'string' ? 'string' : 'other';
    return { kind, nullable };
  }
}

/** The fields of an entry's input; for a union of objects (saveSettings), those of its first option. */
function shapeOf(name: RequestName): Record<string, z.core.$ZodType> {
  const schema = contract[name].input as unknown as z.core.$ZodType;
  const def = schema._zod.def;
  const object =
    def.type === 'union' ? (def as unknown as { options: z.core.$ZodType[] }).options[0]! : schema;
  return (object as unknown as { shape: Record<string, z.core.$ZodType> }).shape;
}

/** Values no field of that kind may accept: wrong JS types, NaN, infinities, unbounded sizes. */
function wrongValueFor(kind: FieldKind, nullable: boolean): fc.Arbitrary<unknown> {
  const anyKind: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(NaN, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, HUGE_STRING),
    fc.constantFrom({}, [], [1], { valueOf: 1 }),
    fc.bigInt(),
    fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1, maxKeys: 3 }),
  ];
  if (!nullable) anyKind.push(fc.constant(null));
  if (kind === 'number') return fc.oneof(...anyKind, fc.string(), fc.boolean());
  if (kind === 'string') return fc.oneof(...anyKind, fc.double(), fc.integer(), fc.boolean());
  return fc.oneof(...anyKind, fc.boolean());
}

/** Hostile payloads for one entry; every one of them must be refused by the schema. */
function hostileInput(name: RequestName): fc.Arbitrary<unknown> {
  const shape = shapeOf(name);
  const keys = Object.keys(shape);
  const valid = VALID_INPUT[name] as Record<string, unknown>;
  const notAnObject = fc.oneof(
    fc.string(),
    fc.double(),
    fc.constantFrom(NaN, Infinity, true, false, 0, -1, HUGE_STRING),
    fc.bigInt(),
    fc.array(fc.jsonValue(), { maxLength: 5 }),
  );
  const withOwnKey = (key: string, value: unknown) => {
    const input: Record<string, unknown> = { ...valid };
    // defineProperty makes a real own key even for __proto__ (as JSON.parse and structured clone do).
    Object.defineProperty(input, key, { value, enumerable: true, configurable: true, writable: true });
    return input;
  };
  const extraKey = fc
    .tuple(
      fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
        fc.string().filter((key) => !keys.includes(key)),
      ),
      fc.oneof(fc.jsonValue(), fc.constant({ polluted: true })),
    )
    .map(([key, value]) => withOwnKey(key, value));
  const arbitraries: fc.Arbitrary<unknown>[] = [notAnObject, extraKey];
  if (keys.length > 0) {
    const wrongField = fc.constantFrom(...keys).chain((key) => {
      const { kind, nullable } = fieldOf(shape[key]!);
      return wrongValueFor(kind, nullable).map((value) => ({ ...valid, [key]: value }));
    });
    arbitraries.push(wrongField);
  }
  return fc.oneof(...arbitraries);
}

/** Everything a refused call must leave as it was: the engine's view and every table's row count. */
function stateOf(host: EngineHost): string {
  const tables = host.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const counts = tables.map(({ name }) => {
    const row = host.db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number };
    return [name, row.n];
  });
  return JSON.stringify({
    snapshot: host.snapshot(),
    history: host.equityHistory(1_000_000),
    counts,
    strategies: host.strategyTable(),
  });
}

const logger = createLogger(null, 'error');

describe('IPC fuzzing: every contract entry refuses hostile payloads', () => {
  let host: EngineHost;
  let dispatch: Dispatch;
  let dataDir: string;
  beforeAll(() => {
    // One host for the whole file (useTempDirs would remove its folder after the first test).
    dataDir = mkdtempSync(join(tmpdir(), 'botv2-fuzz-'));
    host = testHost(dataDir);
    host.stepNow(120); // some trades, equity and checkpoints, so "unchanged" compares real state
    dispatch = createDispatch(host, logger);
  });
  afterAll(() => {
    host.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(EXPORT_DIR, { recursive: true, force: true });
  });

  for (const name of REQUEST_NAMES) {
    it(`${name}: a schema error, no state change, no throw`, async () => {
      const before = stateOf(host);
      const pattern = new RegExp(`^invalid ${name} request: \\S`);
      await fc.assert(
        fc.asyncProperty(hostileInput(name), async (input) => {
          const result = await dispatch.async(name, input);
          expect(result.ok).toBe(false);
          expect(result.ok ? '' : result.error).toMatch(pattern);
          // The message is for a person: bounded, whatever the payload's size.
          expect(result.ok ? '' : result.error.length).toBeLessThan(2000);
        }),
        { numRuns: 150 },
      );
      expect(stateOf(host)).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('refuses unknown request names, including the names of Object.prototype members', async () => {
    const before = stateOf(host);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(
            '__proto__',
            'constructor',
            'toString',
            'hasOwnProperty',
            'valueOf',
            'SNAPSHOT',
            '',
          ),
          fc.string().filter((s) => !(REQUEST_NAMES as string[]).includes(s)),
          fc.jsonValue().filter((v) => typeof v !== 'string'),
        ),
        fc.jsonValue(),
        async (name, input) => {
          const result = await dispatch.async(name, input);
          expect(result).toEqual({ ok: false, error: expect.stringMatching(/^unknown request: /) });
        },
      ),
    );
    expect(stateOf(host)).toBe(before);
  });

  it('names the offending field in words a person can act on', () => {
    const proto = JSON.parse('{"reason":"x","__proto__":{"polluted":true}}') as unknown;
    expect(dispatch('halt', proto)).toEqual({
      ok: false,
      error: 'invalid halt request: Unrecognized key: "__proto__"',
    });
    expect(dispatch('equityHistory', { maxPoints: NaN })).toEqual({
      ok: false,
      error: 'invalid equityHistory request: maxPoints: Invalid input: expected number, received NaN',
    });
    expect(dispatch('halt', { reason: HUGE_STRING })).toEqual({
      ok: false,
      error: 'invalid halt request: reason: the reason is longer than 500 characters',
    });
    expect(dispatch('forceLevel', { level: 2, durationMinutes: Infinity, reason: 'x' })).toEqual({
      ok: false,
      error: 'invalid forceLevel request: durationMinutes: the duration must be a number of minutes',
    });
    expect(dispatch('trades', [])).toEqual({
      ok: false,
      error: 'invalid trades request: Invalid input: expected object, received array',
    });
  });

  it('the control: each valid example passes the schema, and a valid command does change the state', async () => {
    for (const name of REQUEST_NAMES) {
      const result = await dispatch.async(name, VALID_INPUT[name]);
      // A command may still be refused by the engine's rules (nothing to rearm), never by the schema.
      if (!result.ok) expect(result.error).not.toMatch(/^invalid /);
    }
    const before = stateOf(host);
    expect(dispatch('halt', { reason: 'control' }).ok).toBe(true);
    expect(stateOf(host)).not.toBe(before);
  });
});
