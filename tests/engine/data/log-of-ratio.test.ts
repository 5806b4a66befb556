import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogOfRatioMemo } from '../../../src-main/engine/data/log-of-ratio';

const out = new Float64Array(1);
const memo = new LogOfRatioMemo();
const logOfRatio = (ratio: number): number => {
  memo.into(ratio, out, 0);
  return out[0]!;
};

describe('LogOfRatioMemo', () => {
  it('returns exactly Math.log for any sequence of ratios, repeats included (the memo is invisible)', () => {
    const ratio = fc.oneof(
      fc.double(),
      fc.constantFrom(0, -0, 1, Infinity, -Infinity, NaN, 1.0000000000000002),
    );
    fc.assert(
      fc.property(fc.array(ratio, { maxLength: 40 }), fc.array(fc.nat(39)), (ratios, repeats) => {
        const sequence = [...ratios];
        for (const at of repeats) if (at < ratios.length) sequence.splice(at, 0, ratios[at]!);
        for (const r of sequence) expect(Object.is(logOfRatio(r), Math.log(r))).toBe(true);
      }),
    );
  });

  it('answers a repeated ratio from the memo with the same bits (ln 2 = 0.6931471805599453)', () => {
    expect(logOfRatio(2)).toBe(0.6931471805599453);
    expect(logOfRatio(2)).toBe(0.6931471805599453);
    expect(logOfRatio(-0)).toBe(-Infinity);
    expect(logOfRatio(0)).toBe(-Infinity);
    expect(logOfRatio(NaN)).toBeNaN();
    expect(logOfRatio(-1)).toBeNaN();
  });
});
