import { Rng } from '../../engine/rng';

/** The independent random streams of the synthetic market. */
export const STREAM = {
  regime: 1,
  prices: 2,
  crypto: 3,
  prediction: 4,
  volume: 5,
} as const;

/**
 * A seeded stream for one part of the market. Each part draws from its own stream, so changing one part's
 * settings (say, adding a prediction series) leaves the other parts' paths unchanged for the same seed.
 * The stream number is mixed into the seed with a multiplicative hash (golden-ratio constant).
 */
export function streamRng(seed: number, stream: number): Rng {
  return new Rng((seed ^ Math.imul(stream, 0x9e3779b1)) >>> 0);
}
