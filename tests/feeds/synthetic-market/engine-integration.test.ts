import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/create-engine';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';
import { MemoryJournal } from '../../helpers/memory-journal';
import { testSettings } from '../../helpers/settings';

describe('the engine on the synthetic market', () => {
  it('steps through every slice, contracts settling at 0 or 1 included, and closes settled positions', () => {
    const options = {
      seed: 13,
      maxBars: 3000,
      prediction: {
        series: [
          { prefix: 'A', domain: 'sports', question: 'A?', durationBars: 50 },
          { prefix: 'B', domain: 'weather', question: 'B?', durationBars: 70 },
        ],
      },
    };
    const market = createSyntheticMarket(options);
    const listedAtStart = new Set(market.instruments.map((i) => i.id));
    const journal = new MemoryJournal();
    const engine = createEngine({
      settings: testSettings(),
      instruments: market.instruments,
      journal,
      seed: 1,
      resolveInstrument: (id) => market.instruments.find((spec) => spec.id === id),
    });
    let settlements = 0;
    let steps = 0;
    for (let slice = market.next(); slice; slice = market.next()) {
      const result = engine.onSlice(slice);
      steps += 1;
      expect(result.rejected).toBeNull();
      for (const bar of slice.bars) {
        if (bar.settlement === undefined) continue;
        settlements += 1;
        // No position outlives its contract's settlement.
        expect(engine.positions().some((p) => p.instrument === bar.instrument)).toBe(false);
      }
    }
    expect(steps).toBe(3000);
    expect(settlements).toBeGreaterThan(20);
    expect(engine.rejected).toBe(0);
    expect(Number.isFinite(engine.portfolioView().equity)).toBe(true);
    // Contracts listed after the start were traded too.
    expect(journal.fills.some((f) => !listedAtStart.has(f.instrument))).toBe(true);
    for (const fill of journal.fills.filter((f) => f.strategy === 'settlement')) {
      expect([0, 1]).toContain(fill.price);
      expect(fill).toMatchObject({ orderId: null, commission: 0 });
    }
  });
});
