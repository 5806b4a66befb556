import { describe, expect, it } from 'vitest';
import {
  TIME_BEFORE_EPOCH,
  TIME_INVALID,
  TIME_MISSING,
  TIME_OK,
  TimeReader,
} from '../../../src-main/feeds/csv/parse-time';

const reader = new TimeReader();
const read = (text: string): number => {
  const bytes = Buffer.from(text, 'utf8');
  return reader.read(bytes, 0, bytes.length);
};

describe('TimeReader', () => {
  it('stamps a date at the end of its UTC day (the daily bar is known once its session is over)', () => {
    expect(read('2000-01-03')).toBe(Date.UTC(2000, 0, 4));
    expect(reader.dateOnly).toBe(true);
    expect(read('2000/01/03')).toBe(Date.UTC(2000, 0, 4));
    expect(read('2000.01.03')).toBe(Date.UTC(2000, 0, 4));
  });

  it('reads ISO date-times; no zone means UTC', () => {
    expect(read('2024-03-01T14:30')).toBe(Date.UTC(2024, 2, 1, 14, 30));
    expect(reader.dateOnly).toBe(false);
    expect(read('2024-03-01 14:30:15')).toBe(Date.UTC(2024, 2, 1, 14, 30, 15));
    expect(read('2024-03-01T14:30:15.1234Z')).toBe(Date.UTC(2024, 2, 1, 14, 30, 15, 123));
    expect(read('2024-03-01T14:30:00+01:00')).toBe(Date.UTC(2024, 2, 1, 13, 30));
    expect(read('2024-03-01T14:30:00-0500')).toBe(Date.UTC(2024, 2, 1, 19, 30));
    expect(read('2024-03-01T14:30:00+05')).toBe(Date.UTC(2024, 2, 1, 9, 30));
  });

  it('tells epoch seconds, milliseconds, microseconds and nanoseconds apart by magnitude', () => {
    const ms = Date.UTC(2024, 0, 1, 0, 0, 0);
    expect(read(String(ms / 1000))).toBe(ms);
    expect(read(`${ms / 1000}.25`)).toBe(ms + 250);
    expect(read(String(ms))).toBe(ms);
    expect(read(`${ms}999`)).toBe(ms); // microseconds, floored to the millisecond
    expect(read(`${ms}000000`)).toBe(ms);
    expect(read('99999999999')).toBe(99_999_999_999_000); // below 10^11: seconds (year 5138)
    expect(read('100000000000')).toBe(100_000_000_000); // 10^11: milliseconds (1973)
  });

  it('refuses impossible dates, other formats and times before 1970', () => {
    for (const bad of [
      '2000-13-01',
      '2000-02-30',
      '2001-02-29',
      '03/01/2000',
      '2000-01-03X',
      '2000-01-03T25:00',
      '2000-01-03T10:60',
      'yesterday',
      '-5',
    ])
      expect([read(bad), reader.status], bad).toEqual([NaN, TIME_INVALID]);
    expect(read('2000-02-29')).toBe(Date.UTC(2000, 2, 1));
    expect(reader.status).toBe(TIME_OK);
    read('1969-07-20T20:17:00Z');
    expect(reader.status).toBe(TIME_BEFORE_EPOCH);
    read('  ');
    expect(reader.status).toBe(TIME_MISSING);
  });

  it('reads a separate time-of-day field', () => {
    const bytes = Buffer.from('09:30:05');
    expect(reader.readTimeOfDay(bytes, 0, bytes.length)).toBe(9 * 3_600_000 + 30 * 60_000 + 5000);
    const bad = Buffer.from('9h30');
    expect(reader.readTimeOfDay(bad, 0, bad.length)).toBeNaN();
  });
});

describe('TimeReader: dates in sequence (the month is remembered)', () => {
  it('reads every day of 1999–2001 in order as a fresh reader does, and refuses days a month lacks', () => {
    const sequential = new TimeReader();
    const at = (r: TimeReader, text: string): [number, number] => {
      const bytes = Buffer.from(text, 'latin1');
      return [r.read(bytes, 0, bytes.length), r.status];
    };
    for (let ms = Date.UTC(1999, 0, 1); ms < Date.UTC(2002, 0, 1); ms += 86_400_000) {
      const text = new Date(ms).toISOString().slice(0, 10);
      expect(at(sequential, text)).toEqual([ms + 86_400_000, TIME_OK]);
      expect(at(sequential, `${text.slice(0, 8)}32`)).toEqual([Number.NaN, TIME_INVALID]);
      expect(at(sequential, text)).toEqual(at(new TimeReader(), text));
    }
    // February after February of a leap year, and back: the month's length follows the year.
    expect(at(sequential, '2000-02-29')).toEqual([Date.UTC(2000, 2, 1), TIME_OK]);
    expect(at(sequential, '2001-02-29')).toEqual([Number.NaN, TIME_INVALID]);
    expect(at(sequential, '2001-02-28')).toEqual([Date.UTC(2001, 2, 1), TIME_OK]);
    expect(at(sequential, '2001-02-29')).toEqual([Number.NaN, TIME_INVALID]);
    expect(at(sequential, '2001-13-01')).toEqual([Number.NaN, TIME_INVALID]);
    expect(at(sequential, '2001-02-00')).toEqual([Number.NaN, TIME_INVALID]);
    expect(at(sequential, '2004-02-29')).toEqual([Date.UTC(2004, 2, 1), TIME_OK]);
  });
});
