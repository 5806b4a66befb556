import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, formatDay, weekday } from '../../../src-main/engine/data/civil-date';
import { easterSunday, isNyseTradingDay, nyseHolidays } from '../../../src-main/engine/data/nyse-calendar';
import {
  defaultCalendar,
  isTradingDay,
  tradingDaysBetween,
} from '../../../src-main/engine/data/trading-calendar';

const day = (text: string): number => dayFromCivil(+text.slice(0, 4), +text.slice(5, 7), +text.slice(8, 10));

describe('NYSE calendar', () => {
  it('computes Easter Sunday (published dates)', () => {
    expect(formatDay(easterSunday(2000))).toBe('2000-04-23');
    expect(formatDay(easterSunday(2008))).toBe('2008-03-23');
    expect(formatDay(easterSunday(2019))).toBe('2019-04-21');
    expect(formatDay(easterSunday(2024))).toBe('2024-03-31');
    expect(formatDay(easterSunday(2038))).toBe('2038-04-25');
  });

  it('lists the 2022 holidays with their weekend observance (NYSE published calendar)', () => {
    // New Year 2022 fell on a Saturday: not observed (2021-12-31 was a trading day). Juneteenth (Sunday)
    // moved to Monday 20 June; Christmas (Sunday) to Monday 26 December.
    expect(nyseHolidays(2022).map(formatDay)).toEqual([
      '2022-01-17',
      '2022-02-21',
      '2022-04-15',
      '2022-05-30',
      '2022-06-20',
      '2022-07-04',
      '2022-09-05',
      '2022-11-24',
      '2022-12-26',
    ]);
    expect(isNyseTradingDay(day('2021-12-31'))).toBe(true);
  });

  it('moves Saturday holidays to Friday and has no Juneteenth before 2022', () => {
    expect(nyseHolidays(2021).map(formatDay)).toEqual([
      '2021-01-01',
      '2021-01-18',
      '2021-02-15',
      '2021-04-02',
      '2021-05-31',
      '2021-07-05',
      '2021-09-06',
      '2021-11-25',
      '2021-12-24',
    ]);
    expect(nyseHolidays(2020).map(formatDay)).toContain('2020-07-03');
  });

  it('knows the special closures', () => {
    for (const closed of [
      '2001-09-11',
      '2001-09-14',
      '2004-06-11',
      '2007-01-02',
      '2012-10-29',
      '2012-10-30',
      '2018-12-05',
      '2025-01-09',
    ])
      expect(isNyseTradingDay(day(closed)), closed).toBe(false);
    expect(isNyseTradingDay(day('2001-09-17'))).toBe(true);
  });

  it('matches the trading days of the S&P 500 sample exactly, 2000-01-03 to 2020-04-17', () => {
    const text = readFileSync(join(__dirname, '../../../resources/data/sp500-2000.csv'), 'utf8');
    const traded = new Set(
      text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => day(line.slice(0, 10))),
    );
    const mismatches: string[] = [];
    for (let d = day('2000-01-03'); d <= day('2020-04-17'); d++) {
      if (isNyseTradingDay(d) !== traded.has(d)) mismatches.push(`${formatDay(d)} (weekday ${weekday(d)})`);
    }
    expect(mismatches).toEqual([]);
    expect(traded.size).toBe(5105);
  });

  it('counts trading days strictly between two days', () => {
    // Thursday 2000-12-21 → Wednesday 2000-12-27: Fri 22, Tue 26 trade; Mon 25 is Christmas.
    expect(tradingDaysBetween('nyse', day('2000-12-21'), day('2000-12-27'))).toBe(2);
    expect(tradingDaysBetween('weekdays', day('2000-12-21'), day('2000-12-27'))).toBe(3);
    expect(tradingDaysBetween('nyse', day('2000-12-22'), day('2000-12-26'))).toBe(0);
  });
});

describe('calendars by asset class', () => {
  it('equities trade on the NYSE calendar, crypto around the clock, prediction markets unscheduled', () => {
    expect(defaultCalendar('equity-index')).toBe('nyse');
    expect(defaultCalendar('volatility-index')).toBe('nyse');
    expect(defaultCalendar('crypto')).toBe('continuous');
    expect(defaultCalendar('prediction')).toBe('none');
    const saturday = day('2000-01-08');
    expect([
      isTradingDay('nyse', saturday),
      isTradingDay('weekdays', saturday),
      isTradingDay('continuous', saturday),
      isTradingDay('none', saturday),
    ]).toEqual([false, false, true, true]);
  });
});
