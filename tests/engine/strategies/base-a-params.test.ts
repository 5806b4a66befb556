import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PERIOD } from '../../../src-main/engine/indicators';
import { BASE_A_STRATEGIES } from '../../../src-main/engine/strategies/base-a';
import {
  BASE_A_PARAM_SCHEMAS,
  MAX_WINDOW,
  MeanReversionParamsSchema,
} from '../../../src-shared/settings/sections/strategy-params/base-a';
import { documentedDefaults } from './base-a-fixtures';

const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('group-A strategy parameters', () => {
  it('the defaults documented at the top of the params file are valid for every schema', () => {
    const defaults = documentedDefaults();
    expect(Object.keys(defaults)).toEqual(Object.keys(BASE_A_PARAM_SCHEMAS));
    for (const [id, schema] of Object.entries(BASE_A_PARAM_SCHEMAS)) {
      expect(issuesOf(schema.safeParse(defaults[id])), id).toBeUndefined();
    }
  });

  it('every definition uses its schema, has a kebab-case id and a rule, and builds from its defaults', () => {
    const defaults = documentedDefaults();
    expect(BASE_A_STRATEGIES.map((d) => d.id)).toEqual(Object.keys(BASE_A_PARAM_SCHEMAS));
    for (const definition of BASE_A_STRATEGIES) {
      expect(definition.params).toBe(
        BASE_A_PARAM_SCHEMAS[definition.id as keyof typeof BASE_A_PARAM_SCHEMAS],
      );
      expect(definition.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(definition.category).toBe('base');
      expect(definition.rule).toMatch(/^[A-Z].+\.$/);
      expect(definition.create(definition.params.parse(defaults[definition.id]))).toBeDefined();
    }
  });

  it('the largest window is the indicators’ own limit', () => {
    expect(MAX_WINDOW).toBe(MAX_PERIOD);
  });

  it('gives a trader-readable message for bad asset classes, windows and unknown keys', () => {
    const base = documentedDefaults()['mean-reversion'] as Record<string, unknown>;
    const check = (patch: Record<string, unknown>) =>
      issuesOf(MeanReversionParamsSchema.safeParse({ ...base, ...patch }));
    expect(check({ assetClasses: [] })).toEqual(['assetClasses: list at least one asset class']);
    expect(check({ assetClasses: ['stocks'] })).toEqual([
      'assetClasses.0: expected one of: crypto, equity-index, sector, volatility-index, equity, prediction',
    ]);
    expect(check({ assetClasses: ['equity', 'equity'] })).toEqual([
      'assetClasses: an asset class is listed twice',
    ]);
    expect(check({ assetClasses: 'equity' })).toEqual([
      'assetClasses: expected a list of asset classes (crypto, equity-index, sector, volatility-index, equity, prediction)',
    ]);
    expect(check({ period: 1.5 })).toEqual(['period: expected a whole number from 2 to 100000']);
    expect(check({ exitZ: 3 })).toEqual(['exitZ: exitZ must be below entryZ']);
    expect(check({ lookback: 3 })).toEqual([': Unrecognized key: "lookback"']);
  });

  it('accepts exactly the whole windows from the minimum to the limit (property)', () => {
    const base = documentedDefaults()['mean-reversion'] as Record<string, unknown>;
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -10, max: MAX_WINDOW + 10 }), fc.double({ noNaN: true })),
        (period) => {
          const valid = Number.isInteger(period) && period >= 2 && period <= MAX_WINDOW;
          expect(MeanReversionParamsSchema.safeParse({ ...base, period }).success).toBe(valid);
        },
      ),
    );
  });
});
