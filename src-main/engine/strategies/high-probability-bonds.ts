import type { z } from 'zod';
import type { InstrumentSpec } from '../../../src-shared/domain/market';
import type { Signal } from '../../../src-shared/domain/strategy';
import { HighProbabilityBondsParamsSchema } from '../../../src-shared/settings/sections/strategy-params/advanced';
import type { MarketSnapshot, StrategyDecision } from '../ports';
import type { StrategyDefinition, StrategyLogic } from './definition';
import { DecisionMemo } from './decision-memo';

type Params = z.output<typeof HighProbabilityBondsParamsSchema>;

/** A Julian year (365.25 days) in milliseconds: the annualisation of yields. */
const YEAR_MS = 365.25 * 24 * 3_600_000;
const HOUR_MS = 3_600_000;
/**
 * Rounding allowed in the NO side's test p ≤ 1 − minPrice: 1 − minPrice is itself rounded (1 − 0.9 is
 * 0.09999999999999998), which refused a NO bond priced exactly at minPrice. Far below any price tick.
 */
const ROUNDING = 1e-12;

/**
 * High-probability bonds: prediction contracts whose outcome the market already prices as near certain,
 * bought for the yield left to resolution.
 *
 * For a live contract (assetClass 'prediction', bar time before its resolutionTime, not a settlement bar)
 * at price p, the bond is YES at π = p when p ≥ minPrice (buy), or NO at π = 1 − p when p ≤ 1 − minPrice
 * (sell YES). Its yield to resolution after the taker fee f is y = 1 / (π·(1 + f)) − 1 (the fee counted on
 * the bond's price: conservative for NO, whose fee the engine charges on the YES price), annualised simply
 * over the time left T: Y = y × year / T. It trades when Y ≥ minAnnualYield, with
 *   confidence = min(1, failureBudget / (1 − π)) × min(1, fullConfidenceHours / T in hours).
 * The first factor sizes for the risk of the outcome failing: the engine stakes Kelly × confidence of its
 * equity, so the stake's expected loss from a failure, stake × (1 − π), is at most failureBudget × the
 * stake at full confidence. The second scales down by the time left (capital locked up longer, more time
 * for the outcome to turn). Any other live contract gets `hold` (a bond that falls below minPrice or whose
 * yield drops below the threshold is closed). Never signals at or after resolution; abstains when no live
 * prediction contract has a bar in the slice. O(1) per bar.
 */
class HighProbabilityBonds implements StrategyLogic {
  /** This step's signals; an unchanged abstention (or the same signals) reuses the previous decision. */
  private readonly decisions = new DecisionMemo();
  constructor(private readonly params: Params) {}

  evaluate(snapshot: MarketSnapshot): StrategyDecision {
    const decisions = this.decisions;
    decisions.begin();
    const p = this.params;
    for (const bar of snapshot.slice.bars) {
      const spec = snapshot.instruments.get(bar.instrument);
      const resolution = resolutionOf(spec);
      if (resolution === undefined || bar.settlement !== undefined) continue;
      const timeLeft = resolution - bar.time;
      if (!(timeLeft > 0)) continue;
      const price = bar.close;
      const yes = price >= p.minPrice;
      const no = price <= 1 - p.minPrice + ROUNDING;
      if (!yes && !no) {
        decisions.add(hold(bar.instrument, 'price not near certainty'));
        continue;
      }
      const bondPrice = yes ? price : 1 - price;
      const toResolution = 1 / (bondPrice * (1 + spec!.takerFee)) - 1;
      const annual = (toResolution * YEAR_MS) / timeLeft;
      const side = yes ? 'YES' : 'NO';
      if (!(annual >= p.minAnnualYield)) {
        decisions.add(
          hold(bar.instrument, `${side} annual yield ${pct(annual)} below ${pct(p.minAnnualYield)}`),
        );
        continue;
      }
      const failure = 1 - bondPrice;
      const failureFactor = failure > 0 ? Math.min(1, p.failureBudget / failure) : 1;
      const timeFactor = Math.min(1, (p.fullConfidenceHours * HOUR_MS) / timeLeft);
      decisions.add({
        instrument: bar.instrument,
        action: yes ? 'buy' : 'sell',
        confidence: failureFactor * timeFactor,
        reason:
          `${side} bond at ${bondPrice.toFixed(3)}: ${pct(toResolution)} to resolution in ` +
          `${(timeLeft / HOUR_MS).toFixed(1)} h, ${pct(annual)} a year`,
      });
    }
    return decisions.end('no live prediction contract in this slice');
  }
}

/** The resolution time of a prediction contract, or undefined for any other instrument. */
function resolutionOf(spec: InstrumentSpec | undefined): number | undefined {
  return spec?.assetClass === 'prediction' ? spec.prediction?.resolutionTime : undefined;
}

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

function hold(instrument: string, reason: string): Signal {
  return { instrument, action: 'hold', confidence: 0, reason };
}

export const highProbabilityBonds: StrategyDefinition<typeof HighProbabilityBondsParamsSchema> = {
  id: 'high-probability-bonds',
  name: 'High-Probability Bonds',
  category: 'advanced',
  rule:
    'Buy prediction outcomes priced at or above minPrice (YES, or NO by selling YES) when the yield to ' +
    'resolution, annualised, beats a threshold; confidence shrinks with the chance of failure and time left.',
  needs: ['prediction-markets'],
  params: HighProbabilityBondsParamsSchema,
  create: (params) => new HighProbabilityBonds(params),
};
