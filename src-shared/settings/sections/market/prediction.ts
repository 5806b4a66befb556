// The prediction-market part of the `market` section: contract series by domain.
import { z } from 'zod';
import { bool, fraction, nonNegative, positive } from '../../fields';
import { belowOne, name, uniqueNames } from './fields';

const series = z.strictObject({
  /** Contract ids are `<prefix>-<n>` (n = 001, 002, …). */
  prefix: z
    .string({ error: 'expected a prefix of 1–8 capital letters or digits' })
    .regex(/^[A-Z0-9]{1,8}$/, { error: 'expected a prefix of 1–8 capital letters or digits' }),
  domain: name('a domain, e.g. politics'),
  question: z
    .string({ error: 'expected a question' })
    .trim()
    .min(1, { error: 'expected a question' })
    .max(200, { error: 'the question is longer than 200 characters' }),
  durationBars: z
    .number({ error: 'expected a whole number ≥ 2' })
    .int({ error: 'expected a whole number ≥ 2' })
    .min(2, { error: 'expected a whole number ≥ 2' }),
  information: positive().default(30),
  miscalibration: belowOne().default(0),
  relist: bool().default(true),
});

const DEFAULT_SERIES = [
  ['POL', 'politics', 'Will the incumbent win the synthetic election?', 4320, 0.05],
  ['SPT', 'sports', 'Will the home side win the synthetic final?', 240, 0.12],
  ['CRY', 'crypto', 'Will the synthetic network upgrade ship on schedule?', 720, 0.08],
  ['WTH', 'weather', 'Will it rain in the synthetic city tomorrow?', 1440, 0.15],
] as const;

export const prediction = z
  .strictObject({
    venue: name('a venue name').default('oracle'),
    fees: z.strictObject({ maker: fraction().default(0), taker: fraction().default(0.002) }).prefault({}),
    tickSize: z
      .number({ error: 'expected a price step between 0 and 0.1' })
      .gt(0, { error: 'expected a price step between 0 and 0.1' })
      .max(0.1, { error: 'expected a price step between 0 and 0.1' })
      .default(0.001),
    halfSpread: z
      .number({ error: 'expected a number ≥ 0 and below 0.25' })
      .min(0, { error: 'expected a number ≥ 0 and below 0.25' })
      .lt(0.25, { error: 'expected a number ≥ 0 and below 0.25' })
      .default(0.005),
    baseVolume: nonNegative().default(2000),
    series: z.array(series, { error: 'expected a list of contract series' }).default(
      DEFAULT_SERIES.map(([prefix, domain, question, durationBars, miscalibration]) => ({
        prefix,
        domain,
        question,
        durationBars,
        information: 30,
        miscalibration,
        relist: true,
      })),
    ),
  })
  .prefault({})
  .superRefine((p, ctx) =>
    uniqueNames(
      p.series.map((s) => s.prefix),
      ['series'],
      'prefix',
      ctx,
    ),
  );
