import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BASE_B_STRATEGIES } from '../../../src-main/engine/strategies/base-b';
import { describeZodError } from '../../../src-shared/ipc/result';
import {
  BASE_B_PARAM_DEFAULTS,
  BASE_B_PARAM_SCHEMAS,
  RsiDivergenceParamsSchema,
  StochasticParamsSchema,
  VixHedgeParamsSchema,
} from '../../../src-shared/settings/sections/strategy-params/base-b';
import type { z } from 'zod';

const SOURCE = new URL('../../../src-shared/settings/sections/strategy-params/base-b.ts', import.meta.url);

/** What the trader reads for a section that fails (the settings loader adds the file, line and section). */
function errorOf(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  return result.success ? 'accepted' : describeZodError(result.error);
}

describe('base-b strategy parameters', () => {
  it('documents exactly the defaults it exports (the YAML comment at the top of the file)', () => {
    const text = readFileSync(SOURCE, 'utf8');
    const yaml = text.slice(text.indexOf('/*') + 2, text.indexOf('*/'));
    const documented = parse(yaml.slice(yaml.indexOf('\nstrategies:'))) as { strategies: unknown };
    expect(documented.strategies).toEqual(BASE_B_PARAM_DEFAULTS);
  });

  it('has one schema per strategy, which accepts its defaults unchanged', () => {
    expect(BASE_B_STRATEGIES.map((d) => d.id)).toEqual(Object.keys(BASE_B_PARAM_SCHEMAS));
    for (const definition of BASE_B_STRATEGIES) {
      const id = definition.id as keyof typeof BASE_B_PARAM_SCHEMAS;
      expect(definition.params).toBe(BASE_B_PARAM_SCHEMAS[id]);
      expect(definition.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(definition.category).toBe('base');
      expect(definition.params.parse(BASE_B_PARAM_DEFAULTS[id])).toEqual(BASE_B_PARAM_DEFAULTS[id]);
    }
  });

  it('tells the trader what is wrong with a bad value', () => {
    const rsi = BASE_B_PARAM_DEFAULTS['rsi-divergence'];
    expect(errorOf(RsiDivergenceParamsSchema, { ...rsi, oversold: 55 })).toBe(
      'oversold: expected a level ≥ 0 and < 50',
    );
    expect(errorOf(RsiDivergenceParamsSchema, { ...rsi, rsiPeriod: 1 })).toBe(
      'rsiPeriod: expected a whole number from 2 to 10000',
    );
    expect(errorOf(RsiDivergenceParamsSchema, { ...rsi, assetClasses: ['crypto', 'bonds'] })).toBe(
      'assetClasses[1]: expected one of: crypto, equity-index, sector, volatility-index, equity, prediction',
    );
    expect(errorOf(RsiDivergenceParamsSchema, { ...rsi, assetClasses: [] })).toBe(
      'assetClasses: expected at least one asset class',
    );
    expect(errorOf(RsiDivergenceParamsSchema, { ...rsi, assetClasses: ['sector', 'sector'] })).toBe(
      'assetClasses: an asset class is listed twice',
    );
    expect(errorOf(RsiDivergenceParamsSchema, { ...rsi, lookback: 3 })).toMatch(
      /^Unrecognized key: "lookback"/,
    );
    const stochastic = BASE_B_PARAM_DEFAULTS.stochastic;
    expect(errorOf(StochasticParamsSchema, { ...stochastic, oversold: 85 })).toBe(
      'overbought: expected a level above oversold (85)',
    );
    expect(errorOf(StochasticParamsSchema, { ...stochastic, overbought: 120 })).toBe(
      'overbought: expected a level > 0 and < 100',
    );
    const vix = BASE_B_PARAM_DEFAULTS['vix-hedge'];
    expect(errorOf(VixHedgeParamsSchema, { ...vix, calmZ: 3 })).toBe(
      'calmZ: expected a z-score below spikeZ (3)',
    );
    expect(errorOf(VixHedgeParamsSchema, { ...vix, volatilitySymbol: '' })).toBe(
      'volatilitySymbol: expected an instrument symbol, e.g. SVIX',
    );
    expect(errorOf(VixHedgeParamsSchema, { ...vix, spikeLevel: -1 })).toBe(
      'spikeLevel: expected a level ≥ 0 (0: no level trigger)',
    );
    expect(errorOf(VixHedgeParamsSchema, { ...vix, hedgeWith: 'puts' })).toBe(
      'hedgeWith: expected one of: both, short-index, long-volatility',
    );
    const elliott = BASE_B_PARAM_DEFAULTS['elliott-wave'];
    expect(errorOf(BASE_B_PARAM_SCHEMAS['elliott-wave'], { ...elliott, wave2MinRetracement: 1 })).toBe(
      'wave2MinRetracement: expected a share of wave 1 below 1 (wave 2 never retraces all of wave 1)',
    );
    const rotation = BASE_B_PARAM_DEFAULTS['sector-rotation'];
    expect(errorOf(BASE_B_PARAM_SCHEMAS['sector-rotation'], { ...rotation, k: 0 })).toBe(
      'k: expected a whole number ≥ 1',
    );
  });

  it('accepts stochastic zones exactly when 0 < oversold < overbought < 100', () => {
    const base = BASE_B_PARAM_DEFAULTS.stochastic;
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 110, noNaN: true }),
        fc.double({ min: -10, max: 110, noNaN: true }),
        (oversold, overbought) => {
          const ok = StochasticParamsSchema.safeParse({ ...base, oversold, overbought }).success;
          expect(ok).toBe(oversold > 0 && oversold < overbought && overbought < 100);
        },
      ),
    );
  });

  it('accepts RSI zones exactly when oversold < 50 < overbought within 0–100, and a calm z below the spike z', () => {
    const rsi = BASE_B_PARAM_DEFAULTS['rsi-divergence'];
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 110, noNaN: true }),
        fc.double({ min: -10, max: 110, noNaN: true }),
        (oversold, overbought) => {
          const ok = RsiDivergenceParamsSchema.safeParse({ ...rsi, oversold, overbought }).success;
          expect(ok).toBe(oversold >= 0 && oversold < 50 && overbought > 50 && overbought <= 100);
        },
      ),
    );
    const vix = BASE_B_PARAM_DEFAULTS['vix-hedge'];
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 10, noNaN: true }),
        fc.double({ min: -5, max: 10, noNaN: true }),
        (calmZ, spikeZ) => {
          const ok = VixHedgeParamsSchema.safeParse({ ...vix, calmZ, spikeZ }).success;
          expect(ok).toBe(spikeZ > 0 && calmZ < spikeZ);
        },
      ),
    );
  });
});
