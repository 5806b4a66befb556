import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeZodError } from '../../../src-shared/ipc/result';
import { MarketSettingsSchema, type MarketSettingsInput } from '../../../src-shared/settings/sections/market';

const SECTION_FILE = join(__dirname, '..', '..', '..', 'src-shared', 'settings', 'sections', 'market.ts');

/** The YAML written in the comment at the top of the section file (what the lead pastes into settings.yaml). */
function documentedDefaults(): unknown {
  const text = readFileSync(SECTION_FILE, 'utf8');
  const comment = /^\/\*\n([\s\S]*?)\*\//.exec(text);
  if (!comment) throw new Error('no YAML comment at the top of market.ts');
  const yaml = comment[1]!.slice(comment[1]!.indexOf('market:'));
  return (parse(yaml) as { market: unknown }).market;
}

function problems(input: MarketSettingsInput | Record<string, unknown>): string {
  const result = MarketSettingsSchema.safeParse(input);
  return result.success ? 'accepted' : describeZodError(result.error, 'market.');
}

describe('market settings section', () => {
  it('documents every key and exactly the defaults the schema applies', () => {
    const defaults = MarketSettingsSchema.parse({});
    // Key for key, value for value (the YAML spells the start time as text).
    expect(documentedDefaults()).toEqual({ ...defaults, startTime: '2024-01-01T00:00:00Z' });
    expect(defaults.startTime).toBe(Date.UTC(2024, 0, 1));
    expect(defaults.maxBars).toBeUndefined();
  });

  it('accepts a start time as ISO 8601 with a zone or epoch milliseconds, and nothing else', () => {
    expect(MarketSettingsSchema.parse({ startTime: '2024-03-01T12:00:00+01:00' }).startTime).toBe(
      Date.UTC(2024, 2, 1, 11),
    );
    expect(MarketSettingsSchema.parse({ startTime: 1000 }).startTime).toBe(1000);
    const message =
      'market.startTime: expected an ISO 8601 time with a zone (e.g. "2024-01-01T00:00:00Z") or epoch milliseconds';
    expect(problems({ startTime: '2024-03-01 12:00' })).toBe(message);
    expect(problems({ startTime: -5 })).toBe(message);
    expect(problems({ startTime: true } as unknown as MarketSettingsInput)).toBe(message);
  });

  it('names the field and the rule of each mistake', () => {
    expect(problems({ scenario: 'boom' } as unknown as MarketSettingsInput)).toBe(
      'market.scenario: expected one of: markov, calm, trending, crash',
    );
    expect(problems({ regimes: { transitions: { range: { trend: 0.5, range: 0.4 } } } })).toBe(
      'market.regimes.transitions.range: probabilities must add up to 1 (they add up to 0.9005)',
    );
    expect(problems({ garch: { alpha: 0.1, leverage: 0.2, beta: 0.8 } })).toBe(
      'market.garch.beta: alpha + leverage / 2 + beta must be below 1 for a stable variance (it is 1)',
    );
    expect(
      problems({
        crypto: {
          assets: [
            {
              symbol: 'X',
              initialPrice: 1,
              annualVolatility: 0.5,
              marketLoading: 0.8,
              groupLoading: 0.8,
              baseVolume: 1,
              openInterest: 1,
            },
          ],
        },
      }),
    ).toBe(
      'market.crypto.assets[0].groupLoading: marketLoading² + groupLoading² must not exceed 1 (it is 1.28)',
    );
    expect(problems({ crypto: { basis: { spikeSize: 0.001 } } })).toBe(
      'market.crypto.basis.spikeSize: must exceed the taker fees of two venues (0.0011), or a dislocation never pays for an arbitrage',
    );
    expect(
      problems({
        equities: {
          sectors: [
            {
              symbol: 'A',
              weight: 0.5,
              initialPrice: 1,
              annualVolatility: 0.2,
              marketLoading: 0.5,
              groupLoading: 0.5,
            },
            {
              symbol: 'A',
              weight: 0.4,
              initialPrice: 1,
              annualVolatility: 0.2,
              marketLoading: 0.5,
              groupLoading: 0.5,
            },
          ],
        },
      }),
    ).toBe(
      'market.equities.sectors: sector weights must add up to 1 (they add up to 0.9); ' +
        'market.equities.sectors[1].symbol: instrument id A is already used',
    );
    expect(
      problems({ prediction: { series: [{ prefix: 'pol', domain: 'x', question: 'q?', durationBars: 1 }] } }),
    ).toBe(
      'market.prediction.series[0].prefix: expected a prefix of 1–8 capital letters or digits; ' +
        'market.prediction.series[0].durationBars: expected a whole number ≥ 2',
    );
    expect(problems({ scenarios: { crash: { depth: 1 } } })).toBe(
      'market.scenarios.crash.depth: expected a number above 0 and below 1',
    );
    expect(problems({ stepsPerBar: 65 })).toBe('market.stepsPerBar: expected a whole number from 1 to 64');
    expect(problems({ jumps: { market: { probabilityPerBar: 0.1, extra: 1 } } } as MarketSettingsInput)).toBe(
      'market.jumps.market: Unrecognized key: "extra"',
    );
  });

  it('accepts any transition row that adds up to 1 and refuses one that does not', () => {
    const weights = fc.tuple(
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 1, max: 1000 }),
    );
    fc.assert(
      fc.property(weights, ([a, b, c]) => {
        const total = a + b + c;
        const row = { trend: a / total, range: b / total, crisis: c / total };
        expect(problems({ regimes: { transitions: { crisis: row } } })).toBe('accepted');
      }),
    );
    fc.assert(
      fc.property(weights, fc.double({ min: 0.01, max: 0.5, noNaN: true }), ([a, b, c], excess) => {
        const total = a + b + c;
        const row = { trend: a / total, range: b / total, crisis: Math.min(1, c / total + excess) };
        const sum = row.trend + row.range + row.crisis;
        fc.pre(Math.abs(sum - 1) > 1e-6);
        expect(problems({ regimes: { transitions: { crisis: row } } })).toMatch(
          /^market\.regimes\.transitions\.crisis: probabilities must add up to 1 \(they add up to [\d.]+\)$/,
        );
      }),
    );
  });
});
