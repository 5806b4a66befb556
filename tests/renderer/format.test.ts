import { describe, expect, it } from 'vitest';
import { formatPrice } from '../../src-renderer/format';
import { price } from '../../src-main/backtest/report-format';

describe('formatPrice (terminal and HTML report alike)', () => {
  it.each([
    [1455.947, '1,455.95'], // an index: two decimals
    [62345.5, '62,345.50'], // five integer digits: still two decimals, never fewer
    [123456.789, '123,456.79'],
    [1.08432, '1.08432'], // a forex quote keeps its pip
    [0.955, '0.955'], // a prediction-market contract (money's format would show 0.96)
    [0.00001234, '0.00001234'], // a sub-cent coin (money's format would show 0.00)
    [1.5, '1.50'], // trailing zeros dropped only beyond the second decimal
    [100, '100.00'],
    [0, '0.00'],
    [95.00000000000001, '95.00'], // floating-point dust beyond six significant digits is not shown
    [-2.5, '−2.50'],
  ])('writes %s as %s', (value, text) => {
    expect(formatPrice(value)).toBe(text);
    expect(price(value)).toBe(text);
  });

  it('writes n/a for a missing or non-finite price in the report', () => {
    expect(price(null)).toBe('n/a');
    expect(price(Number.NaN)).toBe('n/a');
  });
});
