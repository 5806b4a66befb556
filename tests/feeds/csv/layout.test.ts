import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../../src-main/feeds/csv/layout';

describe('detectLayout', () => {
  it('maps a generic header in any order, case and quoting, with a symbol column', () => {
    const layout = detectLayout('"Symbol","Timestamp","Close","Open","High","Low","Volume"');
    expect(layout).toMatchObject({
      kind: 'generic',
      delimiter: ',',
      decimalComma: false,
      hasHeader: true,
      fieldCount: 7,
      timeMark: 'close',
    });
    expect(layout.columns).toMatchObject({
      symbol: 0,
      time: 1,
      close: 2,
      open: 3,
      high: 4,
      low: 5,
      volume: 6,
      adjClose: -1,
    });
  });

  it('recognises Yahoo daily (Adj Close) and a semicolon file with decimal commas', () => {
    expect(detectLayout('Date,Open,High,Low,Close,Adj Close,Volume')).toMatchObject({
      kind: 'yahoo',
      columns: { adjClose: 5 },
    });
    expect(detectLayout('date;open;high;low;close;volume')).toMatchObject({
      kind: 'generic',
      delimiter: ';',
      decimalComma: true,
    });
  });

  it('recognises Binance klines, with and without a header', () => {
    const header = detectLayout(
      'open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore',
    );
    expect(header).toMatchObject({
      kind: 'binance',
      closeTimeColumn: true,
      timeColumnName: 'close_time',
      columns: { time: 6 },
    });
    const headerless = detectLayout(
      '1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68,1704070799999,53957845.5,41317,676.1,28697590.4,0',
    );
    expect(headerless).toMatchObject({
      kind: 'binance',
      hasHeader: false,
      fieldCount: 12,
      columns: { time: 6, open: 1, volume: 5 },
    });
  });

  it('reads a headerless six-column file as time, open, high, low, close, volume', () => {
    expect(detectLayout('2000-01-03,1,2,0.5,1.5,100')).toMatchObject({
      kind: 'generic',
      hasHeader: false,
      columns: { time: 0, volume: 5 },
    });
  });

  it('uses separate date and time columns, and open-time stamps', () => {
    expect(detectLayout('Date,Time,Open,High,Low,Close,Volume').columns).toMatchObject({
      time: 0,
      timeOfDay: 1,
    });
    expect(detectLayout('open_time,open,high,low,close,volume')).toMatchObject({
      timeMark: 'open',
      closeTimeColumn: false,
    });
  });

  it('refuses a header naming one value twice, instead of silently taking the first column', () => {
    expect(() => detectLayout('date,open,high,low,close,volume,Close')).toThrow(
      'the header names the close twice ("close" and "Close"): keep one of those columns',
    );
    expect(() => detectLayout('date,open,high,low,close,last,volume')).toThrow(
      'the header names the close twice ("close" and "last"): keep one of those columns',
    );
    expect(() => detectLayout('Date,open,high,low,close,volume,date')).toThrow(
      'the header names the time twice ("Date" and "date"): keep one of those columns',
    );
    expect(() => detectLayout('date,open,high,low,close,volume,funding,funding_rate')).toThrow(
      'the header names the funding rate twice ("funding" and "funding_rate"): keep one of those columns',
    );
  });

  it('names what is missing', () => {
    expect(() => detectLayout('date,open,high,low,volume')).toThrow(
      'no close column in the header (found: date, open, high, low, volume); expected date or time, open, high, low, close and volume',
    );
    expect(() => detectLayout('when,open,high,low,price')).toThrow(
      'no date or time, close and volume column in the header (found: when, open, high, low, price); expected date or time, open, high, low, close and volume',
    );
    expect(() => detectLayout('hello world')).toThrow(
      'the first line has a single column: expected a header naming date or time, open, high, low, close and volume, separated by commas or semicolons',
    );
    expect(() => detectLayout('2000-01-03,1,2,3')).toThrow(
      'no header row, and 4 columns match no known layout (6: time, open, high, low, close, volume; 12: a Binance kline export); add a header naming the columns',
    );
  });
});
