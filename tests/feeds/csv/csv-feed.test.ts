import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MarketSlice } from '../../../src-shared/domain/market';
import { rejectBar } from '../../../src-main/engine/data/bar-checks';
import type { DataIssue } from '../../../src-main/engine/data/issues';
import { CsvFeed, type CsvFeedOptions } from '../../../src-main/feeds/csv/csv-feed';
import { CsvRefusedError } from '../../../src-main/feeds/csv/csv-source';
import { useTempDirs } from '../../helpers/temp-dir';

const SAMPLE = join(__dirname, '../../../resources/data/sp500-2000.csv');
const DAY = 86_400_000;
const fees = { maker: 0.0002, taker: 0.001 };
const tempDir = useTempDirs();

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

function drain(options: Omit<CsvFeedOptions, 'fees'>): { slices: MarketSlice[]; feed: CsvFeed } {
  const feed = new CsvFeed({ fees, ...options });
  const slices: MarketSlice[] = [];
  for (let slice = feed.next(); slice !== null; slice = feed.next()) slices.push(slice);
  return { slices, feed };
}

/** `instrument@date` per slice, for compact comparisons. */
const shape = (slices: MarketSlice[]) =>
  slices.map((s) =>
    s.bars.map((b) => `${b.instrument}@${new Date(b.time - 1).toISOString().slice(0, 10)}`).join(' '),
  );

describe('CsvFeed on the S&P 500 sample', () => {
  it('replays 5,105 daily bars in order, stamped at the end of each session day', () => {
    const { slices, feed } = drain({ sources: [SAMPLE] });
    expect(slices).toHaveLength(5105);
    expect(slices[0]).toEqual({
      time: Date.UTC(2000, 0, 4),
      bars: [
        {
          instrument: 'sp500-2000',
          time: Date.UTC(2000, 0, 4),
          open: 1469.25,
          high: 1478,
          low: 1438.359985,
          close: 1455.219971,
          volume: 931800000,
        },
      ],
    });
    expect(slices.at(-1)!.bars[0]).toMatchObject({
      time: Date.UTC(2020, 3, 18),
      close: 2874.560059,
      volume: 5792140000,
    });
    for (let i = 1; i < slices.length; i++) expect(slices[i]!.time).toBeGreaterThan(slices[i - 1]!.time);
    expect(slices.every((s) => s.bars.length === 1 && rejectBar(s.bars[0]!) === null)).toBe(true);
    expect(feed.instruments).toEqual([
      {
        id: 'sp500-2000',
        symbol: 'sp500-2000',
        venue: 'yahoo',
        assetClass: 'equity-index',
        lotSize: 1,
        tickSize: 0.01,
        makerFee: 0.0002,
        takerFee: 0.001,
      },
    ]);
  });

  it('gives the same bars whatever the chunk size (lines split across reads)', () => {
    const big = drain({ sources: [SAMPLE] }).slices;
    expect(drain({ sources: [SAMPLE], chunkBytes: 37 }).slices).toEqual(big);
  });

  it('reports progress up to the file size', () => {
    const calls: [number, number][] = [];
    drain({
      sources: [SAMPLE],
      chunkBytes: 64 * 1024,
      onProgress: (read, total) => calls.push([read, total]),
    });
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.at(-1)).toEqual([415968, 415968]);
  });
});

describe('CsvFeed merging', () => {
  it('merges several files in time order, one slice per time', () => {
    const a = file(
      'AAA.csv',
      'date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n2024-01-03,1,1,1,1,1\n2024-01-04,1,1,1,1,1\n',
    );
    const b = file(
      'BBB.csv',
      'date,open,high,low,close,volume\n2024-01-03,2,2,2,2,2\n2024-01-04,2,2,2,2,2\n2024-01-05,2,2,2,2,2\n',
    );
    const { slices, feed } = drain({ sources: [a, b] });
    expect(shape(slices)).toEqual([
      'AAA@2024-01-02',
      'AAA@2024-01-03 BBB@2024-01-03',
      'AAA@2024-01-04 BBB@2024-01-04',
      'BBB@2024-01-05',
    ]);
    expect(feed.instruments.map((i) => [i.id, i.assetClass, i.venue])).toEqual([
      ['AAA', 'equity', 'csv'],
      ['BBB', 'equity', 'csv'],
    ]);
  });

  const rows = (symbol: string, days: number[]) =>
    days.map((d) => `${symbol},2024-01-${String(d).padStart(2, '0')},1,1,1,1,1`);

  it('replays a file sorted by symbol with a cursor per run, and an interleaved file alike', () => {
    const header = 'symbol,date,open,high,low,close,volume';
    const bySymbol = file(
      'blocks.csv',
      [header, ...rows('X', [2, 3, 4]), ...rows('Y', [3, 4, 5]), ...rows('Z', [2])].join('\n'),
    );
    const interleaved = file(
      'mixed.csv',
      [
        header,
        'X,2024-01-02,1,1,1,1,1',
        'Z,2024-01-02,1,1,1,1,1',
        'X,2024-01-03,1,1,1,1,1',
        'Y,2024-01-03,1,1,1,1,1',
        'X,2024-01-04,1,1,1,1,1',
        'Y,2024-01-04,1,1,1,1,1',
        'Y,2024-01-05,1,1,1,1,1',
      ].join('\n'),
    );
    const expected = [
      'X@2024-01-02 Z@2024-01-02',
      'X@2024-01-03 Y@2024-01-03',
      'X@2024-01-04 Y@2024-01-04',
      'Y@2024-01-05',
    ];
    const blocks = drain({ sources: [bySymbol] });
    expect(shape(blocks.slices)).toEqual(expected);
    expect(blocks.feed.instruments.map((i) => i.id)).toEqual(['X', 'Y', 'Z']);
    expect(shape(drain({ sources: [interleaved] }).slices)).toEqual(expected);
    // Beyond the run limit a blocked file is read with one cursor, in file order.
    expect(shape(drain({ sources: [bySymbol], maxRunsPerFile: 2 }).slices)[0]).toBe('X@2024-01-02');
  });

  it('names a file by the given instrument, and refuses a file it cannot read', () => {
    const a = file('prices.csv', 'date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n');
    expect(drain({ sources: [{ path: a, instrument: 'SPY' }] }).slices[0]!.bars[0]!.instrument).toBe('SPY');
    const missing = join(tempDir(), 'nope.csv');
    expect(() => new CsvFeed({ fees, sources: [a, missing] })).toThrow(
      new CsvRefusedError(missing, 'no such file'),
    );
  });
});

describe('CsvFeed layouts', () => {
  it('reads a headerless Binance kline export, stamping bars at close_time + 1 ms', () => {
    const path = file(
      'BTCUSDT-1h-2024-01.csv',
      '1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68,1704070799999,53957845.5,41317,676.1,28697590.4,0\n' +
        '1704070800000,42475.23,42775.00,42431.65,42613.56,1196.37,1704074399999,51000000.1,40000,600.0,25600000.0,0\n',
    );
    const { slices, feed } = drain({ sources: [path] });
    expect(slices.map((s) => s.time)).toEqual([1704070800000, 1704074400000]);
    expect(slices[0]!.bars[0]).toEqual({
      instrument: 'BTCUSDT-1h-2024-01',
      time: 1704070800000,
      open: 42283.58,
      high: 42554.57,
      low: 42261.02,
      close: 42475.23,
      volume: 1271.68,
    });
    expect(feed.instruments[0]).toMatchObject({ venue: 'binance', assetClass: 'crypto', lotSize: 0.00001 });
  });

  it('reads a semicolon file with BOM, CRLF, quoted header, decimal commas and separate date and time', () => {
    const path = file(
      'eu.csv',
      '\uFEFF"Date";"Time";"Open";"High";"Low";"Close";"Volume"\r\n2024-03-01;14:30;"1,5";2;1;1,75;10\r\n',
    );
    const bar = drain({ sources: [path] }).slices[0]!.bars[0]!;
    expect(bar).toEqual({
      instrument: 'eu',
      time: Date.UTC(2024, 2, 1, 14, 30),
      open: 1.5,
      high: 2,
      low: 1,
      close: 1.75,
      volume: 10,
    });
  });

  it('scales prices by adjclose / close when asked, and reads liquidation and funding columns', () => {
    const yahoo = file('y.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,10,12,8,10,5,100\n');
    expect(drain({ sources: [yahoo], adjust: 'adjclose' }).slices[0]!.bars[0]).toMatchObject({
      open: 5,
      high: 6,
      low: 4,
      close: 5,
      volume: 100,
    });
    expect(drain({ sources: [yahoo] }).slices[0]!.bars[0]).toMatchObject({ open: 10, close: 10 });
    const perp = file(
      'p.csv',
      'timestamp,open,high,low,close,volume,funding_rate,long_liquidations,short_liquidations\n1704067200,1,1,1,1,1,0.0001,5000,\n1704070800,1,1,1,1,1,,,\n',
    );
    const bars = drain({ sources: [perp] }).slices.map((s) => s.bars[0]!);
    expect(bars[0]).toMatchObject({
      fundingRate: 0.0001,
      liquidations: { longNotional: 5000, shortNotional: 0 },
    });
    expect(bars[1]).not.toHaveProperty('liquidations');
  });

  it('adds the interval to open-time stamps, and refuses them without one', () => {
    const path = file('o.csv', 'open_time,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,1,1,1,1\n');
    expect(drain({ sources: [path], intervalMs: 3_600_000 }).slices[0]!.time).toBe(Date.UTC(2024, 0, 1, 1));
    expect(() => new CsvFeed({ fees, sources: [path] })).toThrow(
      `${path}: the open_time column stamps each bar's open and there is no close time column: give the bar interval so bars can be stamped at their close`,
    );
  });

  it('skips rows it cannot read, reporting each at its file:line, and carries on', () => {
    const path = file(
      'bad.csv',
      'date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n2024-01-03,1,1,1,abc,1\n\n2024-01-04,1,1\n2024-01-05,1,1,1,1,1\n',
    );
    const issues: DataIssue[] = [];
    const { slices } = drain({ sources: [path], onIssue: (i) => issues.push(i) });
    expect(slices.map((s) => s.time)).toEqual([Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 6)]);
    expect(issues.map((i) => [i.file, i.row, i.rule, i.field, i.value, i.message])).toEqual([
      [path, 3, 'not-a-number', 'close', 'abc', 'close: "abc" is not a number'],
      [path, 5, 'field-count', null, null, 'expected 6 fields, found 3'],
    ]);
    expect(issues[0]!.timestamp).toBe(Date.UTC(2024, 0, 4));
    expect(issues[0]!.instrument).toBe('bad');
  });

  it('passes NaN written in the file on to the validator', () => {
    const path = file('n.csv', 'date,open,high,low,close,volume\n2024-01-02,1,1,1,NaN,1\n');
    const bar = drain({ sources: [path] }).slices[0]!.bars[0]!;
    expect(rejectBar(bar)).toBe('close is NaN');
    expect(bar.time).toBe(Date.UTC(2024, 0, 2) + DAY);
  });
});
