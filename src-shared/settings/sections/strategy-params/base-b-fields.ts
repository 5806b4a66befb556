import { z } from 'zod';
import { AssetClassSchema } from '../../../domain/market';
import { oneOf } from '../../fields';

// Field builders of the base-b strategy parameters, with the messages a trader reads.

/** Largest window a parameter may ask for: keeps every indicator's buffer small (the indicators allow 100 000). */
const MAX_WINDOW = 10_000;

/** A window length in bars: a whole number from `min` to MAX_WINDOW. */
export const barWindow = (min = 1) => {
  const message = `expected a whole number from ${min} to ${MAX_WINDOW}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(MAX_WINDOW, { error: message });
};

/** An oscillator level from 0 to 100. */
export const level = () => {
  const message = 'expected a number from 0 to 100';
  return z.number({ error: message }).min(0, { error: message }).max(100, { error: message });
};

/** A level between `low` and `high`, each end included or not. */
export const zone = (low: number, high: number, lowIncluded: boolean, highIncluded: boolean) => {
  const message = `expected a level ${lowIncluded ? '≥' : '>'} ${low} and ${highIncluded ? '≤' : '<'} ${high}`;
  const base = z.number({ error: message });
  const bounded = lowIncluded ? base.min(low, { error: message }) : base.gt(low, { error: message });
  return highIncluded ? bounded.max(high, { error: message }) : bounded.lt(high, { error: message });
};

/** Any finite number. */
export const finite = () =>
  z
    .number({ error: 'expected a number' })
    .refine((value) => Number.isFinite(value), { error: 'expected a number' });

/** An instrument symbol (not an instrument id): e.g. SVIX, shared by its venues. */
export const symbol = () =>
  z
    .string({ error: 'expected an instrument symbol, e.g. SVIX' })
    .min(1, { error: 'expected an instrument symbol, e.g. SVIX' })
    .max(64, { error: 'expected a symbol of at most 64 characters' });

const [FIRST_CLASS, ...OTHER_CLASSES] = AssetClassSchema.options;
const ASSET_CLASSES = [FIRST_CLASS!, ...OTHER_CLASSES] as const;

/** The asset classes a single-instrument strategy trades: at least one, no repeats. */
export const assetClasses = () =>
  z
    .array(oneOf(ASSET_CLASSES), {
      error: `expected a list of asset classes from: ${ASSET_CLASSES.join(', ')}`,
    })
    .min(1, { error: 'expected at least one asset class' })
    .refine((list) => new Set(list).size === list.length, { error: 'an asset class is listed twice' });
