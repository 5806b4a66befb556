import { z } from 'zod';

// Field builders with the messages a trader reads in `settings.yaml:LINE path: message`.

export const fraction = () =>
  z
    .number({ error: 'expected a number between 0 and 1' })
    .min(0, { error: 'expected a number between 0 and 1' })
    .max(1, { error: 'expected a number between 0 and 1' });

export const positive = () =>
  z
    .number({ error: 'expected a positive number' })
    .refine((value) => Number.isFinite(value) && value > 0, { error: 'expected a positive number' });

export const nonNegative = () =>
  z
    .number({ error: 'expected a number ≥ 0' })
    .refine((value) => Number.isFinite(value) && value >= 0, { error: 'expected a number ≥ 0' });

export const positiveInt = () =>
  z
    .number({ error: 'expected a whole number ≥ 1' })
    .int({ error: 'expected a whole number ≥ 1' })
    .min(1, { error: 'expected a whole number ≥ 1' });

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of: ${values.join(', ')}` });

export const bool = () => z.boolean({ error: 'expected true or false' });
