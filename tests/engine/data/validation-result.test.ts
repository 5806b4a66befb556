import { describe, expect, it } from 'vitest';
import { qualityOf, validateBars } from '../../../src-main/engine/data/validation-result';

const bar = (time: number, close: number) => ({
  instrument: 'X',
  time,
  open: close,
  high: close,
  low: close,
  close,
  volume: 1,
});
const options = { outlierZ: 5, outlierWindow: 100, outlierMinObservations: 20 };

describe('validateBars', () => {
  it('quality is the share of rows without an error; an exact duplicate is a warning and not used', () => {
    const result = validateBars([bar(1, 10), bar(1, 10), { ...bar(2, 10), close: NaN }, bar(3, 11)], options);
    expect(result).toMatchObject({ valid: false, rows: 4, errorRows: 1, quality: 0.75 });
    expect(result.accepted.map((b) => b.time)).toEqual([1, 3]);
    expect(result.issues.map((i) => [i.row, i.severity, i.rule])).toEqual([
      [1, 'warning', 'duplicate'],
      [2, 'error', 'nan'],
    ]);
  });

  it('counts a row once however many errors it has, and an empty series has quality 1', () => {
    const result = validateBars([{ ...bar(1, 10), close: NaN, volume: NaN }], options);
    expect(result.issues).toHaveLength(2);
    expect(result.errorRows).toBe(1);
    expect(qualityOf(0, 0)).toBe(1);
    expect(validateBars([], options)).toMatchObject({ valid: true, quality: 1, rows: 0 });
  });
});
