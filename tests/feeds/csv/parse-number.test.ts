import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NUMBER_INVALID,
  NUMBER_MISSING,
  NUMBER_OK,
  NumberReader,
} from '../../../src-main/feeds/csv/parse-number';

const reader = new NumberReader();
const read = (text: string, decimalComma = false): [number, number] => {
  const bytes = Buffer.from(`#${text}#`, 'latin1');
  const value = reader.read(bytes, 1, bytes.length - 1, decimalComma);
  return [value, reader.status];
};

describe('NumberReader', () => {
  it('gives exactly what Number() gives on decimal text (random doubles and fixed-point prices)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(read(String(x))).toEqual([Number(String(x)), NUMBER_OK]);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 8 }),
        (whole, frac, pad) => {
          const text = `${whole}.${String(frac).padStart(6, '0')}${'0'.repeat(pad)}`;
          expect(read(text)[0]).toBe(Number(text));
          expect(read(`-${text}`)[0]).toBe(-Number(text));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads signs, exponents, spaces and the sample file style', () => {
    expect(read('1469.250000')).toEqual([1469.25, NUMBER_OK]);
    expect(read(' +12.5 ')).toEqual([12.5, NUMBER_OK]);
    expect(read('1e-7')).toEqual([1e-7, NUMBER_OK]);
    expect(read('2.5E+3')).toEqual([2500, NUMBER_OK]);
    expect(read('.5')).toEqual([0.5, NUMBER_OK]);
    expect(read('5.')).toEqual([5, NUMBER_OK]);
    expect(read('12345678901234567890')).toEqual([Number('12345678901234567890'), NUMBER_OK]); // slow path
  });

  it('reads a decimal comma only when the delimiter is not a comma', () => {
    expect(read('1469,25', true)).toEqual([1469.25, NUMBER_OK]);
    expect(read('1469,25')[1]).toBe(NUMBER_INVALID);
  });

  it('passes NaN and infinities through as values, for the validator to name', () => {
    expect(read('NaN')[0]).toBeNaN();
    expect(read('nan')[1]).toBe(NUMBER_OK);
    expect(read('inf')).toEqual([Infinity, NUMBER_OK]);
    expect(read('-Infinity')).toEqual([-Infinity, NUMBER_OK]);
  });

  it('tells missing values from text that is not a number', () => {
    for (const missing of ['', '   ', 'NA', 'n/a', 'null', 'None', '-'])
      expect(read(missing)[1], missing).toBe(NUMBER_MISSING);
    for (const invalid of [
      'abc',
      '12abc',
      '1.2.3',
      '1e',
      'e5',
      '+',
      '0x1A',
      '1,234.5',
      'a very long text field',
    ])
      expect(read(invalid)[1], invalid).toBe(NUMBER_INVALID);
  });
});

describe('NumberReader: plain decimals (the fast path)', () => {
  it('gives exactly Number(text) for digits[.digits] of up to 15 digits and just beyond', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{1,16}$/),
        fc.option(fc.stringMatching(/^[0-9]{0,16}$/), { nil: undefined }),
        (whole, fraction) => {
          const text = fraction === undefined ? whole : `${whole}.${fraction}`;
          expect(read(text)).toEqual([Number(text), NUMBER_OK]);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('leaves anything else to the general reader: blanks, signs, commas, exponents, a second point', () => {
    expect(read('12.5 ')).toEqual([12.5, NUMBER_OK]);
    expect(read('12,5', true)).toEqual([12.5, NUMBER_OK]);
    expect(read('12,5')).toEqual([Number.NaN, NUMBER_INVALID]);
    expect(read('1.5e2')).toEqual([150, NUMBER_OK]);
    expect(read('1.2.3')).toEqual([Number.NaN, NUMBER_INVALID]);
    expect(read('12.')).toEqual([12, NUMBER_OK]);
    expect(read('007.50')).toEqual([7.5, NUMBER_OK]);
    expect(read('1234567890123456')).toEqual([1234567890123456, NUMBER_OK]);
    expect(read('0.0000000000000001')).toEqual([1e-16, NUMBER_OK]);
  });
});
