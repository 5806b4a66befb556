// The price model of the `market` section: regimes, volatility clustering, jumps, the crash scenario.
import { z } from 'zod';
import { fraction, nonNegative, oneOf, positive, positiveInt } from '../../fields';
import { belowOne, finite, nonNegativeInt, round6 } from './fields';

export const SCENARIOS = ['markov', 'calm', 'trending', 'crash'] as const;
export type Scenario = (typeof SCENARIOS)[number];
export const REGIMES = ['trend', 'range', 'crisis'] as const;
export type Regime = (typeof REGIMES)[number];

const transitionRow = (defaults: Record<Regime, number>) =>
  z
    .strictObject({
      trend: fraction().default(defaults.trend),
      range: fraction().default(defaults.range),
      crisis: fraction().default(defaults.crisis),
    })
    .prefault({})
    .superRefine((row, ctx) => {
      const sum = row.trend + row.range + row.crisis;
      if (Math.abs(sum - 1) > 1e-9)
        ctx.addIssue({
          code: 'custom',
          message: `probabilities must add up to 1 (they add up to ${round6(sum)})`,
        });
    });

interface RegimeDefaults {
  driftSigmas: number;
  reversionPerBar: number;
  volMultiplier: number;
  jumpMultiplier: number;
  correlationBoost: number;
  liquidationMultiplier: number;
}

const regimeParams = (d: RegimeDefaults) =>
  z
    .strictObject({
      driftSigmas: finite().default(d.driftSigmas),
      reversionPerBar: belowOne().default(d.reversionPerBar),
      volMultiplier: positive().default(d.volMultiplier),
      jumpMultiplier: nonNegative().default(d.jumpMultiplier),
      correlationBoost: fraction().default(d.correlationBoost),
      liquidationMultiplier: nonNegative().default(d.liquidationMultiplier),
    })
    .prefault({});

export const regimes = z
  .strictObject({
    initial: oneOf(REGIMES).default('range'),
    trendUpProbability: fraction().default(0.6),
    transitions: z
      .strictObject({
        trend: transitionRow({ trend: 0.995, range: 0.0045, crisis: 0.0005 }),
        range: transitionRow({ trend: 0.003, range: 0.9965, crisis: 0.0005 }),
        crisis: transitionRow({ trend: 0.005, range: 0.015, crisis: 0.98 }),
      })
      .prefault({}),
    trend: regimeParams({
      driftSigmas: 0.08,
      reversionPerBar: 0,
      volMultiplier: 1,
      jumpMultiplier: 1,
      correlationBoost: 0,
      liquidationMultiplier: 1,
    }),
    range: regimeParams({
      driftSigmas: 0,
      reversionPerBar: 0.003,
      volMultiplier: 0.7,
      jumpMultiplier: 0.5,
      correlationBoost: 0,
      liquidationMultiplier: 0.5,
    }),
    crisis: regimeParams({
      driftSigmas: -0.6,
      reversionPerBar: 0,
      volMultiplier: 2.5,
      jumpMultiplier: 4,
      correlationBoost: 0.5,
      liquidationMultiplier: 6,
    }),
  })
  .prefault({});

export const garch = z
  .strictObject({
    alpha: fraction().default(0.03),
    leverage: fraction().default(0.06),
    beta: fraction().default(0.92),
    maxVarianceMultiplier: positive().default(25),
  })
  .prefault({})
  .superRefine((g, ctx) => {
    const persistence = g.alpha + g.leverage / 2 + g.beta;
    if (!(persistence < 1))
      ctx.addIssue({
        code: 'custom',
        path: ['beta'],
        message: `alpha + leverage / 2 + beta must be below 1 for a stable variance (it is ${round6(persistence)})`,
      });
    if (!(g.maxVarianceMultiplier >= 1))
      ctx.addIssue({ code: 'custom', path: ['maxVarianceMultiplier'], message: 'expected a number ≥ 1' });
  });

const jumpProcess = (probabilityPerBar: number, meanSigmas: number, sdSigmas: number) =>
  z
    .strictObject({
      probabilityPerBar: fraction().default(probabilityPerBar),
      meanSigmas: finite().default(meanSigmas),
      sdSigmas: nonNegative().default(sdSigmas),
    })
    .prefault({});

export const jumps = z
  .strictObject({
    market: jumpProcess(0.0005, -2, 4),
    idiosyncratic: jumpProcess(0.001, 0, 5),
  })
  .prefault({});

export const crash = z
  .strictObject({
    startBar: nonNegativeInt().default(50),
    durationBars: positiveInt().default(200),
    depth: z
      .number({ error: 'expected a number above 0 and below 1' })
      .gt(0, { error: 'expected a number above 0 and below 1' })
      .lt(1, { error: 'expected a number above 0 and below 1' })
      .default(0.35),
    cryptoMultiplier: nonNegative().default(1.5),
  })
  .prefault({});
