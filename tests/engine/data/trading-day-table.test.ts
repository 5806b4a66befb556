import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../../src-main/engine/data/civil-date';
import {
  isTradingDay,
  TradingDayTable,
  tradingDaysBetween,
  type CalendarKind,
} from '../../../src-main/engine/data/trading-calendar';

const CALENDARS: CalendarKind[] = ['nyse', 'weekdays', 'continuous', 'none'];
const FROM = dayFromCivil(1900, 1, 1);
const TO = dayFromCivil(2500, 12, 31);

describe('TradingDayTable', () => {
  it('answers as isTradingDay for any day, in any order (years reloaded as lookups jump)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CALENDARS),
        fc.array(fc.integer({ min: FROM, max: TO }), { minLength: 1, maxLength: 50 }),
        (calendar, days) => {
          const table = new TradingDayTable(calendar);
          for (const day of days) expect(table.isTradingDay(day)).toBe(isTradingDay(calendar, day));
        },
      ),
    );
  });

  it('agrees with isTradingDay on every day of 1999–2026 read in order (holidays, special closures)', () => {
    for (const calendar of CALENDARS) {
      const table = new TradingDayTable(calendar);
      let open = 0;
      for (let day = dayFromCivil(1999, 1, 1); day < dayFromCivil(2027, 1, 1); day++) {
        expect(table.isTradingDay(day)).toBe(isTradingDay(calendar, day));
        if (table.isTradingDay(day)) open += 1;
      }
      // Every day open on the calendars without sessions: 28 years × 365 + 7 leap days.
      if (calendar === 'continuous' || calendar === 'none') expect(open).toBe(10_227);
    }
  });

  it('looks up days beyond ±270,000 years one by one, with the same answers', () => {
    const table = new TradingDayTable('nyse');
    for (const day of [1e9, -1e9, 1e9 + 3]) expect(table.isTradingDay(day)).toBe(isTradingDay('nyse', day));
  });

  it('counts trading days between two days as tradingDaysBetween, capped', () => {
    const table = new TradingDayTable('nyse');
    const a = dayFromCivil(2000, 12, 21);
    const b = dayFromCivil(2000, 12, 27);
    expect(table.countBetween(a, b, 1000)).toBe(2); // 22 and 26 December (25th a holiday, weekend)
    expect(table.countBetween(a, b, 1)).toBe(1);
    const c = dayFromCivil(2001, 9, 7);
    const d = dayFromCivil(2001, 9, 24);
    expect(table.countBetween(c, d, 1000)).toBe(tradingDaysBetween('nyse', c, d, 1000));
    expect(table.countBetween(c, d, 1000)).toBe(6); // 10, 17–21 September 2001 (11–14 closed)
  });
});
