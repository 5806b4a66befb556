import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../../src-main/feeds/csv/check-file';
import { CsvFeed } from '../../../src-main/feeds/csv/csv-feed';
import { CsvRefusedError } from '../../../src-main/feeds/csv/csv-source';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const fees = { maker: 0, taker: 0 };

function file(name: string, content: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

const ROWS = ['date,open,high,low,close,volume', '2000-01-03,1,2,0.5,1.5,10', '2000-01-04,1,2,0.5,1.5,10'];
const CR_ONLY =
  'lines end with a carriage return only (an old Mac CSV): save the file with Windows (CR LF) or Unix (LF) line ends';

describe('line ends', () => {
  it('refuses a file whose lines end with CR only, saying so', () => {
    // Excel for Mac's "CSV (Macintosh)" ends lines with CR alone. DATA.md reads \n and \r\n only; the whole
    // file was taken as one header line: "no volume column in the header (found: …, volume2000-01-03, 1, …)".
    const path = file('mac.csv', `${ROWS.join('\r')}\r`);
    expect(() => new CsvFeed({ sources: [path], fees })).toThrow(new CsvRefusedError(path, CR_ONLY));
    expect(checkFiles([path]).files[0]!.refused).toBe(CR_ONLY);
  });

  it('says the same for a CR-only file larger than the 64 KiB looked at (it said "not a CSV file")', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${946857600 + i * 86400},1,2,0.5,1.5,10`);
    const path = file('big-mac.csv', `timestamp,open,high,low,close,volume\r${rows.join('\r')}\r`);
    expect(checkFiles([path]).files[0]!.refused).toBe(CR_ONLY);
  });
});

describe('a stray CR in a later row of an LF file', () => {
  it('is that row’s problem, not the file’s', () => {
    const path = file('stray.csv', `${ROWS[0]}\n${ROWS[1]}\n2000-01-04,1,2,0.5,1.5,1\r0\n`);
    const check = checkFiles([path]).files[0]!;
    expect(check.refused).toBeNull();
    expect(check.bars).toBe(1);
    expect(check.issues.map((i) => `${i.row} ${i.rule} ${i.field}`)).toEqual(['3 not-a-number volume']);
  });
});
