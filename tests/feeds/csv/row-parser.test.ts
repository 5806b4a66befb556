import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../../src-main/feeds/csv/layout';
import { RowParser } from '../../../src-main/feeds/csv/row-parser';

function parse(header: string, row: string, terminated = true) {
  const parser = new RowParser({
    layout: detectLayout(header),
    instrument: header.includes('symbol') ? null : 'X',
    adjust: 'none',
    intervalMs: null,
  });
  const buf = Buffer.from(row);
  const bar = parser.parse(buf, 0, buf.length, terminated);
  return { bar, fault: parser.fault };
}
const OHLCV = 'date,open,high,low,close,volume';

describe('RowParser messages', () => {
  it.each([
    [OHLCV, ',1,1,1,1,1', 'missing', 'date is empty'],
    [
      OHLCV,
      '1969-12-30,1,1,1,1,1',
      'timestamp',
      'date: "1969-12-30" is before 1970-01-01, where engine time starts',
    ],
    [
      OHLCV,
      '03/01/2000,1,1,1,1,1',
      'timestamp',
      'date: "03/01/2000" is not a date or time (expected YYYY-MM-DD, an ISO date-time or epoch seconds/milliseconds)',
    ],
    [
      'Date,Time,Open,High,Low,Close,Volume',
      '2000-01-03,9h30,1,1,1,1,1',
      'timestamp',
      'Time: "9h30" is not a time of day (expected HH:MM or HH:MM:SS)',
    ],
    [OHLCV, '2000-01-03,"1,1,1,1,1', 'malformed', 'malformed row: a quote is not closed'],
    [OHLCV, '2000-01-03,"1"x,1,1,1,1', 'malformed', 'malformed row: text follows a closing quote'],
    [OHLCV, '2000-01-03,1,1,1,,1', 'missing', 'close is empty'],
    [
      OHLCV,
      `2000-01-03,1,${'z'.repeat(60)},1,1,1`,
      'not-a-number',
      `high: "${'z'.repeat(40)}…" is not a number`,
    ],
    ['symbol,date,open,high,low,close,volume', ' ,2000-01-03,1,1,1,1,1', 'missing', 'symbol is empty'],
    [`${OHLCV},funding_rate`, '2000-01-03,1,1,1,1,1,x', 'not-a-number', 'funding_rate: "x" is not a number'],
    [OHLCV, '2000-01-03,1,1,1,1,1,1', 'field-count', 'expected 6 fields, found 7'],
  ])('%s | %s → %s', (header, row, rule, message) => {
    const { bar, fault } = parse(header, row);
    expect(bar).toBeNull();
    expect(fault).toMatchObject({ rule, message });
  });

  it('reuses the symbol text while it repeats and reads a new one when it changes', () => {
    const parser = new RowParser({
      layout: detectLayout('symbol,date,open,high,low,close,volume'),
      instrument: null,
      adjust: 'none',
      intervalMs: null,
    });
    const ids = ['AAA,2000-01-03,1,1,1,1,1', 'AAA,2000-01-04,1,1,1,1,1', 'BBB,2000-01-04,1,1,1,1,1'].map(
      (row) => {
        const buf = Buffer.from(row);
        return parser.parse(buf, 0, buf.length, true)!.instrument;
      },
    );
    expect(ids).toEqual(['AAA', 'AAA', 'BBB']);
  });

  it('needs an interval for open-time stamps and an instrument source', () => {
    expect(
      () =>
        new RowParser({
          layout: detectLayout('open_time,open,high,low,close,volume'),
          instrument: 'X',
          adjust: 'none',
          intervalMs: null,
        }),
    ).toThrow('open-time stamps need the bar interval');
    expect(
      () =>
        new RowParser({ layout: detectLayout(OHLCV), instrument: null, adjust: 'none', intervalMs: null }),
    ).toThrow('rows need an instrument: a symbol column or a fixed instrument');
  });
});
