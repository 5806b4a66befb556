import type { z } from 'zod';
import { DomainSpecialisationParamsSchema } from '../../../src-shared/settings/sections/strategy-params/advanced';
import { Ema } from '../indicators';
import type { MarketSnapshot, StrategyDecision } from '../ports';
import type { StrategyDefinition, StrategyLogic } from './definition';
import { DecisionMemo } from './decision-memo';

type Params = z.output<typeof DomainSpecialisationParamsSchema>;
type Calibration = Params['domains'][number];

/** Prices are clamped to [ε, 1 − ε] before taking log-odds, so a price of 0 or 1 stays finite. */
const EPSILON = 1e-4;

interface ContractState {
  /** EMA of the contract's log-odds. */
  readonly smoothed: Ema;
  readonly calibration: Calibration;
  /** w·logit(baseRate) and (1 − w)·λ, fixed per domain. */
  readonly priorTerm: number;
  readonly scale: number;
  readonly holdReason: string;
}

const logit = (p: number): number => {
  const x = p < EPSILON ? EPSILON : p > 1 - EPSILON ? 1 - EPSILON : p;
  return Math.log(x / (1 - x));
};

/**
 * Domain specialisation: trades prediction contracts whose `prediction.domain` is configured, where its
 * own probability estimate differs from the price by more than `margin`.
 *
 * The estimator, per contract, from its closes p_t (each domain with base rate b, prior weight w and
 * extremizing factor λ):
 *   x_t = logit(p_t) (p clamped to [1e-4, 1 − 1e-4]);
 *   s_t = EMA(smoothingBars) of x_t (TA-Lib seeding: the mean of the first smoothingBars values);
 *   estimate e_t = σ((1 − w)·λ·s_t + w·logit(b)), σ the logistic function.
 * The EMA removes the bid–ask bounce of the closes; λ > 1 undoes the compression of prices toward 0.5 that
 * favourite–long-shot bias causes (extremizing, as in forecast aggregation); w pulls toward the domain's
 * base rate. With edge = e_t − p_t: buy when edge > margin, sell when edge < −margin, else `hold`;
 * confidence min(1, |edge| / (2·margin)) (½ at the margin, 1 at twice it).
 * Contracts of other domains and other instruments get nothing. Never signals on a settlement bar or at or
 * after resolution. Abstains when no contract of its domains has a bar, or while they warm up
 * (smoothingBars bars each). O(1) per bar; a contract's state is dropped when it settles.
 */
class DomainSpecialisation implements StrategyLogic {
  /** This step's signals; an unchanged abstention (or the same signals) reuses the previous decision. */
  private readonly decisions = new DecisionMemo();
  private readonly calibrations: ReadonlyMap<string, Calibration>;
  private readonly contracts = new Map<string, ContractState | null>();

  constructor(private readonly params: Params) {
    this.calibrations = new Map(params.domains.map((d) => [d.domain, d]));
  }

  evaluate(snapshot: MarketSnapshot): StrategyDecision {
    const decisions = this.decisions;
    decisions.begin();
    const { margin } = this.params;
    let reason = 'no contract of its domains in this slice';
    for (const bar of snapshot.slice.bars) {
      const state = this.stateOf(bar.instrument, snapshot);
      if (bar.settlement !== undefined) {
        this.contracts.delete(bar.instrument); // a settled contract never trades again
        continue;
      }
      if (!state) continue;
      const resolution = snapshot.instruments.get(bar.instrument)!.prediction!.resolutionTime;
      if (!(bar.time < resolution)) continue;
      const smoothed = state.smoothed.update(logit(bar.close));
      if (!state.smoothed.ready) {
        reason = `warming up: ${bar.instrument} needs ${state.smoothed.warmUp} bars`;
        continue;
      }
      const estimate = 1 / (1 + Math.exp(-(state.scale * smoothed + state.priorTerm)));
      const edge = estimate - bar.close;
      if (edge > margin || edge < -margin) {
        decisions.add({
          instrument: bar.instrument,
          action: edge > 0 ? 'buy' : 'sell',
          confidence: Math.min(1, Math.abs(edge) / (2 * margin)),
          reason:
            `${state.calibration.domain}: estimate ${estimate.toFixed(3)} vs price ${bar.close.toFixed(3)}, ` +
            `beyond the ${margin} margin`,
        });
      } else {
        // A constant reason: formatting numbers on every bar of every contract would dominate the cost.
        decisions.add({
          instrument: bar.instrument,
          action: 'hold',
          confidence: 0,
          reason: state.holdReason,
        });
      }
    }
    return decisions.end(reason);
  }

  /** The contract's state when it is a prediction contract of a configured domain, else null (cached). */
  private stateOf(instrument: string, snapshot: MarketSnapshot): ContractState | null {
    const cached = this.contracts.get(instrument);
    if (cached !== undefined) return cached;
    const spec = snapshot.instruments.get(instrument);
    if (!spec) return null; // not cached: the spec may be listed later
    const calibration =
      spec.assetClass === 'prediction' && spec.prediction
        ? this.calibrations.get(spec.prediction.domain)
        : undefined;
    const state: ContractState | null = calibration
      ? {
          smoothed: new Ema(this.params.smoothingBars),
          calibration,
          priorTerm: calibration.priorWeight * logit(calibration.baseRate),
          scale: (1 - calibration.priorWeight) * calibration.extremizing,
          holdReason: `${calibration.domain}: estimate within the margin of the price`,
        }
      : null;
    this.contracts.set(instrument, state);
    return state;
  }
}

export const domainSpecialisation: StrategyDefinition<typeof DomainSpecialisationParamsSchema> = {
  id: 'domain-specialisation',
  name: 'Domain Specialisation',
  category: 'advanced',
  rule:
    'On prediction contracts of its configured domains, trade when its estimate (smoothed log-odds, ' +
    'extremized and pulled toward the domain base rate) differs from the price by more than a margin.',
  needs: ['prediction-markets'],
  params: DomainSpecialisationParamsSchema,
  create: (params) => new DomainSpecialisation(params),
};
