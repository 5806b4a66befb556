import type { InstrumentSpec } from '../../../src-shared/domain/market';
import type { DataSettings } from '../../../src-shared/settings/sections/data';
import type { CascadeOptions } from './liquidation-cascade';
import type { NormalizationOptions } from './normalizer';
import { profileForAssetClass, type InstrumentProfile, type ValidatorOptions } from './validator';

/**
 * Each instrument's validation profile from its asset class (NYSE calendar for equities and indices,
 * around the clock for crypto, none for prediction markets); an instrument not listed gets no calendar.
 */
export function profilesFromSpecs(
  instruments: readonly InstrumentSpec[],
): (instrument: string) => InstrumentProfile {
  const profiles = new Map(instruments.map((spec) => [spec.id, profileForAssetClass(spec.assetClass)]));
  return (instrument) =>
    profiles.get(instrument) ?? { calendar: 'none', intervalMs: null, checkZeroVolume: true };
}

/** DataValidator options from settings.data.validation and the engine's instruments. */
export function validatorOptionsFrom(
  data: DataSettings,
  instruments: readonly InstrumentSpec[],
  aroundTheClock = false,
): ValidatorOptions {
  const { outlierZ, outlierWindow, outlierMinObservations } = data.validation;
  const byClass = profilesFromSpecs(instruments);
  // A market that trades around the clock (the synthetic one) has no closed days to check against.
  const profile = aroundTheClock
    ? (id: string): InstrumentProfile => ({ ...byClass(id), calendar: 'continuous' })
    : byClass;
  return { outlierZ, outlierWindow, outlierMinObservations, profile };
}

/** NormalizationPipeline options from settings.data.normalization. */
export function normalizationOptionsFrom(data: DataSettings): NormalizationOptions {
  const { window, clip, minObservations } = data.normalization;
  return { window, clip, minObservations };
}

/** Cascade detector options from settings.data.liquidationCascade and risk.liquidationCascade.highRiskThreshold. */
export function cascadeOptionsFrom(data: DataSettings, highRiskThreshold: number): CascadeOptions {
  const c = data.liquidationCascade;
  return {
    baselineWindow: c.baselineWindow,
    velocityWindow: c.velocityWindow,
    minObservations: c.minObservations,
    liquidationZAtMax: c.liquidationZAtMax,
    velocityAtMax: c.velocityAtMax,
    imbalanceFloor: c.imbalanceFloor,
    weights: { ...c.weights },
    elevatedThreshold: c.elevatedThreshold,
    highThreshold: highRiskThreshold,
  };
}
