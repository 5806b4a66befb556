import type { Rng } from '../../engine/rng';

/**
 * Standard normal draws from a seeded Rng by Marsaglia's polar method (two normals per accepted pair,
 * no trigonometry; Marsaglia & Bray 1964). Faster than Rng.normal's Box–Muller on the hot path; the
 * uniforms still come only from the seeded Rng, so the draws are deterministic.
 */
export class Gaussian {
  private spare = 0;
  private hasSpare = false;

  constructor(readonly rng: Rng) {}

  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.rng.next() - 1;
      v = 2 * this.rng.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const scale = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * scale;
    this.hasSpare = true;
    return u * scale;
  }

  /** Uniform in [0, 1) from the same stream. */
  uniform(): number {
    return this.rng.next();
  }
}
