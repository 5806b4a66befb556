/*
The `market` section of settings.yaml: the built-in synthetic market. Defaults (the schema applies the same
values to any key left out):

market:
  # Seed of the synthetic market: the same seed (and settings) gives the same bars.
  seed: 42
  # markov: regimes follow the transition probabilities below (seeded).
  # calm, trending, crash: a fixed regime path for demos and tests (see the feed's scenario notes).
  scenario: markov
  barIntervalSeconds: 60
  # Engine time of the start (ISO 8601 with a zone, or epoch milliseconds); the first bar closes one
  # interval later.
  startTime: "2024-01-01T00:00:00Z"
  # maxBars: 100000   # stop after this many slices; unbounded when left out
  # Sub-steps simulated inside each bar: the path through them gives each bar's high and low.
  stepsPerBar: 4
  regimes:
    initial: range
    # Chance that a trend regime, when it starts, points upward.
    trendUpProbability: 0.6
    # Probability of moving from the row's regime to each regime on one bar; each row adds up to 1.
    transitions:
      trend: { trend: 0.995, range: 0.0045, crisis: 0.0005 }
      range: { trend: 0.003, range: 0.9965, crisis: 0.0005 }
      crisis: { trend: 0.005, range: 0.015, crisis: 0.98 }
    # driftSigmas: drift per bar in units of the asset's normal one-bar volatility (a trend's drift takes
    # the trend's direction). reversionPerBar: pull toward the price at which the regime began.
    # correlationBoost: share of each asset's own noise moved into the market factor.
    trend:
      driftSigmas: 0.08
      reversionPerBar: 0
      volMultiplier: 1
      jumpMultiplier: 1
      correlationBoost: 0
      liquidationMultiplier: 1
    range:
      driftSigmas: 0
      reversionPerBar: 0.003
      volMultiplier: 0.7
      jumpMultiplier: 0.5
      correlationBoost: 0
      liquidationMultiplier: 0.5
    crisis:
      driftSigmas: -0.6
      reversionPerBar: 0
      volMultiplier: 2.5
      jumpMultiplier: 4
      correlationBoost: 0.5
      liquidationMultiplier: 6
  # Volatility clustering: GJR-GARCH(1,1) on a variance multiplier whose long-run mean is 1; leverage
  # adds to alpha after a falling bar. alpha + leverage / 2 + beta must stay below 1.
  garch: { alpha: 0.03, leverage: 0.06, beta: 0.92, maxVarianceMultiplier: 25 }
  # Jumps: at most one per bar per process; sizes in units of the asset's normal one-bar volatility.
  jumps:
    market: { probabilityPerBar: 0.0005, meanSigmas: -2, sdSigmas: 4 }
    idiosyncratic: { probabilityPerBar: 0.001, meanSigmas: 0, sdSigmas: 5 }
  scenarios:
    # crash: range for startBar bars, then crisis for durationBars bars in which every equity's median
    # path loses `depth` (crypto: cryptoMultiplier × the log loss), then range.
    crash: { startBar: 50, durationBars: 200, depth: 0.35, cryptoMultiplier: 1.5 }
  crypto:
    # Loadings: on the market factor and on the crypto factor (their squares add up to at most 1).
    # baseVolume: a bar's usual volume on one venue; openInterest: one venue's usual open interest,
    # both in units of the asset.
    assets:
      - symbol: BTC-USD
        initialPrice: 60000
        annualVolatility: 0.6
        marketLoading: 0.3
        groupLoading: 0.8
        tickSize: 0.01
        lotSize: 0.0001
        baseVolume: 40
        openInterest: 20000
      - symbol: ETH-USD
        initialPrice: 3000
        annualVolatility: 0.75
        marketLoading: 0.3
        groupLoading: 0.75
        tickSize: 0.01
        lotSize: 0.001
        baseVolume: 500
        openInterest: 300000
    # The first venue quotes the asset's reference price; each other venue quotes it × exp(basis).
    venues:
      - { name: alpha, makerFee: 0.0002, takerFee: 0.0005 }
      - { name: beta, makerFee: 0.0001, takerFee: 0.0006 }
    # Basis: Ornstein–Uhlenbeck in log price, plus dislocation spikes of spikeSize × (1 + |N(0,1)|/2);
    # spikeSize must exceed the two largest taker fees together.
    basis:
      reversionPerBar: 0.05
      sigmaPerBar: 0.0001
      spikeProbabilityPerBar: 0.0005
      spikeSize: 0.004
    # Funding per 8 hours (scaled to the bar): base + momentumWeight × momentum (an EWMA of bar returns
    # in sigmas) + basisWeight × the venue's basis above the venues' mean; capped at ±cap.
    funding:
      baseRatePer8h: 0.0001
      momentumWeightPer8h: 0.003
      momentumSmoothing: 0.95
      basisWeight: 1
      capPer8h: 0.0075
    # Share of open interest liquidated per bar and side: (base + burst × sigmas beyond the threshold)
    # × regime multiplier × crowding, at most maxFractionPerBar. The imbalance pushes the next bar
    # (a cascade): a full-size one-sided bar by cascadeSigmas one-bar sigmas.
    liquidations:
      baseFractionPerBar: 0.00002
      thresholdSigmas: 1.5
      burstFractionPerSigma: 0.002
      maxFractionPerBar: 0.2
      cascadeSigmas: 1.5
    # Open interest in contracts: log mean reversion toward the asset's openInterest, with noise.
    openInterest: { reversionPerBar: 0.002, sigmaPerBar: 0.002 }
  equities:
    venue: synthetic
    # Price step of the sectors, the pair and the volatility index.
    tickSize: 0.01
    fees: { maker: 0.0001, taker: 0.0003 }
    # A cap-weighted index of the sectors (weights add up to 1).
    index: { symbol: SYN500, initialPrice: 5000, tickSize: 0.01, baseVolume: 100000 }
    # Loadings: on the market factor and on the equity factor (their squares add up to at most 1).
    sectors:
      - symbol: TECH
        weight: 0.3
        initialPrice: 180
        annualVolatility: 0.26
        marketLoading: 0.75
        groupLoading: 0.25
        baseVolume: 20000
      - symbol: FIN
        weight: 0.2
        initialPrice: 95
        annualVolatility: 0.22
        marketLoading: 0.7
        groupLoading: 0.3
        baseVolume: 20000
      - symbol: ENERGY
        weight: 0.15
        initialPrice: 85
        annualVolatility: 0.3
        marketLoading: 0.55
        groupLoading: 0.3
        baseVolume: 15000
      - symbol: HEALTH
        weight: 0.2
        initialPrice: 140
        annualVolatility: 0.18
        marketLoading: 0.6
        groupLoading: 0.3
        baseVolume: 15000
      - symbol: UTIL
        weight: 0.15
        initialPrice: 70
        annualVolatility: 0.16
        marketLoading: 0.5
        groupLoading: 0.3
        baseVolume: 10000
    # Sector rotation: each sector's extra drift (sigmas per bar) follows a slow AR(1) of this spread.
    rotation: { persistencePerBar: 0.998, driftSigmas: 0.05 }
    # A cointegrated pair: log B = log B0 + hedgeRatio × (log A − log A0) + spread (Ornstein–Uhlenbeck).
    pair:
      legA:
        symbol: BANK-A
        initialPrice: 48
        annualVolatility: 0.28
        marketLoading: 0.6
        groupLoading: 0.3
        baseVolume: 30000
      legB: { symbol: BANK-B, initialPrice: 72, baseVolume: 30000 }
      hedgeRatio: 1
      spreadReversionPerBar: 0.02
      spreadSigmaPerBar: 0.0015
    # Volatility index = 100 × annualised EWMA volatility of the index × (1 + varianceRiskPremium).
    volatilityIndex: { symbol: SVIX, smoothingPerBar: 0.97, varianceRiskPremium: 0.1, baseVolume: 5000 }
  prediction:
    venue: oracle
    fees: { maker: 0, taker: 0.002 }
    tickSize: 0.001
    halfSpread: 0.005
    baseVolume: 2000
    # Each series keeps one live contract; with relist, the next contract lists on the bar after one
    # settles. information: total evidence (log-likelihood) revealed by resolution. miscalibration:
    # compression of the price toward 0.5 (favourites cheap, long shots dear).
    series:
      - prefix: POL
        domain: politics
        question: "Will the incumbent win the synthetic election?"
        durationBars: 4320
        information: 30
        miscalibration: 0.05
        relist: true
      - prefix: SPT
        domain: sports
        question: "Will the home side win the synthetic final?"
        durationBars: 240
        information: 30
        miscalibration: 0.12
        relist: true
      - prefix: CRY
        domain: crypto
        question: "Will the synthetic network upgrade ship on schedule?"
        durationBars: 720
        information: 30
        miscalibration: 0.08
        relist: true
      - prefix: WTH
        domain: weather
        question: "Will it rain in the synthetic city tomorrow?"
        durationBars: 1440
        information: 30
        miscalibration: 0.15
        relist: true
*/
import { z } from 'zod';
import { oneOf, positiveInt } from '../fields';
import { crypto } from './market/crypto-assets';
import { equities } from './market/equities';
import { nonNegativeInt } from './market/fields';
import { crash, garch, jumps, regimes, SCENARIOS } from './market/price-model';
import { prediction } from './market/prediction';

export { REGIMES, SCENARIOS, type Regime, type Scenario } from './market/price-model';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const START_TIME_ERROR =
  'expected an ISO 8601 time with a zone (e.g. "2024-01-01T00:00:00Z") or epoch milliseconds';

const startTime = z.union([z.number(), z.string()], { error: START_TIME_ERROR }).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : ISO_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isSafeInteger(ms) || ms < 0) {
    ctx.addIssue({ code: 'custom', message: START_TIME_ERROR });
    return z.NEVER;
  }
  return ms;
});

/** The `market` section: the synthetic market's universe, its price model and the run's scenario. */
export const MarketSettingsSchema = z
  .strictObject({
    seed: z
      .number({ error: 'expected a whole number' })
      .int({ error: 'expected a whole number' })
      .default(42),
    scenario: oneOf(SCENARIOS).default('markov'),
    barIntervalSeconds: positiveInt().default(60),
    startTime: startTime.default(Date.UTC(2024, 0, 1)),
    maxBars: nonNegativeInt().optional(),
    stepsPerBar: positiveInt().max(64, { error: 'expected a whole number from 1 to 64' }).default(4),
    regimes,
    garch,
    jumps,
    scenarios: z.strictObject({ crash }).prefault({}),
    crypto,
    equities,
    prediction,
  })
  .superRefine((market, ctx) => {
    // Instrument ids must not collide across the universe.
    const seen = new Set<string>();
    const claim = (id: string, path: (string | number)[]) => {
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', path, message: `instrument id ${id} is already used` });
      seen.add(id);
    };
    market.crypto.assets.forEach((a, i) =>
      market.crypto.venues.forEach((v) => claim(`${a.symbol}@${v.name}`, ['crypto', 'assets', i, 'symbol'])),
    );
    const e = market.equities;
    claim(e.index.symbol, ['equities', 'index', 'symbol']);
    e.sectors.forEach((s, i) => claim(s.symbol, ['equities', 'sectors', i, 'symbol']));
    claim(e.pair.legA.symbol, ['equities', 'pair', 'legA', 'symbol']);
    claim(e.pair.legB.symbol, ['equities', 'pair', 'legB', 'symbol']);
    claim(e.volatilityIndex.symbol, ['equities', 'volatilityIndex', 'symbol']);
  });

/** The validated section, every default applied and `startTime` in epoch milliseconds. */
export type MarketSettings = z.output<typeof MarketSettingsSchema>;
/** What may be written in settings.yaml (or passed in code): any key may be left out. */
export type MarketSettingsInput = z.input<typeof MarketSettingsSchema>;
export type RegimeParams = MarketSettings['regimes']['trend'];
