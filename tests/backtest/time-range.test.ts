import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRange, inRange, parseTimeRange } from '../../src-main/backtest/time-range';

const DAY = 86_400_000;

describe('parseTimeRange', () => {
  it('takes a date as its whole UTC day: its daily bar (stamped at 24:00) is in on both ends', () => {
    const range = parseTimeRange('2008-01-02', '2008-01-04');
    expect(range).toEqual({
      from: Date.UTC(2008, 0, 2) + 1,
      to: Date.UTC(2008, 0, 5),
      fromText: '2008-01-02',
      toText: '2008-01-04',
    });
    // Daily bars of 1, 2, 4 and 5 January, stamped at the end of their day.
    expect([1, 2, 4, 5].map((d) => inRange(range, Date.UTC(2008, 0, d) + DAY))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('takes a date-time as the close time itself; no zone means UTC, an offset is applied', () => {
    expect(parseTimeRange('2024-03-01T09:30', '2024-03-01 16:00:00.5Z')).toMatchObject({
      from: Date.UTC(2024, 2, 1, 9, 30),
      to: Date.UTC(2024, 2, 1, 16, 0, 0, 500),
    });
    expect(parseTimeRange('2024-03-01T09:30-05:00', undefined).from).toBe(Date.UTC(2024, 2, 1, 14, 30));
    expect(parseTimeRange(undefined, undefined)).toEqual({
      from: null,
      to: null,
      fromText: null,
      toText: null,
    });
  });

  it('refuses text that is not a date, an impossible date, and a range that ends before it starts', () => {
    const hint =
      'is not a date (expected YYYY-MM-DD or an ISO date-time such as 2001-01-02T15:30Z; no zone means UTC)';
    expect(() => parseTimeRange('yesterday', undefined)).toThrow(`--from: "yesterday" ${hint}`);
    expect(() => parseTimeRange(undefined, '2001-02-30')).toThrow(`--to: "2001-02-30" ${hint}`);
    expect(() => parseTimeRange(undefined, '2001-01-01T24:30')).toThrow(`--to: "2001-01-01T24:30" ${hint}`);
    expect(() => parseTimeRange('2001-03-01', '2001-02-01')).toThrow(
      '--to 2001-02-01 is before --from 2001-03-01',
    );
  });

  it('keeps exactly the times between its ends (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -500, max: 20_500 }),
        (fromDay, span, barDay) => {
          const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
          const range = parseTimeRange(iso(fromDay), iso(fromDay + span));
          // The daily bar of day D is stamped at (D + 1) days.
          const kept = inRange(range, (barDay + 1) * DAY);
          expect(kept).toBe(barDay >= fromDay && barDay <= fromDay + span);
        },
      ),
    );
  });

  it('describes itself as the trader wrote it', () => {
    expect(describeRange(parseTimeRange('2001-01-02', undefined))).toBe('from 2001-01-02');
    expect(describeRange(parseTimeRange('2001-01-02', '2002-01-01'))).toBe('from 2001-01-02 to 2002-01-01');
    expect(describeRange(parseTimeRange(undefined, undefined))).toBe('the whole data');
  });
});
