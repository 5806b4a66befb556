import { describe, expect, it } from 'vitest';
import { FieldSplitter, fieldText, guessDelimiter } from '../../../src-main/feeds/csv/fields';

function split(line: string, delimiter = ','): string[] | string {
  const buf = Buffer.from(line);
  const splitter = new FieldSplitter(16);
  const count = splitter.split(buf, 0, buf.length, delimiter.charCodeAt(0));
  if (count === 0) return splitter.fault!;
  return Array.from({ length: count }, (_, i) =>
    fieldText(buf, splitter.starts[i]!, splitter.ends[i]!, splitter.escaped[i] === 1),
  );
}

describe('FieldSplitter', () => {
  it('splits plain, quoted and empty fields', () => {
    expect(split('2000-01-03,1,2,,3')).toEqual(['2000-01-03', '1', '2', '', '3']);
    expect(split('"Date","Adj Close"')).toEqual(['Date', 'Adj Close']);
    expect(split('"a ""quoted"" name",1')).toEqual(['a "quoted" name', '1']);
    expect(split('"1,5";2', ';')).toEqual(['1,5', '2']);
    expect(split(' "x" ,y')).toEqual(['x', 'y']);
    expect(split('a,')).toEqual(['a', '']);
    expect(split('a\tb', '\t')).toEqual(['a', 'b']);
  });

  it('reports an unterminated quote and text after a closing quote', () => {
    expect(split('"abc,1')).toBe('unterminated-quote');
    expect(split('"abc"d,1')).toBe('text-after-quote');
  });

  it('counts fields beyond its capacity', () => {
    const splitter = new FieldSplitter(2);
    const buf = Buffer.from('a,b,c,d');
    expect(splitter.split(buf, 0, buf.length, 44)).toBe(4);
  });
});

describe('guessDelimiter', () => {
  it('picks the most frequent delimiter outside quotes', () => {
    expect(guessDelimiter('date,open,high')).toBe(',');
    expect(guessDelimiter('Date;Open;"High, in USD"')).toBe(';');
    expect(guessDelimiter('date\topen\thigh')).toBe('\t');
    expect(guessDelimiter('justone')).toBeNull();
  });
});
