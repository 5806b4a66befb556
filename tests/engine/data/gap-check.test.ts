import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, dayFromCivil } from '../../../src-main/engine/data/civil-date';
import { describeGap, noSessionMissed, sessionDay } from '../../../src-main/engine/data/gap-check';
import { TradingDayTable } from '../../../src-main/engine/data/trading-calendar';

const HOUR = 3_600_000;
const nyse = new TradingDayTable('nyse');
// 2000-01-07 is a Friday, 2000-01-10 the Monday after; 2000-01-17 (MLK Day) is a NYSE holiday.
const friday = dayFromCivil(2000, 1, 7);
const endOf = (day: number): number => (day + 1) * DAY_MS;

describe('noSessionMissed (the validator’s shortcut for describeGap)', () => {
  it('rules out a weekend between daily sessions, not a missing weekday', () => {
    expect(noSessionMissed(nyse, DAY_MS, friday, friday + 3)).toBe(true);
    expect(noSessionMissed(nyse, DAY_MS, friday, friday + 4)).toBe(false); // Tuesday: Monday is missing
    // Friday 14th to Tuesday 18th: Monday 17th is MLK Day, so nothing is missing.
    expect(noSessionMissed(nyse, DAY_MS, friday + 7, friday + 11)).toBe(true);
  });

  it('leaves intraday bars within one day, and intervals over 28 h, to describeGap', () => {
    expect(noSessionMissed(nyse, HOUR, friday, friday)).toBe(false);
    expect(noSessionMissed(nyse, 7 * DAY_MS, friday, friday + 7)).toBe(false);
    expect(noSessionMissed(nyse, 0, friday, friday + 1)).toBe(false);
  });

  it('never rules out a gap that describeGap would report', () => {
    const start = endOf(dayFromCivil(2000, 1, 3));
    fc.assert(
      fc.property(
        fc.constantFrom(DAY_MS, 4 * HOUR, HOUR, 15 * 60_000, 21 * HOUR),
        fc.integer({ min: 0, max: 2000 * 24 }),
        fc.integer({ min: 1, max: 24 * 12 }),
        (interval, startHours, spanHours) => {
          const previous = start + startHours * HOUR;
          const current = previous + spanHours * HOUR;
          const ruledOut = noSessionMissed(nyse, interval, sessionDay(previous), sessionDay(current));
          if (ruledOut) expect(describeGap('nyse', interval, previous, current, nyse)).toBeNull();
        },
      ),
    );
  });
});
