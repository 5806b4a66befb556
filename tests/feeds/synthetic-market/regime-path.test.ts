import { describe, expect, it } from 'vitest';
import { MarketSettingsSchema, type Regime } from '../../../src-shared/settings/sections/market';
import { Rng } from '../../../src-main/engine/rng';
import { RegimePath } from '../../../src-main/feeds/synthetic-market/regime-path';

function walk(settings: Parameters<typeof MarketSettingsSchema.parse>[0], bars: number, seed = 1) {
  const path = new RegimePath(MarketSettingsSchema.parse(settings), new Rng(seed));
  const regimes: Regime[] = [];
  const directions: number[] = [];
  const changed: boolean[] = [];
  for (let i = 0; i < bars; i++) {
    path.advance();
    regimes.push(path.regime);
    directions.push(path.direction);
    changed.push(path.changed);
  }
  return { regimes, directions, changed, path };
}

describe('RegimePath', () => {
  it('markov: spends time in each regime as the transition matrix implies', () => {
    const { regimes } = walk({}, 400_000, 5);
    const share = (r: Regime) => regimes.filter((x) => x === r).length / regimes.length;
    // Stationary distribution π = πP of the default matrix, by balancing flows:
    // crisis: 0.02·π_c = 0.0005·(1 − π_c) → π_c = 0.025 / 1.025 = 0.02439;
    // trend: 0.005·π_t = 0.003·(1 − π_c − π_t) + 0.005·π_c → π_t = 0.0030488 / 0.008 = 0.3811.
    // Regimes last hundreds of bars, so 400,000 bars hold only about a thousand spells.
    expect(Math.abs(share('crisis') - 0.0244)).toBeLessThan(0.008);
    expect(Math.abs(share('trend') - 0.3811)).toBeLessThan(0.06);
  });

  it('markov: a crisis lasts 1 / (1 − 0.98) = 50 bars on average', () => {
    const { regimes } = walk({}, 400_000, 6);
    const spells: number[] = [];
    let run = 0;
    for (const r of regimes) {
      if (r === 'crisis') run += 1;
      else if (run > 0) {
        spells.push(run);
        run = 0;
      }
    }
    const average = spells.reduce((s, x) => s + x, 0) / spells.length;
    expect(spells.length).toBeGreaterThan(100);
    expect(Math.abs(average / 50 - 1)).toBeLessThan(0.2);
  });

  it('markov: draws a trend direction when a trend begins, up with trendUpProbability', () => {
    const { regimes, directions, changed } = walk({ regimes: { trendUpProbability: 0.8 } }, 400_000, 7);
    const starts = regimes.flatMap((r, i) => (r === 'trend' && changed[i] ? [directions[i]!] : []));
    expect(starts.length).toBeGreaterThan(200);
    const up = starts.filter((d) => d === 1).length / starts.length;
    expect(Math.abs(up - 0.8)).toBeLessThan(0.06);
    // Within one trend the direction holds.
    let flips = 0;
    for (let i = 1; i < regimes.length; i++)
      if (regimes[i] === 'trend' && !changed[i] && directions[i] !== directions[i - 1]) flips += 1;
    expect(flips).toBe(0);
  });

  it('marks the first bar and each change of regime', () => {
    const { changed } = walk(
      { scenario: 'crash', scenarios: { crash: { startBar: 2, durationBars: 3 } } },
      7,
    );
    // range range | crisis crisis crisis | range range
    expect(changed).toEqual([true, false, true, false, false, true, false]);
  });

  it('forces the crash drift only during the crash: ln(1 − depth) / durationBars', () => {
    const path = new RegimePath(
      MarketSettingsSchema.parse({
        scenario: 'crash',
        scenarios: { crash: { startBar: 1, durationBars: 4, depth: 0.2 } },
      }),
      new Rng(1),
    );
    const drifts: number[] = [];
    for (let i = 0; i < 6; i++) {
      path.advance();
      drifts.push(path.crashDrift);
    }
    const d = Math.log(0.8) / 4; // −0.05579
    expect(drifts).toEqual([0, d, d, d, d, 0]);
  });

  it('keeps calm in range and trending in an upward trend', () => {
    expect(new Set(walk({ scenario: 'calm' }, 1000).regimes)).toEqual(new Set(['range']));
    const trending = walk({ scenario: 'trending' }, 1000);
    expect(new Set(trending.regimes)).toEqual(new Set(['trend']));
    expect(new Set(trending.directions)).toEqual(new Set([1]));
  });
});
