import type { InstrumentSpec, MarketSlice } from '../../src-shared/domain/market';
import type { MarketFeed } from '../../src-main/engine/ports';
import { Rng } from '../../src-main/engine/rng';

export interface SyntheticFeedOptions {
  seed: number;
  instrument: string;
  startTime: number;
  barIntervalMs: number;
  initialPrice: number;
  annualDrift: number;
  annualVolatility: number;
  /** Stop after this many bars; unbounded when absent. */
  maxBars?: number;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
/** Sub-steps per bar: the path inside a bar gives its high and low. */
const STEPS_PER_BAR = 8;

/**
 * A seeded single-instrument market: geometric Brownian motion sampled in sub-steps, so each bar's high
 * and low come from the path. Same seed, same bars. The multi-venue synthetic market replaces it behind the
 * same MarketFeed port.
 */
export class SyntheticFeed implements MarketFeed {
  readonly instruments: readonly InstrumentSpec[];
  private readonly rng: Rng;
  private price: number;
  private time: number;
  private produced = 0;

  constructor(private readonly options: SyntheticFeedOptions) {
    this.rng = new Rng(options.seed);
    this.price = options.initialPrice;
    this.time = options.startTime;
    this.instruments = [
      {
        id: options.instrument,
        symbol: options.instrument,
        venue: 'synthetic',
        assetClass: 'crypto',
        lotSize: 1,
        tickSize: 0.01,
        makerFee: 0.0002,
        takerFee: 0.001,
      },
    ];
  }

  next(): MarketSlice | null {
    const { maxBars, barIntervalMs, annualDrift, annualVolatility } = this.options;
    if (maxBars !== undefined && this.produced >= maxBars) return null;
    const dt = barIntervalMs / STEPS_PER_BAR / YEAR_MS;
    const drift = (annualDrift - 0.5 * annualVolatility * annualVolatility) * dt;
    const shock = annualVolatility * Math.sqrt(dt);
    const open = this.price;
    let high = open;
    let low = open;
    let price = open;
    for (let step = 0; step < STEPS_PER_BAR; step++) {
      price *= Math.exp(drift + shock * this.rng.normal());
      if (price > high) high = price;
      if (price < low) low = price;
    }
    this.price = price;
    this.time += barIntervalMs;
    this.produced += 1;
    const volume = Math.round(1000 * (0.5 + this.rng.next()));
    return {
      time: this.time,
      bars: [{ instrument: this.options.instrument, time: this.time, open, high, low, close: price, volume }],
    };
  }
}

/** The engine tests' market: `SYN`, one-minute bars from time 0 at 100, no drift, 80 % volatility. */
export function minuteFeed(seed: number, maxBars: number): SyntheticFeed {
  return new SyntheticFeed({
    seed,
    instrument: 'SYN',
    startTime: 0,
    barIntervalMs: 60_000,
    initialPrice: 100,
    annualDrift: 0,
    annualVolatility: 0.8,
    maxBars,
  });
}
