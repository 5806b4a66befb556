// The equity part of the `market` section: index, sectors, cointegrated pair, volatility index.
import { z } from 'zod';
import { fraction, nonNegative, positive } from '../../fields';
import { belowOne, name, round6, withLoadings } from './fields';

const equityAsset = {
  symbol: name('a symbol'),
  initialPrice: positive(),
  annualVolatility: positive(),
  marketLoading: fraction(),
  groupLoading: fraction(),
  baseVolume: nonNegative().default(10000),
};

const sector = z.strictObject({ ...equityAsset, weight: fraction() }).superRefine(withLoadings);

const DEFAULT_SECTORS = [
  ['TECH', 0.3, 180, 0.26, 0.75, 0.25, 20000],
  ['FIN', 0.2, 95, 0.22, 0.7, 0.3, 20000],
  ['ENERGY', 0.15, 85, 0.3, 0.55, 0.3, 15000],
  ['HEALTH', 0.2, 140, 0.18, 0.6, 0.3, 15000],
  ['UTIL', 0.15, 70, 0.16, 0.5, 0.3, 10000],
] as const;

export const equities = z
  .strictObject({
    venue: name('a venue name').default('synthetic'),
    /** Price step of the sectors, the pair and the volatility index. */
    tickSize: positive().default(0.01),
    fees: z
      .strictObject({ maker: fraction().default(0.0001), taker: fraction().default(0.0003) })
      .prefault({}),
    index: z
      .strictObject({
        symbol: name('a symbol').default('SYN500'),
        initialPrice: positive().default(5000),
        tickSize: positive().default(0.01),
        baseVolume: nonNegative().default(100000),
      })
      .prefault({}),
    sectors: z
      .array(sector, { error: 'expected a list of sectors' })
      .min(1, { error: 'expected at least one sector' })
      .default(
        DEFAULT_SECTORS.map(
          ([symbol, weight, initialPrice, annualVolatility, marketLoading, groupLoading, baseVolume]) => ({
            symbol,
            weight,
            initialPrice,
            annualVolatility,
            marketLoading,
            groupLoading,
            baseVolume,
          }),
        ),
      ),
    rotation: z
      .strictObject({
        persistencePerBar: belowOne().default(0.998),
        driftSigmas: nonNegative().default(0.05),
      })
      .prefault({}),
    pair: z
      .strictObject({
        legA: z.strictObject(equityAsset).superRefine(withLoadings).default({
          symbol: 'BANK-A',
          initialPrice: 48,
          annualVolatility: 0.28,
          marketLoading: 0.6,
          groupLoading: 0.3,
          baseVolume: 30000,
        }),
        legB: z
          .strictObject({
            symbol: name('a symbol'),
            initialPrice: positive(),
            baseVolume: nonNegative().default(10000),
          })
          .default({ symbol: 'BANK-B', initialPrice: 72, baseVolume: 30000 }),
        hedgeRatio: positive().default(1),
        spreadReversionPerBar: belowOne().default(0.02),
        spreadSigmaPerBar: nonNegative().default(0.0015),
      })
      .prefault({}),
    volatilityIndex: z
      .strictObject({
        symbol: name('a symbol').default('SVIX'),
        smoothingPerBar: belowOne().default(0.97),
        varianceRiskPremium: nonNegative().default(0.1),
        baseVolume: nonNegative().default(5000),
      })
      .prefault({}),
  })
  .prefault({})
  .superRefine((e, ctx) => {
    const total = e.sectors.reduce((sum, s) => sum + s.weight, 0);
    if (Math.abs(total - 1) > 1e-9)
      ctx.addIssue({
        code: 'custom',
        path: ['sectors'],
        message: `sector weights must add up to 1 (they add up to ${round6(total)})`,
      });
  });
