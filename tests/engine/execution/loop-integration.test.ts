import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/create-engine';
import { minuteFeed } from '../../helpers/single-instrument-feed';
import type { Bar } from '../../../src-shared/domain/market';
import { MemoryJournal } from '../../helpers/memory-journal';
import { onlyStrategies, testSettings } from '../../helpers/settings';

/** The engine loop with this execution engine at bar or book level, over a seeded single-instrument market. */
function run(seed: number, mode: 'bar' | 'book') {
  const settings = testSettings(onlyStrategies(['momentum']));
  const feed = minuteFeed(11, 400);
  const journal = new MemoryJournal();
  settings.execution = { ...settings.execution, mode };
  const engine = createEngine({ settings, instruments: feed.instruments, journal, seed });
  const bars = new Map<number, Bar>();
  for (let slice = feed.next(); slice; slice = feed.next()) {
    bars.set(slice.time, slice.bars[0]!);
    engine.onSlice(slice);
  }
  return { engine, journal, bars, initialCash: settings.paper.initialCash };
}

describe('execution engine inside the engine loop', () => {
  for (const mode of ['bar', 'book'] as const) {
    it(`${mode} level: trades inside their bars, books consistently, and repeats for a seed`, () => {
      const { engine, journal, bars, initialCash } = run(5, mode);
      expect(journal.fills.length).toBeGreaterThan(5);
      for (const t of journal.fills) {
        const b = bars.get(t.time)!;
        expect(t.price).toBeGreaterThanOrEqual(b.low);
        expect(t.price).toBeLessThanOrEqual(b.high);
        expect(t.liquidity).toBe('taker');
        expect(t.commission).toBeCloseTo(t.qty * t.price * 0.001, 9);
      }
      const cash = journal.fills.reduce(
        (sum, t) => sum - (t.side === 'buy' ? 1 : -1) * t.qty * t.price - t.commission,
        initialCash,
      );
      expect(engine.portfolioView().cash).toBeCloseTo(cash, 6);
      expect(run(5, mode).journal.fills).toEqual(journal.fills);
      expect(run(6, mode).journal.fills.map((t) => t.price)).not.toEqual(journal.fills.map((t) => t.price));
    });
  }
});
