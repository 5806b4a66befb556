import { describe, expect, it } from 'vitest';
import { bars, mean, runMarket } from './helpers';

const BARS_PER_8H = 480; // one-minute bars

describe('perpetual crypto: funding, liquidations, open interest', () => {
  const run = runMarket({ seed: 21, maxBars: 20_000 });
  const alpha = bars(run, 'BTC-USD@alpha');
  const beta = bars(run, 'BTC-USD@beta');

  it('sets the venues funding apart by basisWeight × the basis between them', () => {
    // funding_v = base + momentum term + 1 × (basis_v − mean basis): the difference between the two
    // venues is the basis itself (alpha's basis is 0), per 8 hours, scaled to a one-minute bar.
    let compared = 0;
    alpha.forEach((a, i) => {
      const b = beta[i]!;
      const cap = 0.0075 / BARS_PER_8H;
      if (Math.abs(a.fundingRate!) >= cap - 1e-15 || Math.abs(b.fundingRate!) >= cap - 1e-15) return;
      const basis = Math.log(b.close / a.close); // closes rounded to 0.01 on ~60,000: error < 1e-7
      expect(Math.abs((b.fundingRate! - a.fundingRate!) * BARS_PER_8H - basis)).toBeLessThan(5e-7);
      compared += 1;
    });
    expect(compared).toBeGreaterThan(19_000);
  });

  it('keeps funding within ±cap per 8 hours', () => {
    const crash = runMarket({ seed: 3, scenario: 'crash', maxBars: 300 });
    const funding = bars(crash, 'ETH-USD@beta').map((b) => b.fundingRate! * BARS_PER_8H);
    for (const f of funding) expect(Math.abs(f)).toBeLessThanOrEqual(0.0075 + 1e-12);
    // In the crash, momentum drives funding negative (shorts pay longs).
    expect(mean(funding.slice(100, 250))).toBeLessThan(0);
  });

  it('liquidates longs on sharp falls and shorts on sharp rises', () => {
    const returns = alpha.map((b) => Math.log(b.close / b.open));
    const sd = Math.sqrt(mean(returns.map((r) => r * r)));
    const longs = (pick: (r: number) => boolean) =>
      mean(alpha.filter((_, i) => pick(returns[i]!)).map((b) => b.liquidations!.longNotional));
    const shorts = (pick: (r: number) => boolean) =>
      mean(alpha.filter((_, i) => pick(returns[i]!)).map((b) => b.liquidations!.shortNotional));
    const quiet = (r: number) => Math.abs(r) < sd;
    expect(longs((r) => r < -3 * sd)).toBeGreaterThan(5 * longs(quiet));
    expect(shorts((r) => r > 3 * sd)).toBeGreaterThan(5 * shorts(quiet));
    expect(longs((r) => r < -3 * sd)).toBeGreaterThan(5 * shorts((r) => r < -3 * sd));
  });

  it('takes liquidated contracts out of the open interest', () => {
    const crash = runMarket({ seed: 4, scenario: 'crash', maxBars: 260 });
    const eth = bars(crash, 'ETH-USD@alpha');
    const contracts = (i: number) => eth[i]!.openInterest! / eth[i]!.close;
    // Default open interest 300,000 ETH per venue; the crash's long liquidations shrink it.
    expect(contracts(45) / 300_000).toBeGreaterThan(0.9);
    expect(contracts(249)).toBeLessThan(0.8 * contracts(45));
    // Each side liquidates at most maxFractionPerBar (0.2) of the contracts open before the bar.
    let largest = 0;
    for (let i = 1; i < eth.length; i++) {
      const before = contracts(i - 1) * eth[i]!.close;
      largest = Math.max(largest, eth[i]!.liquidations!.longNotional / before);
      expect(eth[i]!.liquidations!.shortNotional / before).toBeLessThanOrEqual(0.2 + 1e-9);
    }
    expect(largest).toBeLessThanOrEqual(0.2 + 1e-9);
    expect(largest).toBeGreaterThan(0.01);
  });
});
