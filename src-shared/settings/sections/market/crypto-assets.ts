// The crypto part of the `market` section: perpetual assets on several venues.
import { z } from 'zod';
import { fraction, nonNegative, positive } from '../../fields';
import { belowOne, finite, name, round6, uniqueNames, withLoadings } from './fields';

const cryptoAsset = z
  .strictObject({
    symbol: name('a symbol'),
    initialPrice: positive(),
    annualVolatility: positive(),
    marketLoading: fraction(),
    groupLoading: fraction(),
    tickSize: positive().default(0.01),
    lotSize: positive().default(0.001),
    /** Typical volume of one bar on one venue, in units of the asset. */
    baseVolume: nonNegative(),
    /** Typical open interest of one venue, in units of the asset. */
    openInterest: positive(),
  })
  .superRefine(withLoadings);

const venue = z.strictObject({
  name: name('a venue name'),
  makerFee: fraction(),
  takerFee: fraction(),
});

export const crypto = z
  .strictObject({
    assets: z
      .array(cryptoAsset, { error: 'expected a list of crypto assets' })
      .min(1, { error: 'expected at least one crypto asset' })
      .default([
        {
          symbol: 'BTC-USD',
          initialPrice: 60000,
          annualVolatility: 0.6,
          marketLoading: 0.3,
          groupLoading: 0.8,
          tickSize: 0.01,
          lotSize: 0.0001,
          baseVolume: 40,
          openInterest: 20000,
        },
        {
          symbol: 'ETH-USD',
          initialPrice: 3000,
          annualVolatility: 0.75,
          marketLoading: 0.3,
          groupLoading: 0.75,
          tickSize: 0.01,
          lotSize: 0.001,
          baseVolume: 500,
          openInterest: 300000,
        },
      ]),
    venues: z
      .array(venue, { error: 'expected a list of venues' })
      .min(1, { error: 'expected at least one venue' })
      .default([
        { name: 'alpha', makerFee: 0.0002, takerFee: 0.0005 },
        { name: 'beta', makerFee: 0.0001, takerFee: 0.0006 },
      ]),
    basis: z
      .strictObject({
        reversionPerBar: belowOne().default(0.05),
        sigmaPerBar: nonNegative().default(0.0001),
        spikeProbabilityPerBar: fraction().default(0.0005),
        spikeSize: nonNegative().default(0.004),
      })
      .prefault({}),
    funding: z
      .strictObject({
        baseRatePer8h: finite().default(0.0001),
        momentumWeightPer8h: finite().default(0.003),
        momentumSmoothing: belowOne().default(0.95),
        basisWeight: finite().default(1),
        capPer8h: positive().default(0.0075),
      })
      .prefault({}),
    liquidations: z
      .strictObject({
        baseFractionPerBar: fraction().default(0.00002),
        thresholdSigmas: nonNegative().default(1.5),
        burstFractionPerSigma: fraction().default(0.002),
        maxFractionPerBar: z
          .number({ error: 'expected a number above 0 and at most 1' })
          .gt(0, { error: 'expected a number above 0 and at most 1' })
          .max(1, { error: 'expected a number above 0 and at most 1' })
          .default(0.2),
        cascadeSigmas: nonNegative().default(1.5),
      })
      .prefault({}),
    openInterest: z
      .strictObject({
        reversionPerBar: belowOne().default(0.002),
        sigmaPerBar: nonNegative().default(0.002),
      })
      .prefault({}),
  })
  .prefault({})
  .superRefine((c, ctx) => {
    uniqueNames(
      c.assets.map((a) => a.symbol),
      ['assets'],
      'symbol',
      ctx,
    );
    uniqueNames(
      c.venues.map((v) => v.name),
      ['venues'],
      'name',
      ctx,
    );
    if (c.venues.length >= 2 && c.basis.spikeProbabilityPerBar > 0) {
      const fees = c.venues.map((v) => v.takerFee).sort((a, b) => b - a);
      const roundTrip = fees[0]! + fees[1]!;
      if (!(c.basis.spikeSize > roundTrip))
        ctx.addIssue({
          code: 'custom',
          path: ['basis', 'spikeSize'],
          message: `must exceed the taker fees of two venues (${round6(roundTrip)}), or a dislocation never pays for an arbitrage`,
        });
    }
  });
