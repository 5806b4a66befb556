import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  dayFromCivil,
  dayOf,
  formatDuration,
  isoTimeText,
  labelBarTime,
  weekday,
  yearOfDay,
} from '../../../src-main/engine/data/civil-date';

describe('civil dates', () => {
  it('agrees with Date.UTC on day numbers, years and weekdays from 1600 to 2400', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1600, max: 2400 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const reference = Date.UTC(y, m - 1, d) / DAY_MS;
          expect(dayFromCivil(y, m, d)).toBe(reference);
          expect(yearOfDay(reference)).toBe(y);
          expect(weekday(reference)).toBe(new Date(Date.UTC(y, m - 1, d)).getUTCDay());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('floors times before midnight into their day', () => {
    expect(dayOf(Date.UTC(2000, 0, 3, 23, 59, 59, 999))).toBe(dayFromCivil(2000, 1, 3));
    expect(dayOf(-1)).toBe(-1);
  });

  it('labels a daily bar stamped at the end of its day by its session date, others by ISO time', () => {
    const endOfJan3 = Date.UTC(2000, 0, 4);
    expect(labelBarTime(endOfJan3, true)).toBe('2000-01-03');
    expect(labelBarTime(endOfJan3, false)).toBe('2000-01-04T00:00:00.000Z');
    expect(labelBarTime(Date.UTC(2000, 0, 3, 21), true)).toBe('2000-01-03T21:00:00.000Z');
  });

  it('writes durations in the largest whole unit', () => {
    expect(formatDuration(DAY_MS)).toBe('1 d');
    expect(formatDuration(4 * 3_600_000)).toBe('4 h');
    expect(formatDuration(15 * 60_000)).toBe('15 min');
    expect(formatDuration(30_000)).toBe('30 s');
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(90_000)).toBe('90 s');
    expect(formatDuration(1500)).toBe('1.5 s');
  });
});

describe('isoTimeText', () => {
  it('writes the same text as Date.toISOString for any whole millisecond of 1970–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        expect(isoTimeText(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('matches at the edges: the epoch, leap days, the last millisecond of 9999', () => {
    for (const ms of [
      0,
      951_782_400_000, // 2000-02-29
      4_107_542_399_999, // 2100-02-28T23:59:59.999 (2100 is no leap year)
      253_402_300_799_999,
    ])
      expect(isoTimeText(ms)).toBe(new Date(ms).toISOString());
    expect(isoTimeText(951_782_400_000)).toBe('2000-02-29T00:00:00.000Z');
  });

  it('hands other times to Date: before 1970, after 9999, fractions, and throws for NaN as Date does', () => {
    for (const ms of [-1, -86_400_001, 253_402_300_800_000, 1.5, 1e15 + 0.25])
      expect(isoTimeText(ms)).toBe(new Date(ms).toISOString());
    expect(() => isoTimeText(Number.NaN)).toThrow(RangeError);
  });
});
