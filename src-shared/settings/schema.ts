import { BacktestSettingsSchema } from './sections/backtest';
import { z } from 'zod';
import { fraction, nonNegative, oneOf, positive, positiveInt } from './fields';
import {
  correlationWindowProblem,
  EnsembleSettingsSchema,
  ExposureSettingsSchema,
  KellySettingsSchema,
} from './sections/ensemble';
import { DataSectionSchema } from './sections/data';
import { ExecutionSectionSchema } from './sections/execution';
import { MarketSettingsSchema } from './sections/market';
import { StrategiesSchema } from './sections/strategies';

// The schema of settings.yaml. Every parameter the specification names lives here; the defaults are in
// resources/default-settings.yaml and a user's settings file overrides them key by key.

const breakerLevel = z.strictObject({
  /** Drawdown from peak equity that trips this level, as a fraction (0.05 = −5 %). */
  drawdown: fraction(),
  /** Multiplier applied to every new position's size while this level is active. */
  sizeMultiplier: fraction(),
});

const risk = z.strictObject({
  circuitBreaker: z
    .strictObject({
      levels: z.tuple([breakerLevel, breakerLevel, breakerLevel], {
        error: 'expected exactly three levels',
      }),
      cooldownMinutes: nonNegative(),
    })
    .superRefine((breaker, ctx) => {
      const [l1, l2, l3] = breaker.levels;
      if (!(l1.drawdown < l2.drawdown && l2.drawdown < l3.drawdown)) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels'],
          message: 'level drawdowns must increase: levels[0] < levels[1] < levels[2]',
        });
      }
    }),
  kelly: KellySettingsSchema,
  exposure: ExposureSettingsSchema,
  positionLimits: z
    .strictObject({
      minFractionOfEquity: fraction(),
      maxFractionOfEquity: fraction(),
    })
    .refine((limits) => limits.minFractionOfEquity <= limits.maxFractionOfEquity, {
      error: 'minFractionOfEquity must not exceed maxFractionOfEquity',
      path: ['minFractionOfEquity'],
    }),
  liquidationCascade: z.strictObject({
    /** Cascade risk score (0–1) above which positions are reduced. */
    highRiskThreshold: fraction(),
    /** Share of each position kept when the cascade risk is high. */
    reduceTo: fraction(),
  }),
});

const paper = z.strictObject({
  initialCash: positive(),
  /** Engine time runs at wall time × speed. */
  speed: positive(),
});

const persistence = z.strictObject({
  checkpointIntervalMinutes: positive(),
});

const dashboard = z.strictObject({
  /** IP addresses allowed to reach browser mode besides loopback (the spec's "IP whitelist"). */
  ipAllowlist: z.array(
    z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
      error: 'expected an IP address or CIDR range (e.g. 192.168.1.20 or 192.168.1.0/24)',
    }),
  ),
});

const logging = z.strictObject({
  level: oneOf(['debug', 'info', 'warn', 'error']),
  maxFileMegabytes: positive(),
  maxFiles: positiveInt(),
});

export const SettingsSchema = z
  .strictObject({
    market: MarketSettingsSchema,
    paper,
    data: DataSectionSchema,
    strategies: StrategiesSchema,
    ensemble: EnsembleSettingsSchema,
    risk,
    execution: ExecutionSectionSchema,
    persistence,
    dashboard,
    logging,
    backtest: BacktestSettingsSchema,
  })
  .superRefine((settings, ctx) => {
    const problem = correlationWindowProblem(
      settings.ensemble.correlation,
      settings.market.barIntervalSeconds,
    );
    const cascade = settings.data.liquidationCascade.elevatedThreshold;
    const high = settings.risk.liquidationCascade.highRiskThreshold;
    if (!(cascade < high)) {
      ctx.addIssue({
        code: 'custom',
        path: ['data', 'liquidationCascade', 'elevatedThreshold'],
        message: `must be below risk.liquidationCascade.highRiskThreshold (${high})`,
      });
    }
    if (problem)
      ctx.addIssue({ code: 'custom', path: ['ensemble', 'correlation', 'windowMinutes'], message: problem });
  });

export type Settings = z.infer<typeof SettingsSchema>;
