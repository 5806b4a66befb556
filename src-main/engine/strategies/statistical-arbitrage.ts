import type { z } from 'zod';
import type { Bar } from '../../../src-shared/domain/market';
import type { Signal } from '../../../src-shared/domain/strategy';
import { StatisticalArbitrageParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-a';
import { RollingSum } from '../indicators';
import type { MarketSnapshot, StrategyDecision } from '../ports';
import type { StrategyDefinition, StrategyLogic } from './definition';
import { DecisionMemo } from './decision-memo';
import { signal, warmingUp } from './base-a/per-instrument';

type Params = z.output<typeof StatisticalArbitrageParamsSchema>;

/** A residual variance below this share of the legs' own variation is rounding: the fit is exact, z = 0. */
const EXACT_FIT = 1e-12;

/**
 * Pairs trading on the spread of two instruments, legs A and B (default BANK-A and BANK-B), with
 * x = ln(close A) and y = ln(close B) taken on the steps where both legs have a bar. Over the last `window`
 * such steps (this one included) the hedge ratio β is the OLS slope of y on x, Cov(x, y) / Var(x), or the
 * fixed ratio. The spread residual of this step is e = (y − ȳ) − β·(x − x̄) and its σ over the window is
 * √(Var(y) − 2β·Cov(x, y) + β²·Var(x)) (population moments; with the OLS β this is the fit's residual σ),
 * so z = e / σ. z > 0 means B is rich against A.
 *
 * Flat: z ≥ entryZ sells B and buys A; z ≤ −entryZ buys B and sells A (two signals, equal confidence);
 * otherwise hold on both. A position flips when z passes the opposite entry threshold; a short spread
 * (B sold) is closed when z falls below +exitZ, a long one when z rises above −exitZ: hold on both legs.
 * Confidence = min(1, |z| / (2·entryZ)). Abstains while a leg is missing from the market or the step, on a
 * non-positive price, for the first window − 1 paired steps, and with the OLS ratio when A did not move
 * over the window. Sums are kept by RollingSum (O(1) per step) over log prices taken relative to each
 * leg's first price, so they stay small and precise.
 */
class StatisticalArbitrage implements StrategyLogic {
  private readonly sumX: RollingSum;
  private readonly sumY: RollingSum;
  private readonly sumXX: RollingSum;
  private readonly sumYY: RollingSum;
  private readonly sumXY: RollingSum;
  private originX = NaN;
  private originY = NaN;
  private steps = 0;
  /** +1 long the spread (B bought, A sold), −1 short it (B sold, A bought), 0 flat. */
  private position = 0;
  private reason = '';
  private readonly flatReason: string;
  private missingTexts: Record<'unlistedA' | 'unlistedB' | 'neither' | 'noA' | 'noB', string> | null = null;
  /** The hold signals of both legs while flat, made again only when their reason changes. */
  private holds: readonly [Signal, Signal] | null = null;
  /** This step's signals; an unchanged abstention (or the same signals) reuses the previous decision. */
  private readonly decisions = new DecisionMemo();

  constructor(private readonly params: Params) {
    this.flatReason = `spread z within ±${params.entryZ}: no spread position`;
    const n = params.window;
    this.sumX = new RollingSum(n);
    this.sumY = new RollingSum(n);
    this.sumXX = new RollingSum(n);
    this.sumYY = new RollingSum(n);
    this.sumXY = new RollingSum(n);
  }

  evaluate(snapshot: MarketSnapshot): StrategyDecision {
    const { legA, legB } = this.params;
    let a: Bar | undefined;
    let b: Bar | undefined;
    for (const bar of snapshot.slice.bars) {
      if (bar.instrument === legA) a = bar;
      else if (bar.instrument === legB) b = bar;
    }
    if (!a || !b) return this.abstain(this.missingLeg(snapshot, a, b));
    if (!(a.close > 0 && b.close > 0)) return this.abstain('both legs need positive prices (log prices)');
    if (this.steps === 0) {
      this.originX = Math.log(a.close);
      this.originY = Math.log(b.close);
    }
    const x = Math.log(a.close) - this.originX;
    const y = Math.log(b.close) - this.originY;
    this.sumX.push(x);
    this.sumY.push(y);
    this.sumXX.push(x * x);
    this.sumYY.push(y * y);
    this.sumXY.push(x * y);
    this.steps += 1;
    const n = this.params.window;
    if (this.steps < n) return this.abstain(warmingUp(this.steps, n));

    const meanX = this.sumX.sum / n;
    const meanY = this.sumY.sum / n;
    // n × the variances and covariance.
    const cxx = Math.max(0, this.sumXX.sum - this.sumX.sum * meanX);
    const cyy = Math.max(0, this.sumYY.sum - this.sumY.sum * meanY);
    const cxy = this.sumXY.sum - this.sumX.sum * meanY;
    const ols = this.params.hedgeRatio === 'rolling-ols';
    if (ols && !(cxx > 0)) return this.abstain(`${legA} did not move over the window: no hedge ratio`);
    const beta = ols ? cxy / cxx : this.params.fixedHedgeRatio;
    const residual = y - meanY - beta * (x - meanX);
    const ssr = cyy - 2 * beta * cxy + beta * beta * cxx;
    const z = ssr > EXACT_FIT * (cyy + beta * beta * cxx) ? residual / Math.sqrt(ssr / n) : 0;
    const decisions = this.decisions;
    decisions.begin();
    this.decideOn(z, beta, decisions);
    return decisions.end('no signal');
  }

  /** The decision of a step without signals. */
  private abstain(reason: string): StrategyDecision {
    this.decisions.begin();
    return this.decisions.end(reason);
  }

  /** Adds the step's two signals. */
  private decideOn(z: number, beta: number, decisions: DecisionMemo): void {
    const { legA, legB, entryZ, exitZ } = this.params;
    const previous = this.position;
    if (z >= entryZ) this.position = -1;
    else if (z <= -entryZ) this.position = 1;
    else if (this.position === -1 && z < exitZ) this.position = 0;
    else if (this.position === 1 && z > -exitZ) this.position = 0;
    // Reasons with numbers are formatted when the position changes only (formatting costs more than the rule).
    if (this.position !== previous) {
      const spread = `spread z ${z.toFixed(2)} (β ${beta.toFixed(3)})`;
      if (this.position === 0) this.reason = `${spread}: back within ±${exitZ}, spread position closed`;
      else
        this.reason = `${spread}: ${this.position < 0 ? legB : legA} rich against ${this.position < 0 ? legA : legB}`;
    } else if (this.position === 0) {
      this.reason = this.flatReason;
    }
    if (this.position === 0) {
      if (this.holds === null || this.holds[0].reason !== this.reason)
        this.holds = [signal(legA, 'hold', 0, this.reason), signal(legB, 'hold', 0, this.reason)];
      decisions.add(this.holds[0]);
      decisions.add(this.holds[1]);
      return;
    }
    const confidence = Math.abs(z) / (2 * entryZ);
    const sellsB = this.position < 0;
    decisions.add(signal(legA, sellsB ? 'buy' : 'sell', confidence, this.reason));
    decisions.add(signal(legB, sellsB ? 'sell' : 'buy', confidence, this.reason));
  }

  /** Why a step without both legs abstains (the texts are made once: this can be every step). */
  private missingLeg(snapshot: MarketSnapshot, a: Bar | undefined, b: Bar | undefined): string {
    const { legA, legB } = this.params;
    const texts = (this.missingTexts ??= {
      unlistedA: `${legA} is not among the market's instruments`,
      unlistedB: `${legB} is not among the market's instruments`,
      neither: `no bar of ${legA} or ${legB} at this step`,
      noA: `no bar of ${legA} at this step: the legs are paired on common steps`,
      noB: `no bar of ${legB} at this step: the legs are paired on common steps`,
    });
    if (!snapshot.instruments.has(legA)) return texts.unlistedA;
    if (!snapshot.instruments.has(legB)) return texts.unlistedB;
    if (!a && !b) return texts.neither;
    return a ? texts.noB : texts.noA;
  }
}

export const statisticalArbitrage: StrategyDefinition<typeof StatisticalArbitrageParamsSchema> = {
  id: 'statistical-arbitrage',
  name: 'Statistical Arbitrage',
  category: 'base',
  rule: 'Pairs trade: when the z-score of the log-price spread of legB against legA (hedge ratio by rolling OLS or fixed) passes ±entryZ, sell the rich leg and buy the cheap one; close both within exitZ of the mean.',
  needs: ['ohlcv'],
  params: StatisticalArbitrageParamsSchema,
  create: (params) => new StatisticalArbitrage(params),
};
