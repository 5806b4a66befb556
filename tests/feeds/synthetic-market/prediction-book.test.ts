import { describe, expect, it } from 'vitest';
import type { Bar, InstrumentSpec } from '../../../src-shared/domain/market';
import type { MarketSettingsInput } from '../../../src-shared/settings/sections/market';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';
import { mean } from './helpers';

const START = Date.UTC(2024, 0, 1);
const MINUTE = 60_000;

function series(prefix: string, durationBars: number, extra: Record<string, unknown> = {}) {
  return { prefix, domain: prefix.toLowerCase(), question: `${prefix}?`, durationBars, ...extra };
}

/** Runs the market and keeps the prediction bars by contract, checking listing order on the way. */
function runContracts(options: MarketSettingsInput) {
  const market = createSyntheticMarket(options);
  const byContract = new Map<string, Bar[]>();
  const listed = new Set<string>();
  let unlisted = 0;
  for (let slice = market.next(); slice; slice = market.next()) {
    for (let i = listed.size; i < market.instruments.length; i++) listed.add(market.instruments[i]!.id);
    for (const bar of slice.bars) {
      if (!/^[A-Z0-9]+-\d{3,}$/.test(bar.instrument)) continue;
      // A contract's spec is listed before (or with) its first bar.
      if (!listed.has(bar.instrument)) unlisted += 1;
      let bars = byContract.get(bar.instrument);
      if (!bars) byContract.set(bar.instrument, (bars = []));
      bars.push(bar);
    }
  }
  expect(unlisted).toBe(0);
  const specs = new Map<string, InstrumentSpec>(
    market.instruments.filter((s) => s.assetClass === 'prediction').map((s) => [s.id, s]),
  );
  return { byContract, specs };
}

describe('prediction contracts', () => {
  it('trade strictly inside (0, 1) and settle at 0 or 1 on their resolution bar, then stop', () => {
    const { byContract, specs } = runContracts({
      seed: 2,
      maxBars: 400,
      prediction: { series: [series('A', 30), series('B', 47), series('C', 100, { relist: false })] },
    });
    // A lists every 30 bars (13 full lives in 400 bars + one live), B every 47, C once.
    expect([...specs.keys()].filter((id) => id.startsWith('A-'))).toHaveLength(14);
    expect([...specs.keys()].filter((id) => id.startsWith('C-'))).toEqual(['C-001']);
    let settled = 0;
    for (const [id, bars] of byContract) {
      const spec = specs.get(id)!;
      const resolution = spec.prediction!.resolutionTime;
      const last = bars[bars.length - 1]!;
      for (const bar of bars.slice(0, -1)) {
        expect(bar.settlement).toBeUndefined();
        expect(bar.low).toBeGreaterThan(0);
        expect(bar.high).toBeLessThan(1);
        expect(bar.time).toBeLessThan(resolution);
      }
      if (last.time < resolution) continue; // still live when the run ended
      settled += 1;
      expect(last.time).toBe(resolution);
      expect([0, 1]).toContain(last.settlement);
      expect(last.close).toBe(last.settlement);
      expect(last.high).toBeLessThanOrEqual(1);
      expect(last.low).toBeGreaterThanOrEqual(0);
    }
    expect(settled).toBe(13 + 8 + 1);
  });

  it('lists the next contract of a series on the bar after one settles, with its resolution time', () => {
    const { byContract, specs } = runContracts({
      seed: 3,
      maxBars: 25,
      prediction: { series: [series('Q', 10)] },
    });
    expect([...byContract.keys()]).toEqual(['Q-001', 'Q-002', 'Q-003']);
    expect(byContract.get('Q-001')!.map((b) => b.time)).toEqual(
      Array.from({ length: 10 }, (_, k) => START + (k + 1) * MINUTE),
    );
    expect(byContract.get('Q-002')![0]!.time).toBe(START + 11 * MINUTE);
    expect(specs.get('Q-002')!.prediction).toEqual({
      domain: 'q',
      resolutionTime: START + 20 * MINUTE,
      question: 'Q? (#2)',
    });
  });

  it('is calibrated without miscalibration: outcomes occur as often as the listing prices say', () => {
    const { byContract } = runContracts({
      seed: 4,
      maxBars: 12_000,
      stepsPerBar: 1,
      prediction: {
        halfSpread: 0,
        series: ['A', 'B', 'C', 'D'].map((p) => series(p, 6, { miscalibration: 0 })),
      },
    });
    const lives = [...byContract.values()].filter((bars) => bars[bars.length - 1]!.settlement !== undefined);
    expect(lives.length).toBeGreaterThan(7_900);
    const price = lives.map((bars) => bars[0]!.open);
    const outcome = lives.map((bars) => bars[bars.length - 1]!.settlement!);
    // Outcome ~ Bernoulli(p0), so E[outcome] = E[p0]; standard error √(0.25 / 8000) ≈ 0.006.
    expect(Math.abs(mean(outcome) - mean(price))).toBeLessThan(0.02);
    const favourites = lives.flatMap((_, i) => (price[i]! >= 0.7 ? [i] : []));
    expect(
      Math.abs(mean(favourites.map((i) => outcome[i]!)) - mean(favourites.map((i) => price[i]!))),
    ).toBeLessThan(0.03);
    // The price moves toward the outcome: the last quote before settlement is on the right side of ½.
    const right = lives.filter((bars) => {
      const before = bars[bars.length - 2]!.close;
      return bars[bars.length - 1]!.settlement === 1 ? before > 0.5 : before < 0.5;
    }).length;
    expect(right / lives.length).toBeGreaterThan(0.9);
  });

  it('prices favourites below their odds under miscalibration (the high-probability-bond edge)', () => {
    const { byContract } = runContracts({
      seed: 5,
      maxBars: 12_000,
      stepsPerBar: 1,
      prediction: {
        halfSpread: 0,
        series: ['A', 'B', 'C', 'D'].map((p) => series(p, 6, { miscalibration: 0.3 })),
      },
    });
    const lives = [...byContract.values()].filter((bars) => bars[bars.length - 1]!.settlement !== undefined);
    const favourites = lives.filter((bars) => bars[0]!.open >= 0.7);
    // Quote = logistic(0.7 · logit p0): p0 = 0.85 is quoted 0.77, so favourites win more often than quoted.
    const edge =
      mean(favourites.map((bars) => bars[bars.length - 1]!.settlement!)) -
      mean(favourites.map((bars) => bars[0]!.open));
    expect(edge).toBeGreaterThan(0.04);
  });

  it('tags each default contract with its domain and a question', () => {
    const { specs } = runContracts({ seed: 1, maxBars: 1 });
    expect([...specs.values()].map((s) => s.prediction!.domain)).toEqual([
      'politics',
      'sports',
      'crypto',
      'weather',
    ]);
    for (const spec of specs.values()) expect(spec.prediction!.question).toMatch(/\? \(#1\)$/);
  });
});
