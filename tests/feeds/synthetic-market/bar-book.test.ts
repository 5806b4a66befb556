import { describe, expect, it } from 'vitest';
import { BarBook } from '../../../src-main/feeds/synthetic-market/bar-book';

describe('BarBook', () => {
  it('rounds to decimal ticks without binary drift and to other ticks by multiples', () => {
    const book = new BarBook(3);
    const cents = book.add(0.01, 1);
    const quarters = book.add(0.25, 1);
    const fives = book.add(5, 100);
    expect(book.round(cents, 0.1 + 0.2)).toBe(0.3); // 0.30000000000000004 → 30/100
    expect(book.round(cents, 60000.014999)).toBe(60000.01);
    expect(book.round(quarters, 10.13)).toBe(10.25); // 1/0.25 = 4 is whole: round(40.52) / 4
    expect(book.round(fives, 12.4)).toBe(10);
    expect(book.round(fives, 12.6)).toBe(15);
  });

  it('opens at the previous close and spans open, close and the path in the high and low', () => {
    const book = new BarBook(1);
    const slot = book.add(0.01, 100.004); // first open 100.00
    book.begin(slot);
    book.observe(slot, 101.236);
    book.observe(slot, 99.111);
    book.finish(slot, 100.5, 0.01, Infinity);
    expect([book.open[slot], book.high[slot], book.low[slot], book.close[slot]]).toEqual([
      100, 101.24, 99.11, 100.5,
    ]);
    book.begin(slot);
    book.observe(slot, 100.501); // rounds to the open: no new extreme
    book.finish(slot, 100.7, 0.01, Infinity);
    expect([book.open[slot], book.high[slot], book.low[slot], book.close[slot]]).toEqual([
      100.5, 100.7, 100.5, 100.7,
    ]);
  });

  it('clamps rounded prices into the floor and ceiling, and settles at an exact value', () => {
    const book = new BarBook(1);
    const slot = book.add(0.001, 0.5);
    book.begin(slot);
    book.observe(slot, 1.2);
    book.finish(slot, 0.0001, 0.001, 0.999);
    expect([book.open[slot], book.high[slot], book.low[slot], book.close[slot]]).toEqual([
      0.5, 0.999, 0.001, 0.001,
    ]);
    book.begin(slot);
    book.observe(slot, 0.2);
    book.finishAt(slot, 0, 0.001, 0.999);
    expect([book.open[slot], book.high[slot], book.low[slot], book.close[slot]]).toEqual([0.001, 0.2, 0, 0]);
  });

  it('refuses more slots than it holds', () => {
    const book = new BarBook(1);
    book.add(1, 1);
    expect(() => book.add(1, 1)).toThrow('BarBook holds 1 slots');
  });
});
