import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src-main/engine/rng';
import { Gaussian } from '../../../src-main/feeds/synthetic-market/gaussian';
import { streamRng } from '../../../src-main/feeds/synthetic-market/rng-streams';

describe('Gaussian (polar method)', () => {
  it('draws standard normals: mean 0, variance 1, kurtosis 3, tails as Φ says', () => {
    const g = new Gaussian(new Rng(17));
    const n = 400_000;
    let s1 = 0;
    let s2 = 0;
    let s4 = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const x = g.next();
      s1 += x;
      s2 += x * x;
      s4 += x ** 4;
      if (Math.abs(x) > 2) beyond2 += 1;
    }
    // Standard errors: mean 1/√n = 0.0016, variance √(2/n) = 0.0022, kurtosis √(96/n) = 0.015.
    expect(Math.abs(s1 / n)).toBeLessThan(0.008);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.011);
    expect(Math.abs(s4 / n - 3)).toBeLessThan(0.08);
    // P(|Z| > 2) = 2·(1 − Φ(2)) = 0.0455.
    expect(Math.abs(beyond2 / n - 0.0455)).toBeLessThan(0.002);
  });

  it('is deterministic for a seed, and streams of one seed differ', () => {
    const a = new Gaussian(streamRng(5, 1));
    const b = new Gaussian(streamRng(5, 1));
    const c = new Gaussian(streamRng(5, 2));
    const draws = (g: Gaussian) => Array.from({ length: 5 }, () => g.next());
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
  });
});
