import { describe, expect, it } from 'vitest';
import {
  correlationWindowProblem,
  EnsembleSettingsSchema,
  ExposureSettingsSchema,
  KellySettingsSchema,
} from '../../../src-shared/settings/sections/ensemble';

// The defaults documented at the top of the section file.
const ensemble = {
  allocation: {
    sharpeWindow: 1440,
    smoothingAlpha: 0.9,
    minWeight: 0.01,
    maxWeight: 0.25,
    rebalanceIntervalHours: 24,
  },
  correlation: { windowMinutes: 60, method: 'pearson', threshold: 0.7, refreshMinutes: 60, minSamples: 20 },
  voting: { method: 'weighted_average' },
};

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('ensemble settings section', () => {
  it('accepts the documented defaults', () => {
    expect(EnsembleSettingsSchema.parse(ensemble)).toEqual(ensemble);
    expect(KellySettingsSchema.parse({ fraction: 0.25, minTrades: 30, windowTrades: 200 })).toBeTruthy();
    expect(ExposureSettingsSchema.parse({ maxGrossFractionOfEquity: 1 })).toBeTruthy();
  });

  it('tells the trader what is wrong with each field', () => {
    const bad = {
      ...ensemble,
      allocation: { ...ensemble.allocation, sharpeWindow: 1 },
      correlation: { ...ensemble.correlation, method: 'kendall', minSamples: 2.5 },
      voting: { method: 'weighted_average', extra: true },
    };
    expect(messages(EnsembleSettingsSchema.safeParse(bad))).toEqual([
      'allocation.sharpeWindow: expected a whole number ≥ 2',
      'correlation.method: expected one of: pearson, spearman',
      'correlation.minSamples: expected a whole number ≥ 3',
      'voting: Unrecognized key: "extra"',
    ]);
    const unordered = { ...ensemble, allocation: { ...ensemble.allocation, minWeight: 0.3 } };
    expect(messages(EnsembleSettingsSchema.safeParse(unordered))).toEqual([
      'allocation.minWeight: minWeight must not exceed maxWeight',
    ]);
    expect(
      messages(KellySettingsSchema.safeParse({ fraction: 0.25, minTrades: 300, windowTrades: 200 })),
    ).toEqual([
      'minTrades: minTrades must not exceed windowTrades (the estimate could never reach full weight)',
    ]);
    expect(messages(ExposureSettingsSchema.safeParse({ maxGrossFractionOfEquity: 0 }))).toEqual([
      'maxGrossFractionOfEquity: expected a positive number',
    ]);
  });

  it('checks that the correlation window holds minSamples bars', () => {
    expect(correlationWindowProblem({ ...ensemble.correlation, method: 'pearson' }, 60)).toBeNull();
    expect(
      correlationWindowProblem({ ...ensemble.correlation, method: 'pearson', windowMinutes: 10 }, 60),
    ).toBe('windowMinutes 10 holds 10 bars of 60 s; it must hold at least minSamples (20)');
  });
});
