import type { Bar, InstrumentSpec, MarketSlice } from '../../../src-shared/domain/market';
import type { MarketSettings, Regime } from '../../../src-shared/settings/sections/market';
import type { MarketFeed } from '../../engine/ports';
import { BarBook } from './bar-book';
import { CryptoVenues } from './crypto-venues';
import { AssetGroup, DrivenAssets, type DrivenAssetSpec } from './driven-assets';
import { EquityComplex } from './equity-complex';
import { Gaussian } from './gaussian';
import { PredictionBook } from './prediction-book';
import { RegimePath } from './regime-path';
import { STREAM, streamRng } from './rng-streams';

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/**
 * The built-in synthetic market (the default feed for paper trading and demos): a seeded, deterministic
 * MarketFeed. Same settings and seed → the same slices, number for number.
 *
 * Universe (defaults): two perpetual crypto assets on two venues each (basis, funding, open interest,
 * liquidations), an equity index over five sectors, a cointegrated pair of equities, a volatility index
 * derived from the index's realised volatility, and four prediction-market series (politics, sports,
 * crypto, weather). Markets trade around the clock (no sessions).
 *
 * Each call to `next()` returns one slice: bar k (k = 1, 2, …) of every live instrument, all with
 * time = startTime + k × barIntervalSeconds × 1000, in a fixed order (crypto by asset then venue, index,
 * sectors, pair, volatility index, prediction contracts by series). Each bar opens at its instrument's
 * previous close. A prediction contract's last bar is its settlement bar; a relisted series' next contract
 * first appears on the following slice, and its spec is appended to `instruments` when it lists (so
 * `instruments` grows in a long run and keeps settled contracts). After `maxBars` slices, `next()` returns
 * null. Pacing (real time × speed, or as fast as possible) is the caller's: the feed only computes.
 * The settings must come from MarketSettingsSchema (createSyntheticMarket parses them).
 */
export class SyntheticMarket implements MarketFeed {
  /** Its markets have no sessions: every instrument trades around the clock. */
  readonly aroundTheClock = true;
  private listed: readonly InstrumentSpec[] = [];
  private readonly regimes: RegimePath;
  private readonly driven: DrivenAssets;
  private readonly crypto: CryptoVenues;
  private readonly equities: EquityComplex;
  private readonly predictions: PredictionBook;
  private readonly intervalMs: number;
  private produced = 0;

  constructor(private readonly settings: MarketSettings) {
    this.intervalMs = settings.barIntervalSeconds * 1000;
    const barYears = this.intervalMs / YEAR_MS;
    const { seed } = settings;
    this.regimes = new RegimePath(settings, streamRng(seed, STREAM.regime));
    const prices = new Gaussian(streamRng(seed, STREAM.prices));
    const cryptoRandom = new Gaussian(streamRng(seed, STREAM.crypto));
    const volume = new Gaussian(streamRng(seed, STREAM.volume));

    const { crypto, equities } = settings;
    const crashMultiplier = settings.scenarios.crash.cryptoMultiplier;
    const specs: DrivenAssetSpec[] = [
      ...crypto.assets.map((a) => ({ ...a, group: AssetGroup.Crypto, rotates: false, crashMultiplier })),
      ...equities.sectors.map((s) => ({ ...s, group: AssetGroup.Equity, rotates: true, crashMultiplier: 1 })),
      { ...equities.pair.legA, group: AssetGroup.Equity, rotates: false, crashMultiplier: 1 },
    ];
    this.driven = new DrivenAssets(specs, settings, prices, barYears);
    const slots =
      crypto.assets.length * crypto.venues.length +
      equities.sectors.length +
      5 +
      settings.prediction.series.length;
    const book = new BarBook(slots);
    this.crypto = new CryptoVenues(settings, this.driven, book, cryptoRandom, volume, this.intervalMs);
    const firstRegime = settings.regimes[this.regimes.regime];
    this.equities = new EquityComplex(
      settings,
      this.driven,
      crypto.assets.length,
      book,
      prices,
      volume,
      barYears,
      firstRegime,
    );
    this.listed = [...this.crypto.specs, ...this.equities.specs];
    this.predictions = new PredictionBook(
      settings,
      book,
      new Gaussian(streamRng(seed, STREAM.prediction)),
      this.intervalMs,
      (spec) => {
        this.listed = [...this.listed, spec];
      },
    );
  }

  /** Every instrument listed so far (settled prediction contracts included). */
  get instruments(): readonly InstrumentSpec[] {
    return this.listed;
  }

  /** Regime of the last bar produced (of the first bar before any). */
  get regime(): Regime {
    return this.regimes.regime;
  }

  /** Number of slices produced so far. */
  get barsProduced(): number {
    return this.produced;
  }

  next(): MarketSlice | null {
    const { maxBars, stepsPerBar } = this.settings;
    if (maxBars !== undefined && this.produced >= maxBars) return null;
    const bar = this.produced;
    this.produced += 1;
    const time = this.settings.startTime + this.produced * this.intervalMs;
    this.regimes.advance();
    const regime = this.settings.regimes[this.regimes.regime];
    this.driven.beginBar(this.regimes);
    this.crypto.beginBar();
    this.equities.beginBar();
    this.predictions.beginBar(bar);
    for (let s = 0; s < stepsPerBar; s++) {
      this.driven.subStep(s);
      this.crypto.subStep(s);
      this.equities.subStep(s);
      this.predictions.subStep();
    }
    this.driven.endBar();
    const bars: Bar[] = [];
    this.crypto.endBar(time, regime, bars);
    this.equities.endBar(time, regime, bars);
    this.predictions.endBar(bar, time, bars);
    return { time, bars };
  }
}
