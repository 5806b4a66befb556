import type { Bar, InstrumentSpec } from '../../../src-shared/domain/market';
import type { MarketSettings, RegimeParams } from '../../../src-shared/settings/sections/market';
import type { BarBook } from './bar-book';
import type { DrivenAssets } from './driven-assets';
import type { Gaussian } from './gaussian';

const EIGHT_HOURS_MS = 8 * 3600 * 1000;

/**
 * Perpetual crypto instruments: every crypto asset on every venue. The first venue quotes the asset's
 * price; venue v quotes it × exp(basis_v), basis_v an Ornstein–Uhlenbeck process in discrete time
 * (b ← (1 − κ)·b + σ·N, half-life ln 2 / −ln(1 − κ) bars) with dislocation spikes of
 * ±spikeSize × (1 + |N|/2), linearly interpolated through the bar's sub-steps.
 *
 * Per bar and venue: funding = clamp(base + momentumWeight × m + basisWeight × (basis − mean basis of the
 * asset's venues), ±cap) per 8 h, scaled to the bar, m an EWMA of the asset's bar returns in sigmas;
 * liquidations = open interest × min(maxFraction, (base + burst × sigmas beyond the threshold) × regime
 * multiplier × crowding (OI / its usual level) × U(0.5, 1.5)): longs in sell-offs, shorts in squeezes;
 * the liquidated contracts leave the open interest, whose log then reverts toward its usual level with
 * noise. The liquidation imbalance share (long − short) / OI pushes the asset's next bar against the
 * liquidated side by cascadeSigmas × share / maxFractionPerBar one-bar sigmas (a cascade, bounded). Open interest and liquidations are notional in the quote
 * currency at the bar's close; volume is in units of the asset and includes the liquidated contracts.
 */
export class CryptoVenues {
  readonly specs: InstrumentSpec[] = [];
  private readonly slots: number[] = [];
  private readonly assets: number;
  private readonly venues: number;
  /** Basis of each (asset, venue) at the previous and at this bar's close; index asset × venues + venue. */
  private readonly basisPrev: Float64Array;
  private readonly basisNext: Float64Array;
  private readonly contracts: Float64Array;
  private readonly usualContracts: Float64Array;
  private readonly momentum: Float64Array;
  private readonly fundingScale: number;

  constructor(
    private readonly settings: MarketSettings,
    private readonly driven: DrivenAssets,
    private readonly book: BarBook,
    private readonly random: Gaussian,
    private readonly volumeRandom: Gaussian,
    barIntervalMs: number,
  ) {
    const { assets, venues } = settings.crypto;
    this.assets = assets.length;
    this.venues = venues.length;
    const n = this.assets * this.venues;
    this.basisPrev = new Float64Array(n);
    this.basisNext = new Float64Array(n);
    this.contracts = new Float64Array(n);
    this.usualContracts = new Float64Array(n);
    this.momentum = new Float64Array(this.assets);
    this.fundingScale = barIntervalMs / EIGHT_HOURS_MS;
    assets.forEach((asset, a) => {
      venues.forEach((venue, v) => {
        this.slots.push(book.add(asset.tickSize, asset.initialPrice));
        this.contracts[a * this.venues + v] = this.usualContracts[a * this.venues + v] = asset.openInterest;
        this.specs.push({
          id: `${asset.symbol}@${venue.name}`,
          symbol: asset.symbol,
          venue: venue.name,
          assetClass: 'crypto',
          lotSize: asset.lotSize,
          tickSize: asset.tickSize,
          makerFee: venue.makerFee,
          takerFee: venue.takerFee,
          perpetual: true,
        });
      });
    });
  }

  /** Draws each venue's basis at this bar's close and opens the bars. Crypto assets are driven 0…n−1. */
  beginBar(): void {
    const { reversionPerBar, sigmaPerBar, spikeProbabilityPerBar, spikeSize } = this.settings.crypto.basis;
    for (let a = 0; a < this.assets; a++) {
      for (let v = 0; v < this.venues; v++) {
        const k = a * this.venues + v;
        this.book.begin(this.slots[k]!);
        if (v === 0) continue;
        let basis = (1 - reversionPerBar) * this.basisPrev[k]! + sigmaPerBar * this.random.next();
        if (this.random.uniform() < spikeProbabilityPerBar) {
          const sign = this.random.uniform() < 0.5 ? -1 : 1;
          basis += sign * spikeSize * (1 + 0.5 * Math.abs(this.random.next()));
        }
        this.basisNext[k] = basis;
      }
    }
  }

  subStep(s: number): void {
    const along = (s + 1) / this.settings.stepsPerBar;
    for (let a = 0; a < this.assets; a++) {
      const logPrice = this.driven.x[a]!;
      for (let v = 0; v < this.venues; v++) {
        const k = a * this.venues + v;
        const prev = this.basisPrev[k]!;
        const basis = prev + (this.basisNext[k]! - prev) * along;
        this.book.observe(this.slots[k]!, Math.exp(logPrice + basis));
      }
    }
  }

  /** Closes the bars, appends them to `bars` and sets the next bar's cascade drift. */
  endBar(time: number, regime: RegimeParams, bars: Bar[]): void {
    const { funding, liquidations: liq, openInterest: oi, assets } = this.settings.crypto;
    const { book, driven } = this;
    for (let a = 0; a < this.assets; a++) {
      const sigmas = driven.barReturn[a]! / driven.sigmaBar[a]!;
      this.momentum[a] =
        funding.momentumSmoothing * this.momentum[a]! + (1 - funding.momentumSmoothing) * sigmas;
      let meanBasis = 0;
      for (let v = 0; v < this.venues; v++) meanBasis += this.basisNext[a * this.venues + v]!;
      meanBasis /= this.venues;
      const longPressure = Math.max(0, -sigmas - liq.thresholdSigmas);
      const shortPressure = Math.max(0, sigmas - liq.thresholdSigmas);
      const activity = driven.conditionalSigma[a]! / driven.sigmaBar[a]!;
      const baseVolume = assets[a]!.baseVolume * activity * (0.6 + 0.4 * Math.abs(sigmas));
      let imbalance = 0;
      let totalInterest = 0;
      for (let v = 0; v < this.venues; v++) {
        const k = a * this.venues + v;
        const slot = this.slots[k]!;
        const basis = this.basisNext[k]!;
        book.finish(slot, Math.exp(driven.x[a]! + basis), book.tickOf(slot), Infinity);
        const close = book.close[slot]!;
        const crowding = this.contracts[k]! / this.usualContracts[k]!;
        const scale = regime.liquidationMultiplier * crowding;
        const longShare = Math.min(
          liq.maxFractionPerBar,
          (liq.baseFractionPerBar + liq.burstFractionPerSigma * longPressure) *
            scale *
            (0.5 + this.random.uniform()),
        );
        const shortShare = Math.min(
          liq.maxFractionPerBar,
          (liq.baseFractionPerBar + liq.burstFractionPerSigma * shortPressure) *
            scale *
            (0.5 + this.random.uniform()),
        );
        const interest = this.contracts[k]! * close;
        const longNotional = longShare * interest;
        const shortNotional = shortShare * interest;
        imbalance += longNotional - shortNotional;
        totalInterest += interest;
        const remaining = this.contracts[k]! * Math.max(0, 1 - longShare - shortShare);
        const logContracts =
          Math.log(Math.max(remaining, 1e-9)) +
          oi.reversionPerBar * Math.log(this.usualContracts[k]! / Math.max(remaining, 1e-9)) +
          oi.sigmaPerBar * this.random.next();
        this.contracts[k] = Math.exp(logContracts);
        let rate =
          funding.baseRatePer8h +
          funding.momentumWeightPer8h * this.momentum[a]! +
          funding.basisWeight * (basis - meanBasis);
        rate =
          rate > funding.capPer8h ? funding.capPer8h : rate < -funding.capPer8h ? -funding.capPer8h : rate;
        const volume =
          baseVolume * (0.5 + this.volumeRandom.uniform()) + (longNotional + shortNotional) / close;
        bars.push({
          instrument: this.specs[k]!.id,
          time,
          open: book.open[slot]!,
          high: book.high[slot]!,
          low: book.low[slot]!,
          close,
          volume,
          fundingRate: rate * this.fundingScale,
          liquidations: { longNotional, shortNotional },
          openInterest: this.contracts[k]! * close,
        });
        this.basisPrev[k] = basis;
      }
      // A full-size liquidation bar (maxFractionPerBar of OI, all one side) pushes the next bar by
      // cascadeSigmas: bounded, so the feedback through the next bar's liquidations stays stable.
      const share = totalInterest > 0 ? imbalance / totalInterest : 0;
      driven.cascade[a] = (-liq.cascadeSigmas * driven.sigmaBar[a]! * share) / liq.maxFractionPerBar;
    }
  }
}
