// Field builders and checks shared by the parts of the `market` section.
import { z } from 'zod';
export const finite = () =>
  z.number({ error: 'expected a number' }).refine(Number.isFinite, { error: 'expected a number' });

/** A fraction strictly below 1 (persistence and reversion rates that must leave something each bar). */
export const belowOne = () =>
  z
    .number({ error: 'expected a number ≥ 0 and below 1' })
    .min(0, { error: 'expected a number ≥ 0 and below 1' })
    .lt(1, { error: 'expected a number ≥ 0 and below 1' });

export const nonNegativeInt = () =>
  z
    .number({ error: 'expected a whole number ≥ 0' })
    .int({ error: 'expected a whole number ≥ 0' })
    .min(0, { error: 'expected a whole number ≥ 0' });

export const name = (what: string) =>
  z
    .string({ error: `expected ${what}` })
    .trim()
    .min(1, { error: `expected ${what}` })
    .max(48, { error: `${what} is longer than 48 characters` });

/** Loadings of an asset's shocks on the market factor and its group's factor; the rest is its own. */
export const withLoadings = <T extends { marketLoading: number; groupLoading: number }>(
  asset: T,
  ctx: z.RefinementCtx,
) => {
  const shared = asset.marketLoading ** 2 + asset.groupLoading ** 2;
  if (shared > 1 + 1e-12)
    ctx.addIssue({
      code: 'custom',
      path: ['groupLoading'],
      message: `marketLoading² + groupLoading² must not exceed 1 (it is ${round6(shared)})`,
    });
};

/** Adds an issue for every name that appears a second time in a list. */
export function uniqueNames(
  names: string[],
  path: (string | number)[],
  field: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (seen.has(n))
      ctx.addIssue({ code: 'custom', path: [...path, i, field], message: `${n} appears twice` });
    seen.add(n);
  });
}

/** Rounds for display in a message. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
