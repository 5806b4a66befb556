import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src-main/engine/create-engine';
import type { Engine } from '../../src-main/engine/loop';
import { minuteFeed } from '../helpers/single-instrument-feed';
import type { MarketSlice } from '../../src-shared/domain/market';
import type { Settings } from '../../src-shared/settings/schema';
import { MemoryJournal } from '../helpers/memory-journal';
import { onlyStrategies, testSettings } from '../helpers/settings';

function run(
  seed: number,
  bars: number,
  settings: Settings = testSettings(onlyStrategies(['momentum'])),
  before?: (engine: Engine, i: number) => void,
) {
  const feed = minuteFeed(seed, bars);
  const journal = new MemoryJournal();
  const engine = createEngine({ settings, instruments: feed.instruments, journal, seed });
  let i = 0;
  const slices: MarketSlice[] = [];
  for (let slice = feed.next(); slice; slice = feed.next()) {
    before?.(engine, i++);
    engine.onSlice(slice);
    slices.push(slice);
  }
  return { engine, journal, slices };
}

describe('Engine loop', () => {
  it('gives the same fills for the same seed and data, and others for another seed', () => {
    const a = run(7, 400);
    const b = run(7, 400);
    const c = run(8, 400);
    expect(a.journal.fills.length).toBeGreaterThan(5);
    expect(b.journal.fills).toEqual(a.journal.fills);
    expect(c.journal.fills).not.toEqual(a.journal.fills);
  });

  it('keeps cash and positions consistent with the recorded trades', () => {
    const { engine, journal } = run(3, 300);
    const cash = journal.fills.reduce(
      (sum, t) => sum - (t.side === 'buy' ? 1 : -1) * t.qty * t.price - t.commission,
      testSettings().paper.initialCash,
    );
    const qty = journal.fills.reduce((sum, t) => sum + (t.side === 'buy' ? t.qty : -t.qty), 0);
    expect(engine.portfolioView().cash).toBeCloseTo(cash, 6);
    expect(engine.positions()[0]?.qty ?? 0).toBeCloseTo(qty, 9);
  });

  it('writes a checkpoint every 5 minutes of engine time', () => {
    const { journal } = run(1, 30);
    // Bars at minutes 1..30: checkpoints at 1, 6, 11, 16, 21, 26.
    expect(journal.checkpoints.map((c) => c.time / 60_000)).toEqual([1, 6, 11, 16, 21, 26]);
  });

  it('after a halt only reduces positions, and the halt is journalled', () => {
    let haltedAt = -1;
    const { journal } = run(7, 400, testSettings(onlyStrategies(['momentum'])), (engine, i) => {
      if (i === 150) {
        expect(engine.halt('test halt').ok).toBe(true);
        haltedAt = engine.equityPoint().time;
      }
    });
    const after = journal.fills.filter((t) => t.time > haltedAt);
    expect(journal.fills.some((t) => t.time <= haltedAt)).toBe(true);
    for (const trade of after) expect(['reduce', 'close']).toContain(trade.effect);
    expect(journal.breakerEvents.map((e) => [e.kind, e.reason])).toContainEqual(['halt', 'test halt']);
  });

  it('rejects a bad bar without moving time or trading', () => {
    const { engine } = run(1, 20);
    const before = engine.equityPoint();
    const slice = (time: number, patch: Record<string, number>) => ({
      time,
      bars: [{ instrument: 'SYN', time, open: 1, high: 1, low: 1, close: 1, volume: 1, ...patch }],
    });
    const step = engine.onSlice(slice(10 ** 12, { high: 0.5, low: 0.9 }));
    expect(step.rejected).toBe('SYN: high 0.5 is below low 0.9 (ohlc)');
    expect(engine.rejected).toBe(1);
    expect(engine.equityPoint()).toEqual(before);
    expect(engine.onSlice(slice(10 ** 12, { open: NaN })).rejected).toBe('SYN: open is NaN (nan)');
    expect(engine.onSlice(slice(0, {})).rejected).toBe(`time 0 is before engine time ${before.time}`);
    expect(engine.rejected).toBe(3);
  });

  it('fills a market order decided on a close at the next bar, from its open against the trader, inside the bar', () => {
    const { journal, slices } = run(7, 200);
    expect(journal.fills.length).toBeGreaterThan(3);
    for (const fill of journal.fills) {
      const order = journal.orders.get(fill.orderId!)!.order;
      expect(fill.time).toBeGreaterThan(order.submittedAt);
      const bar = slices.find((s) => s.time === fill.time)!.bars[0]!;
      if (fill.side === 'buy') expect(fill.price).toBeGreaterThanOrEqual(bar.open);
      else expect(fill.price).toBeLessThanOrEqual(bar.open);
      expect(fill.price).toBeGreaterThanOrEqual(bar.low);
      expect(fill.price).toBeLessThanOrEqual(bar.high);
    }
  });

  it('undoes a manual halt whose audit row cannot be written', () => {
    const { engine, journal } = run(1, 20);
    journal.failNext = true;
    expect(() => engine.halt('disk full')).toThrow('SQLITE_FULL');
    expect(engine.breakerState().halted).toBe(false);
  });
});
