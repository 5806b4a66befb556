import type { Bar, InstrumentSpec } from '../../../src-shared/domain/market';
import type { MarketSettings, RegimeParams } from '../../../src-shared/settings/sections/market';
import type { BarBook } from './bar-book';
import { AssetGroup, type DrivenAssets } from './driven-assets';
import type { Gaussian } from './gaussian';

/**
 * The equity side: sectors and the pair's first leg (driven by the factor model), and three derived
 * instruments:
 * - the index = initial level × Σ wᵢ·Pᵢ/Pᵢ(0) over the sectors (a buy-and-hold, cap-weighted basket);
 * - the pair's second leg, log B = log B0 + hedgeRatio × (log A − log A0) + spread, the spread an
 *   Ornstein–Uhlenbeck process (s ← (1 − κ)·s + σ·N per bar, interpolated through the sub-steps), so
 *   A and B are cointegrated;
 * - the volatility index = 100 × √(EWMA variance of the index's sub-step log returns × sub-steps per
 *   year) × (1 + varianceRiskPremium), the EWMA factor per sub-step being smoothingPerBar^(1/steps)
 *   (RiskMetrics-style EWMA); it starts at the index's model volatility in the first regime.
 * Every instrument's bar takes its high and low from the same sub-step path, so the OHLC are consistent.
 */
export class EquityComplex {
  readonly specs: InstrumentSpec[] = [];
  private readonly first: number;
  private readonly sectors: number;
  private readonly legA: number;
  private readonly weights: Float64Array;
  private readonly sectorSlots: number[] = [];
  private readonly indexSlot: number;
  private readonly legASlot: number;
  private readonly legBSlot: number;
  private readonly vixSlot: number;
  private readonly indexScale: Float64Array;
  private readonly legBBase: number;
  private spreadPrev = 0;
  private spreadNext = 0;
  private indexLevel: number;
  private indexLogStart: number;
  private variance: number;
  private vix: number;
  private readonly smoothing: number;
  private readonly annualiser: number;
  private readonly indexSigmaBar: number;
  private readonly tick: number;

  constructor(
    private readonly settings: MarketSettings,
    private readonly driven: DrivenAssets,
    /** Index of the first sector among the driven assets; the sectors follow, then the pair's first leg. */
    firstSector: number,
    private readonly book: BarBook,
    private readonly random: Gaussian,
    private readonly volumeRandom: Gaussian,
    barYears: number,
    firstRegime: RegimeParams,
  ) {
    const { equities } = settings;
    const { venue, fees, index, sectors, pair, volatilityIndex, tickSize } = equities;
    this.tick = tickSize;
    this.first = firstSector;
    this.sectors = sectors.length;
    this.legA = firstSector + sectors.length;
    const spec = (
      symbol: string,
      assetClass: InstrumentSpec['assetClass'],
      tickSize: number,
    ): InstrumentSpec => ({
      id: symbol,
      symbol,
      venue,
      assetClass,
      lotSize: 1,
      tickSize,
      makerFee: fees.maker,
      takerFee: fees.taker,
    });
    this.indexSlot = book.add(index.tickSize, index.initialPrice);
    this.specs.push(spec(index.symbol, 'equity-index', index.tickSize));
    this.weights = new Float64Array(sectors.map((s) => s.weight));
    this.indexScale = new Float64Array(sectors.map((s) => (index.initialPrice * s.weight) / s.initialPrice));
    for (const sector of sectors) {
      this.sectorSlots.push(book.add(tickSize, sector.initialPrice));
      this.specs.push(spec(sector.symbol, 'sector', tickSize));
    }
    this.legASlot = book.add(tickSize, pair.legA.initialPrice);
    this.specs.push(spec(pair.legA.symbol, 'equity', tickSize));
    this.legBSlot = book.add(tickSize, pair.legB.initialPrice);
    this.specs.push(spec(pair.legB.symbol, 'equity', tickSize));
    this.legBBase = Math.log(pair.legB.initialPrice);
    this.vixSlot = book.add(tickSize, 1);
    this.specs.push(spec(volatilityIndex.symbol, 'volatility-index', tickSize));

    this.indexLevel = index.initialPrice;
    this.indexLogStart = Math.log(this.indexLevel);
    const steps = settings.stepsPerBar;
    this.smoothing = volatilityIndex.smoothingPerBar ** (1 / steps);
    this.annualiser = steps / barYears;
    this.indexSigmaBar = this.indexModelSigma(barYears);
    const sigma = this.indexSigmaBar * firstRegime.volMultiplier;
    this.variance = (sigma * sigma) / steps;
    this.vix = this.vixLevel();
    book.reset(this.vixSlot, tickSize, this.vix);
  }

  /** One-bar volatility of the index implied by the sectors' volatilities and loadings (initial weights). */
  private indexModelSigma(barYears: number): number {
    const sectors = this.settings.equities.sectors;
    let variance = 0;
    for (let i = 0; i < sectors.length; i++)
      for (let j = 0; j < sectors.length; j++) {
        const a = sectors[i]!;
        const b = sectors[j]!;
        const rho = i === j ? 1 : a.marketLoading * b.marketLoading + a.groupLoading * b.groupLoading;
        variance += a.weight * b.weight * a.annualVolatility * b.annualVolatility * rho;
      }
    return Math.sqrt(variance * barYears);
  }

  private vixLevel(): number {
    return (
      100 *
      Math.sqrt(this.variance * this.annualiser) *
      (1 + this.settings.equities.volatilityIndex.varianceRiskPremium)
    );
  }

  beginBar(): void {
    const { spreadReversionPerBar, spreadSigmaPerBar } = this.settings.equities.pair;
    for (const slot of this.sectorSlots) this.book.begin(slot);
    this.book.begin(this.indexSlot);
    this.book.begin(this.legASlot);
    this.book.begin(this.legBSlot);
    this.book.begin(this.vixSlot);
    this.spreadNext = (1 - spreadReversionPerBar) * this.spreadPrev + spreadSigmaPerBar * this.random.next();
    this.indexLogStart = Math.log(this.indexLevel);
  }

  subStep(s: number): void {
    const { book, driven } = this;
    let level = 0;
    for (let j = 0; j < this.sectors; j++) {
      const price = Math.exp(driven.x[this.first + j]!);
      level += this.indexScale[j]! * price;
      book.observe(this.sectorSlots[j]!, price);
    }
    const previousLog = Math.log(this.indexLevel);
    this.indexLevel = level;
    book.observe(this.indexSlot, level);
    const r = Math.log(level) - previousLog;
    this.variance = this.smoothing * this.variance + (1 - this.smoothing) * r * r;
    this.vix = this.vixLevel();
    book.observe(this.vixSlot, this.vix);
    book.observe(this.legASlot, Math.exp(driven.x[this.legA]!));
    book.observe(this.legBSlot, Math.exp(this.legBLog((s + 1) / this.settings.stepsPerBar)));
  }

  private legBLog(along: number): number {
    const spread = this.spreadPrev + (this.spreadNext - this.spreadPrev) * along;
    const { hedgeRatio } = this.settings.equities.pair;
    return (
      this.legBBase + hedgeRatio * (this.driven.x[this.legA]! - this.driven.initialLog(this.legA)) + spread
    );
  }

  endBar(time: number, regime: RegimeParams, bars: Bar[]): void {
    const { book, driven } = this;
    const { index, sectors, pair, volatilityIndex } = this.settings.equities;
    const activity = Math.sqrt(driven.varianceMultiplier(AssetGroup.Equity)) * regime.volMultiplier;
    const vixOpen = book.open[this.vixSlot]!;

    book.finish(this.indexSlot, this.indexLevel, book.tickOf(this.indexSlot), Infinity);
    const indexSigmas = Math.abs(Math.log(this.indexLevel) - this.indexLogStart) / this.indexSigmaBar;
    this.push(bars, this.indexSlot, 0, time, index.baseVolume * activity * (0.6 + 0.4 * indexSigmas));
    for (let j = 0; j < this.sectors; j++) {
      const i = this.first + j;
      const slot = this.sectorSlots[j]!;
      book.finish(slot, Math.exp(driven.x[i]!), this.tick, Infinity);
      this.push(bars, slot, 1 + j, time, sectors[j]!.baseVolume * this.activity(i));
    }
    book.finish(this.legASlot, Math.exp(driven.x[this.legA]!), this.tick, Infinity);
    this.push(bars, this.legASlot, 1 + this.sectors, time, pair.legA.baseVolume * this.activity(this.legA));
    book.finish(this.legBSlot, Math.exp(this.legBLog(1)), this.tick, Infinity);
    this.push(bars, this.legBSlot, 2 + this.sectors, time, pair.legB.baseVolume * this.activity(this.legA));
    book.finish(this.vixSlot, this.vix, this.tick, Infinity);
    const vixMove = Math.abs(this.vix - vixOpen) / vixOpen;
    this.push(bars, this.vixSlot, 3 + this.sectors, time, volatilityIndex.baseVolume * (1 + 10 * vixMove));
    this.spreadPrev = this.spreadNext;
  }

  /** Volume multiplier of a driven asset: conditional volatility and the size of the bar's move. */
  private activity(i: number): number {
    const sigmas = Math.abs(this.driven.barReturn[i]!) / this.driven.sigmaBar[i]!;
    return (this.driven.conditionalSigma[i]! / this.driven.sigmaBar[i]!) * (0.6 + 0.4 * sigmas);
  }

  private push(bars: Bar[], slot: number, spec: number, time: number, volume: number): void {
    const { book } = this;
    bars.push({
      instrument: this.specs[spec]!.id,
      time,
      open: book.open[slot]!,
      high: book.high[slot]!,
      low: book.low[slot]!,
      close: book.close[slot]!,
      volume: volume * (0.5 + this.volumeRandom.uniform()),
    });
  }
}
