import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFiles, DEFAULT_CHECK_OPTIONS, type CheckOptions } from '../../../src-main/feeds/csv/check-file';
import { formatIssue, formatReport, reportJson } from '../../../src-main/feeds/csv/format-report';
import { useTempDirs } from '../../helpers/temp-dir';

const SAMPLE = join(__dirname, '../../../resources/data/sp500-2000.csv');
const HEADER = 'date,open,high,low,close,adjclose,volume';
const tempDir = useTempDirs();

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

const check = (path: string, options: Partial<CheckOptions> = {}) =>
  checkFiles([path], { ...DEFAULT_CHECK_OPTIONS, ...options }).files[0]!;

describe('checkFiles on the sample', () => {
  it('imports sp500-2000.csv as 5,105 valid bars, quality 1, with no gap on the NYSE calendar', () => {
    const report = checkFiles([SAMPLE]);
    expect(report).toMatchObject({ usable: true, bars: 5105, rows: 5105 });
    const f = report.files[0]!;
    expect(f).toMatchObject({
      refused: null,
      layout: 'yahoo',
      rows: 5105,
      bars: 5105,
      errorRows: 0,
      quality: 1,
      usable: true,
      unusable: null,
      first: '2000-01-03',
      last: '2020-04-17',
      firstTime: Date.UTC(2000, 0, 4),
      lastTime: Date.UTC(2020, 3, 18),
      errors: 0,
    });
    // Only outlier warnings (16 daily moves beyond 5σ of the previous 100, e.g. 2020-03-16 at −12.77 %).
    expect(Object.keys(f.byRule)).toEqual(['outlier']);
    expect(f.issues.find((i) => i.row === 5083)!.message).toBe(
      'close 2386.129883 is a -12.77 % log return from 2711.02002: -6.2σ against σ 2.06 % of the last 100 returns (limit 5σ)',
    );
  });
});

describe('checkFiles on malformed files: a clear message each, never a crash', () => {
  it('bad derivatives columns: a NaN funding rate, a negative liquidation notional', () => {
    const header =
      'date,open,high,low,close,volume,funding_rate,open_interest,long_liquidations,short_liquidations';
    const f = check(
      file(
        'perp.csv',
        `${header}\n2024-01-02T00:00:00Z,100,101,99,100.5,10,0.0001,500,0,0\n` +
          `2024-01-02T00:01:00Z,100,101,99,100.5,10,NaN,500,0,0\n` +
          `2024-01-02T00:02:00Z,100,101,99,100.5,10,-0.0001,500,-5,0\n`,
      ),
    );
    expect(f.issues.map(formatIssue)).toEqual([
      `${f.file}:3: error [nan] fundingRate is NaN`,
      `${f.file}:4: error [negative-value] liquidations.longNotional -5 is negative`,
    ]);
    expect(f.bars).toBe(1);
  });

  it('a truncated last line', () => {
    const f = check(
      file(
        'cut.csv',
        `${HEADER}\n2000-01-03,1,2,0.5,1.5,1.5,100\n2000-01-04,1,2,0.5,1.5,1.5,100\n2000-01-05,1,2`,
      ),
    );
    expect(f.issues.map(formatIssue)).toEqual([
      `${f.file}:4: error [field-count] expected 7 fields, found 3 (the last line is cut short: the file may be truncated)`,
    ]);
    expect(f).toMatchObject({
      rows: 3,
      bars: 2,
      errorRows: 1,
      usable: false,
      unusable: 'quality 66.6 % is below the minimum of 95.0 %',
    });
  });

  it('text in a number column', () => {
    const f = check(
      file('text.csv', `${HEADER}\n2000-01-03,1,2,0.5,1.5,1.5,100\n2000-01-04,1,2,0.5,n/a?,1.5,100\n`),
    );
    expect(f.issues.map(formatIssue)).toEqual([
      `${f.file}:3: error [not-a-number] close: "n/a?" is not a number`,
    ]);
    expect(f.issues[0]).toMatchObject({
      row: 3,
      field: 'close',
      value: 'n/a?',
      timestamp: Date.UTC(2000, 0, 5),
    });
  });

  it('a missing column', () => {
    const f = check(file('nocl.csv', 'date,open,high,low,volume\n2000-01-03,1,2,0.5,100\n'));
    expect(f).toMatchObject({
      refused:
        'no close column in the header (found: date, open, high, low, volume); expected date or time, open, high, low, close and volume',
      usable: false,
      bars: 0,
    });
  });

  it('an empty file, a blank file, a header without rows, a missing file', () => {
    expect(check(file('empty.csv', '')).refused).toBe('the file is empty');
    expect(check(file('blank.csv', '\n  \n\n')).refused).toBe('the file is empty');
    expect(check(file('head.csv', `${HEADER}\n`))).toMatchObject({
      refused: null,
      usable: false,
      unusable: 'no data rows',
    });
    expect(check(join(tempDir(), 'missing.csv')).refused).toBe('no such file');
  });

  it('binary junk', () => {
    expect(
      check(file('junk.bin', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).refused,
    ).toBe('binary data, not CSV text (a NUL byte at offset 5)');
    expect(
      check(file('junk2.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x41]))).refused,
    ).toBe('line 1 is not UTF-8 text (binary data, or another encoding: save the file as UTF-8 CSV)');
    expect(check(file('junk3.bin', Buffer.from('\n\x07\x1b[0m,1\n', 'latin1'))).refused).toBe(
      'binary data, not CSV text (byte 0x07 at offset 1)',
    );
    expect(check(file('utf16.csv', Buffer.from('\uFEFFdate,open', 'utf16le'))).refused).toBe(
      'the file is UTF-16 text: save it as UTF-8 CSV',
    );
    expect(check(file('long.csv', 'x'.repeat(70_000))).refused).toBe(
      'line 1 is longer than 64 KiB: this is not a CSV file',
    );
  });

  it('junk after good rows becomes row issues', () => {
    const junk = Buffer.concat([
      Buffer.from(`${HEADER}\n2000-01-03,1,2,0.5,1.5,1.5,100\n`),
      Buffer.from([0xff, 0xfe, 0x01, 0x2c, 0x0a]),
    ]);
    const f = check(file('tail.csv', junk));
    expect(f.issues.map((i) => [i.row, i.rule])).toEqual([[3, 'field-count']]);
    expect(f.bars).toBe(1);
  });

  it('any bytes at all give a report, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, withHeader) => {
        const content = withHeader ? Buffer.concat([Buffer.from(`${HEADER}\n`), bytes]) : Buffer.from(bytes);
        const f = check(file('any.csv', content));
        expect(f.quality).toBeGreaterThanOrEqual(0);
        expect(f.quality).toBeLessThanOrEqual(1);
        expect(typeof formatReport({ files: [f], usable: f.usable, bars: f.bars, rows: f.rows })).toBe(
          'string',
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('the report', () => {
  const bad = () =>
    file(
      'bad.csv',
      [
        HEADER,
        '2000-01-03,10,11,9,10,10,100',
        '2000-01-04,10,11,9,10,10,100',
        '2000-01-04,10,11,9,10,10,100',
        '2000-01-05,10,9,9.5,10,10,100',
        '2000-01-06,10,11,9,10.5,10.5,-5',
        '2000-01-10,10,11,9,10,10,100',
        '2000-01-07,10,11,9,10,10,100',
        '2000-01-11,10,11,9,10,10,100',
      ].join('\n'),
    );

  it('renders each file with its verdict, counts, instruments and issues', () => {
    const path = bad();
    const text = formatReport(checkFiles([path]));
    expect(text).toBe(
      [
        `${path}: UNUSABLE: quality 62.5 % is below the minimum of 95.0 %`,
        '  yahoo layout, 8 rows, 4 bars, quality 62.5 %',
        '  bad: 4 bars from 2000-01-03 to 2000-01-11',
        '  3 errors, 2 warnings (duplicate 1, gap 1, negative-volume 1, ohlc 1, out-of-order 1)',
        `  ${path}:4: warning [duplicate] repeats the bar of 2000-01-04: dropped`,
        `  ${path}:5: error [ohlc] high 9 is below low 9.5`,
        `  ${path}:6: error [negative-volume] volume -5 is negative`,
        `  ${path}:7: warning [gap] gap: 3 trading days missing between 2000-01-04 and 2000-01-10`,
        `  ${path}:8: error [out-of-order] time goes back: 2000-01-07 comes after 2000-01-10`,
        '',
      ].join('\n'),
    );
  });

  it('caps the listed issues but counts them all, and sums several files', () => {
    const path = bad();
    const report = checkFiles([path, SAMPLE], { ...DEFAULT_CHECK_OPTIONS, maxIssues: 2 });
    expect(report.files[0]!.issues).toHaveLength(2);
    expect(report.files[0]!.issuesOmitted).toBe(3);
    expect(report.usable).toBe(false);
    expect(report.bars).toBe(4 + 5105);
    const text = formatReport(report);
    expect(text).toContain('  … and 3 more issues not listed\n');
    expect(text.endsWith('2 files: 1 usable, 1 not\n')).toBe(true);
  });

  it('gives JSON with ISO times for the CLI', () => {
    const json = reportJson(checkFiles([SAMPLE], { ...DEFAULT_CHECK_OPTIONS, maxIssues: 1 })) as {
      usable: boolean;
      files: {
        bars: number;
        first: string;
        firstIso: string;
        lastIso: string;
        quality: number;
        issues: { time: string; rule: string }[];
      }[];
    };
    expect(json.usable).toBe(true);
    expect(json.files[0]).toMatchObject({
      bars: 5105,
      first: '2000-01-03',
      firstIso: '2000-01-04T00:00:00.000Z',
      lastIso: '2020-04-18T00:00:00.000Z',
      quality: 1,
    });
    expect(json.files[0]!.issues[0]).toMatchObject({ rule: 'outlier', time: '2007-02-28T00:00:00.000Z' });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('reports progress to the total size of all files', () => {
    const calls: [number, number][] = [];
    const path = bad();
    checkFiles([SAMPLE, path], {
      ...DEFAULT_CHECK_OPTIONS,
      chunkBytes: 100_000,
      onProgress: (read, total) => calls.push([read, total]),
    });
    const total = 415968 + statSync(path).size;
    expect(calls.at(-1)).toEqual([total, total]);
  });
});
