import { REGIMES, type MarketSettings, type Regime } from '../../../src-shared/settings/sections/market';
import type { RegimePath } from './regime-path';
import type { Gaussian } from './gaussian';

/** An asset whose log price the factor model drives (crypto assets, sectors, the pair's first leg). */
export interface DrivenAssetSpec {
  initialPrice: number;
  annualVolatility: number;
  marketLoading: number;
  groupLoading: number;
  group: AssetGroup;
  /** Sectors carry a slowly changing extra drift (sector rotation). */
  rotates: boolean;
  /** Scale of the crash scenario's forced drift for this asset. */
  crashMultiplier: number;
}

/** Each group has its own factor and its own GARCH variance. */
export const AssetGroup = { Crypto: 0, Equity: 1 } as const;
export type AssetGroup = (typeof AssetGroup)[keyof typeof AssetGroup];

const REGIME_INDEX: Record<Regime, number> = { trend: 0, range: 1, crisis: 2 };

/**
 * The common price engine: log prices driven, sub-step by sub-step, by a factor model
 * z = a·market + b·group + c·own (a² + b² + c² = 1, so z is standard normal and corr(i, j) = aᵢaⱼ + bᵢbⱼ
 * within a group, aᵢaⱼ across groups), scaled by the asset's one-bar volatility × √(GARCH variance
 * multiplier of its group) × the regime's volatility multiplier. A regime's correlationBoost κ moves a
 * share κ of the own variance into the market factor (a'² = a² + κc², c'² = (1 − κ)c²).
 *
 * Per bar: drift = σ_bar × (regime drift in sigmas [× trend direction] + sector rotation) + forced crash
 * drift + liquidation cascade − reversion × (x − anchor), spread evenly over the sub-steps; a market jump
 * (scaled by each asset's market loading) and idiosyncratic jumps land on one random sub-step each.
 * GJR-GARCH(1,1), per group, on the variance multiplier h (long-run mean 1):
 * h ← (1 − α − γ/2 − β) + (α + γ·[mean ε < 0])·mean(ε²) + β·h, ε the bar's standardised residuals of the
 * group's assets (Bollerslev 1986; the leverage term γ after Glosten, Jagannathan & Runkle 1993: falls
 * raise volatility more than rises).
 * Drifts are on log prices (no convexity term): with no drift the log price is a martingale.
 */
export class DrivenAssets {
  readonly count: number;
  /** Current log prices. */
  readonly x: Float64Array;
  /** Normal one-bar volatility (log) of each asset: annual volatility × √(bar interval in years). */
  readonly sigmaBar: Float64Array;
  /** This bar's conditional one-bar volatility (GARCH and regime applied). */
  readonly conditionalSigma: Float64Array;
  /** Log return of the last completed bar. */
  readonly barReturn: Float64Array;
  /** Extra log drift for the coming bar (set by the crypto venues from liquidation imbalance). */
  readonly cascade: Float64Array;
  private readonly x0: Float64Array;
  private readonly xStart: Float64Array;
  private readonly anchor: Float64Array;
  private readonly rotation: Float64Array;
  private readonly rotates: Uint8Array;
  private readonly group: Uint8Array;
  private readonly crashMultiplier: Float64Array;
  private readonly loadingMarket: Float64Array;
  private readonly loadingGroup: Float64Array;
  private readonly loadingOwn: Float64Array;
  private readonly muSub: Float64Array;
  private readonly sdSub: Float64Array;
  private readonly residual: Float64Array;
  private readonly jumpAt: Float64Array;
  private readonly variance = new Float64Array([1, 1]);
  private readonly steps: number;
  private regimeOffset = 0;
  private readonly groupShock = new Float64Array(2);
  private readonly groupSquares = new Float64Array(2);
  private readonly groupSums = new Float64Array(2);
  private readonly groupMembers = new Float64Array(2);

  constructor(
    specs: readonly DrivenAssetSpec[],
    private readonly settings: MarketSettings,
    private readonly random: Gaussian,
    barYears: number,
  ) {
    const n = specs.length;
    this.count = n;
    this.steps = settings.stepsPerBar;
    this.x = new Float64Array(n);
    this.x0 = new Float64Array(n);
    this.xStart = new Float64Array(n);
    this.anchor = new Float64Array(n);
    this.sigmaBar = new Float64Array(n);
    this.conditionalSigma = new Float64Array(n);
    this.barReturn = new Float64Array(n);
    this.cascade = new Float64Array(n);
    this.rotation = new Float64Array(n);
    this.rotates = new Uint8Array(n);
    this.group = new Uint8Array(n);
    this.crashMultiplier = new Float64Array(n);
    this.loadingMarket = new Float64Array(n * REGIMES.length);
    this.loadingGroup = new Float64Array(n * REGIMES.length);
    this.loadingOwn = new Float64Array(n * REGIMES.length);
    this.muSub = new Float64Array(n);
    this.sdSub = new Float64Array(n);
    this.residual = new Float64Array(n);
    this.jumpAt = new Float64Array(n * this.steps);
    const { rotation } = settings.equities;
    specs.forEach((spec, i) => {
      this.x[i] = this.x0[i] = this.anchor[i] = Math.log(spec.initialPrice);
      this.sigmaBar[i] = spec.annualVolatility * Math.sqrt(barYears);
      this.group[i] = spec.group;
      this.groupMembers[spec.group]! += 1;
      this.rotates[i] = spec.rotates ? 1 : 0;
      this.crashMultiplier[i] = spec.crashMultiplier;
      if (spec.rotates) this.rotation[i] = rotation.driftSigmas * random.next();
      const own2 = Math.max(0, 1 - spec.marketLoading ** 2 - spec.groupLoading ** 2);
      REGIMES.forEach((regime, r) => {
        const boost = settings.regimes[regime].correlationBoost;
        const k = r * n + i;
        this.loadingMarket[k] = Math.sqrt(spec.marketLoading ** 2 + boost * own2);
        this.loadingGroup[k] = spec.groupLoading;
        this.loadingOwn[k] = Math.sqrt((1 - boost) * own2);
      });
    });
  }

  /** Initial log price of asset i. */
  initialLog(i: number): number {
    return this.x0[i]!;
  }

  /** The GARCH variance multiplier of a group (long-run mean 1). */
  varianceMultiplier(group: AssetGroup): number {
    return this.variance[group]!;
  }

  /** Sets this bar's drifts, volatilities and jumps from the regime. */
  beginBar(path: RegimePath): void {
    const { settings, random, steps, count: n } = this;
    const params = settings.regimes[path.regime];
    this.regimeOffset = REGIME_INDEX[path.regime] * n;
    const driftSigmas = path.regime === 'trend' ? params.driftSigmas * path.direction : params.driftSigmas;
    const { persistencePerBar, driftSigmas: rotationSd } = settings.equities.rotation;
    const rotationShock = rotationSd * Math.sqrt(1 - persistencePerBar * persistencePerBar);
    const crashing = path.crashDrift !== 0;
    for (let i = 0; i < n; i++) {
      const x = this.x[i]!;
      if (path.changed) this.anchor[i] = x;
      this.xStart[i] = x;
      if (this.rotates[i] === 1)
        this.rotation[i] = persistencePerBar * this.rotation[i]! + rotationShock * random.next();
      const sigma = this.sigmaBar[i]!;
      const regimeDrift = crashing ? path.crashDrift * this.crashMultiplier[i]! : sigma * driftSigmas;
      const drift =
        regimeDrift +
        sigma * this.rotation[i]! +
        this.cascade[i]! -
        params.reversionPerBar * (x - this.anchor[i]!);
      this.muSub[i] = drift / steps;
      const conditional = sigma * Math.sqrt(this.variance[this.group[i]!]!) * params.volMultiplier;
      this.conditionalSigma[i] = conditional;
      this.sdSub[i] = conditional / Math.sqrt(steps);
      this.residual[i] = 0;
    }
    this.jumpAt.fill(0);
    const { market, idiosyncratic } = settings.jumps;
    if (random.uniform() < market.probabilityPerBar * params.jumpMultiplier) {
      const size = market.meanSigmas + market.sdSigmas * random.next();
      const step = Math.floor(random.uniform() * steps);
      for (let i = 0; i < n; i++)
        this.jumpAt[i * steps + step]! +=
          this.loadingMarket[this.regimeOffset + i]! * size * this.sigmaBar[i]!;
    }
    const idioProbability = idiosyncratic.probabilityPerBar * params.jumpMultiplier;
    for (let i = 0; i < n; i++) {
      if (random.uniform() < idioProbability) {
        const size = idiosyncratic.meanSigmas + idiosyncratic.sdSigmas * random.next();
        this.jumpAt[i * steps + Math.floor(random.uniform() * steps)]! += size * this.sigmaBar[i]!;
      }
    }
  }

  /** Advances every log price by one sub-step (s counts from 0). */
  subStep(s: number): void {
    const { random, steps, regimeOffset } = this;
    const marketShock = random.next();
    this.groupShock[0] = random.next();
    this.groupShock[1] = random.next();
    for (let i = 0; i < this.count; i++) {
      const k = regimeOffset + i;
      const z =
        this.loadingMarket[k]! * marketShock +
        this.loadingGroup[k]! * this.groupShock[this.group[i]!]! +
        this.loadingOwn[k]! * random.next();
      const move = this.sdSub[i]! * z + this.jumpAt[i * steps + s]!;
      this.residual[i]! += move;
      this.x[i]! += this.muSub[i]! + move;
    }
  }

  /** Closes the bar: records returns and updates each group's GARCH variance multiplier. */
  endBar(): void {
    const { count } = this;
    const sumSquares = this.groupSquares;
    const sums = this.groupSums;
    const members = this.groupMembers;
    sumSquares.fill(0);
    sums.fill(0);
    for (let i = 0; i < count; i++) {
      this.barReturn[i] = this.x[i]! - this.xStart[i]!;
      const eps = this.residual[i]! / this.conditionalSigma[i]!;
      const g = this.group[i]!;
      sumSquares[g]! += eps * eps;
      sums[g]! += eps;
    }
    const { alpha, leverage, beta, maxVarianceMultiplier } = this.settings.garch;
    const omega = 1 - alpha - leverage / 2 - beta;
    for (let g = 0; g < 2; g++) {
      const n = members[g]!;
      if (n === 0) continue;
      const shock = sumSquares[g]! / n;
      const down = sums[g]! < 0 ? leverage : 0;
      const next = omega + (alpha + down) * shock + beta * this.variance[g]!;
      this.variance[g] = next > maxVarianceMultiplier ? maxVarianceMultiplier : next;
    }
  }
}
