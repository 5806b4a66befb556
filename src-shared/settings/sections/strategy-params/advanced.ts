/*
Parameters of the five advanced strategies: the settings sections `strategies.<id>`. docs/STRATEGIES.md
describes each one. Defaults (the lead wires them into resources/default-settings.yaml):

strategies:
  cross-exchange-arbitrage:
    enabled: true
    slippagePerLeg: 0.0002      # expected slippage of one leg's market order (fraction of price)
    margin: 0.0005              # spread required beyond fees, slippage and the exit level
    exitSpread: 0.0005          # the legs are closed once the spread is at or below this
    staleLegSteps: 5            # steps in a row with bars of the symbol but none of a leg that close the pair
  liquidation-flow:
    enabled: true
    baselineWindow: 120         # bars in the baselines of liquidated share and of 1-bar log returns
    burstZ: 4                   # z of the liquidated share against its baseline that makes a burst
    exhaustionRatio: 0.5        # rebound: the next bar's liquidated share at most this × the burst's
    stabiliseSigmas: 0.5        # rebound: the next bar extends the burst's move by at most this many σ
    continuationScore: 0.6      # continuation: cascade score on the next bar at or above this
    holdBars: 10                # bars a rebound or continuation position is held
  high-probability-bonds:
    enabled: true
    minPrice: 0.95              # buy YES at ≥ minPrice, sell YES (buy NO) at ≤ 1 − minPrice
    minAnnualYield: 0.2         # simple annualised yield to resolution, after the taker fee
    failureBudget: 0.02         # confidence × probability of failure never exceeds this
    fullConfidenceHours: 24     # beyond this much time to resolution confidence falls as hours / time left
  liquidity-provision:
    enabled: true
    instruments: [BTC-USD@alpha, ETH-USD@alpha]
    minEdge: 0.0005             # least half-spread beyond the maker fee (fraction of the mid)
    volatilityMultiple: 1       # half-spread beyond the maker fee ≥ this × σ of 1-bar log returns
    volatilityWindow: 60        # bars of returns in that σ
    imbalanceWindow: 20         # bars of order-flow imbalance that choose the side when flat
    inventorySkew: 0.0002       # quotes shift by this fraction of the mid against the inventory
    confidence: 0.5             # confidence of every quote
  domain-specialisation:
    enabled: true
    smoothingBars: 10           # EMA period of the contract's log-odds
    margin: 0.02                # |estimate − price| needed to trade
    domains:
      - { domain: sports, baseRate: 0.5, priorWeight: 0.05, extremizing: 1.2 }
      - { domain: weather, baseRate: 0.5, priorWeight: 0.05, extremizing: 1.25 }
*/
import { z } from 'zod';
import { bool, fraction, nonNegative, positive, positiveInt } from '../../fields';
import { name, uniqueNames } from '../market/fields';

/** A fraction of price strictly between 0 and 1 (costs and spreads). */
const priceFraction = () =>
  z
    .number({ error: 'expected a number ≥ 0 and below 1' })
    .min(0, { error: 'expected a number ≥ 0 and below 1' })
    .lt(1, { error: 'expected a number ≥ 0 and below 1' });

/** A probability strictly between 0 and 1. */
const openProbability = () =>
  z
    .number({ error: 'expected a probability between 0 and 1 (both excluded)' })
    .gt(0, { error: 'expected a probability between 0 and 1 (both excluded)' })
    .lt(1, { error: 'expected a probability between 0 and 1 (both excluded)' });

/** A whole number of bars ≥ 2 (windows that need two values for a σ). */
const windowBars = () =>
  z
    .number({ error: 'expected a whole number ≥ 2' })
    .int({ error: 'expected a whole number ≥ 2' })
    .min(2, { error: 'expected a whole number ≥ 2' });

export const CrossExchangeArbitrageParamsSchema = z.strictObject({
  enabled: bool(),
  /** Expected slippage of one market order on one venue, as a fraction of its price. */
  slippagePerLeg: priceFraction(),
  /** Spread required on top of the round-trip costs and the exit level. */
  margin: priceFraction(),
  /** The legs are closed (hold) once the spread between their venues is at or below this. */
  exitSpread: priceFraction(),
  /** Steps in a row with bars of the symbol but none from a leg of the open pair, after which it is closed. */
  staleLegSteps: positiveInt(),
});

export const LiquidationFlowParamsSchema = z
  .strictObject({
    enabled: bool(),
    /** Bars in the rolling baselines of the liquidated share of open interest and of 1-bar log returns. */
    baselineWindow: windowBars(),
    /** z of a bar's liquidated share against the baseline above which the bar is a burst. */
    burstZ: positive(),
    /** Rebound needs the next bar's liquidated share at most this multiple of the burst bar's. */
    exhaustionRatio: fraction(),
    /** Rebound needs the next bar to extend the burst's move by at most this many σ of 1-bar returns. */
    stabiliseSigmas: nonNegative(),
    /** Continuation needs the cascade score of the next bar at or above this. */
    continuationScore: fraction(),
    /** Bars a rebound or continuation position is held before the strategy returns to hold. */
    holdBars: positiveInt(),
  })
  .refine((p) => p.continuationScore > 0, {
    error: 'continuationScore must be above 0 (0 would call every burst a continuation)',
    path: ['continuationScore'],
  });

export const HighProbabilityBondsParamsSchema = z.strictObject({
  enabled: bool(),
  /** Buy YES priced at or above this; sell YES (buy NO) priced at or below 1 − this. */
  minPrice: z
    .number({ error: 'expected a price above 0.5 and below 1' })
    .gt(0.5, { error: 'expected a price above 0.5 and below 1' })
    .lt(1, { error: 'expected a price above 0.5 and below 1' }),
  /** Simple annualised yield to resolution, after the taker fee, that a bond must beat. */
  minAnnualYield: nonNegative(),
  /** Confidence is capped so that confidence × probability of failure never exceeds this. */
  failureBudget: z
    .number({ error: 'expected a number above 0 and at most 1' })
    .gt(0, { error: 'expected a number above 0 and at most 1' })
    .max(1, { error: 'expected a number above 0 and at most 1' }),
  /** Within this many hours of resolution the time factor of confidence is 1; beyond, hours / time left. */
  fullConfidenceHours: positive(),
});

export const LiquidityProvisionParamsSchema = z
  .strictObject({
    enabled: bool(),
    /** Instrument ids to quote, e.g. BTC-USD@alpha. */
    instruments: z
      .array(name('an instrument id, e.g. BTC-USD@alpha'), { error: 'expected a list of instrument ids' })
      .min(1, { error: 'expected at least one instrument id (or set enabled: false)' }),
    /** Least half-spread beyond the maker fee, as a fraction of the mid. */
    minEdge: priceFraction(),
    /** Half-spread beyond the maker fee is at least this multiple of σ of 1-bar log returns. */
    volatilityMultiple: nonNegative(),
    /** Bars of 1-bar log returns in that σ. */
    volatilityWindow: windowBars(),
    /** Bars of signed volume whose imbalance picks the side quoted while flat. */
    imbalanceWindow: positiveInt(),
    /** Quotes shift by this fraction of the mid against the inventory (a long inventory lowers the ask). */
    inventorySkew: priceFraction(),
    /** Confidence given to every quote (the engine sizes by Kelly × confidence). */
    confidence: fraction(),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.instruments.forEach((id, i) => {
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', path: ['instruments', i], message: `${id} appears twice` });
      seen.add(id);
    });
    if (p.inventorySkew > 0 && p.inventorySkew >= p.minEdge)
      ctx.addIssue({
        code: 'custom',
        path: ['inventorySkew'],
        message: 'inventorySkew must be below minEdge, so a skewed quote stays beyond the maker fee',
      });
  });

const domainCalibration = z.strictObject({
  domain: name('a domain, e.g. sports'),
  /** The domain's base rate: the share of its contracts expected to resolve YES. */
  baseRate: openProbability(),
  /** Weight of the base rate in the estimate's log-odds (0: none). */
  priorWeight: fraction(),
  /** Factor on the smoothed log-odds; above 1 corrects prices compressed toward 0.5. */
  extremizing: positive(),
});

export const DomainSpecialisationParamsSchema = z
  .strictObject({
    enabled: bool(),
    /** EMA period of each contract's log-odds (its first estimate comes after this many bars). */
    smoothingBars: positiveInt(),
    /** |estimate − price| above which it trades. */
    margin: z
      .number({ error: 'expected a number above 0 and below 1' })
      .gt(0, { error: 'expected a number above 0 and below 1' })
      .lt(1, { error: 'expected a number above 0 and below 1' }),
    /** The domains it trades, each with its calibration. */
    domains: z
      .array(domainCalibration, { error: 'expected a list of domains' })
      .min(1, { error: 'expected at least one domain (or set enabled: false)' }),
  })
  .superRefine((p, ctx) =>
    uniqueNames(
      p.domains.map((d) => d.domain),
      ['domains'],
      'domain',
      ctx,
    ),
  );

/** Each advanced strategy's id → its parameter schema (the settings section `strategies.<id>`). */
export const ADVANCED_PARAM_SCHEMAS = {
  'cross-exchange-arbitrage': CrossExchangeArbitrageParamsSchema,
  'liquidation-flow': LiquidationFlowParamsSchema,
  'high-probability-bonds': HighProbabilityBondsParamsSchema,
  'liquidity-provision': LiquidityProvisionParamsSchema,
  'domain-specialisation': DomainSpecialisationParamsSchema,
} as const;
