import { describe, expect, it } from 'vitest';
import { bars, correlation, runMarket } from './helpers';

describe('equity index and volatility index', () => {
  it('starts the volatility index at the index model volatility × the first regime × (1 + premium)', () => {
    // σ_index² = Σᵢⱼ wᵢwⱼσᵢσⱼρᵢⱼ over the default sectors, ρᵢⱼ = aᵢaⱼ + bᵢbⱼ: σ_index = 0.177031 (computed
    // by hand from the defaults); × range multiplier 0.7 × 1.1 × 100 = 13.6314 → 13.63 on the 0.01 tick.
    const run = runMarket({ seed: 1, maxBars: 1 });
    expect(bars(run, 'SVIX')[0]!.open).toBe(13.63);
    const trending = runMarket({ seed: 1, maxBars: 1, scenario: 'trending' });
    expect(bars(trending, 'SVIX')[0]!.open).toBe(19.47); // 0.177031 × 1.0 × 1.1 × 100 = 19.473
  });

  it('builds the index as the cap-weighted basket of its sectors', () => {
    const run = runMarket({ seed: 2, maxBars: 2000 });
    const index = bars(run, 'SYN500');
    const sectors = ['TECH', 'FIN', 'ENERGY', 'HEALTH', 'UTIL'].map((id) => bars(run, id));
    const weights = [0.3, 0.2, 0.15, 0.2, 0.15];
    const initial = [180, 95, 85, 140, 70];
    for (const t of [0, 500, 1999]) {
      const basket = sectors.reduce((sum, s, j) => sum + (5000 * weights[j]! * s[t]!.close) / initial[j]!, 0);
      // Sector closes are rounded to 0.01, so the basket of rounded closes is within ≈ 0.2 of the index.
      expect(Math.abs(index[t]!.close - basket)).toBeLessThan(0.25);
    }
  });

  it('moves the volatility index up when the index falls (leverage effect and crises)', () => {
    const run = runMarket({ seed: 3, maxBars: 40_000 });
    const index = bars(run, 'SYN500');
    const vix = bars(run, 'SVIX');
    const window = 60;
    const indexMoves: number[] = [];
    const vixMoves: number[] = [];
    for (let t = window; t < index.length; t += window) {
      indexMoves.push(Math.log(index[t]!.close / index[t - window]!.close));
      vixMoves.push(Math.log(vix[t]!.close / vix[t - window]!.close));
    }
    expect(correlation(indexMoves, vixMoves)).toBeLessThan(-0.2);
  });
});
