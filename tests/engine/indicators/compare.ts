import { expect } from 'vitest';

/** The tolerance the issue asks for after warm-up (our series are priced near 100). */
export const TOLERANCE = 1e-9;

/**
 * Asserts two aligned series agree: NaN at exactly the same bars (same warm-up), and within `tolerance`
 * elsewhere. Reports the first bar that differs. Returns how many finite values were compared.
 */
export function expectSeriesClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance = TOLERANCE,
): number {
  expect(actual.length).toBe(expected.length);
  let compared = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) || Number.isNaN(a)) {
      if (Number.isNaN(e) !== Number.isNaN(a)) expect.fail(`bar ${i}: got ${a}, expected ${e}`);
      continue;
    }
    if (!(Math.abs(a - e) <= tolerance)) expect.fail(`bar ${i}: got ${a}, expected ${e} (±${tolerance})`);
    compared += 1;
  }
  return compared;
}

/** Feeds every bar to `step` and collects what it returns. */
export function collect(length: number, step: (i: number) => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < length; i++) out.push(step(i));
  return out;
}
