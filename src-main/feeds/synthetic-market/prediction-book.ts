import type { Bar, InstrumentSpec } from '../../../src-shared/domain/market';
import type { MarketSettings } from '../../../src-shared/settings/sections/market';
import type { BarBook } from './bar-book';
import type { Gaussian } from './gaussian';

type Series = MarketSettings['prediction']['series'][number];

interface Contract {
  spec: InstrumentSpec;
  series: Series;
  slot: number;
  /** Bar index of the contract's first and of its settlement bar. */
  listBar: number;
  settleBar: number;
  outcome: 0 | 1;
  /** Log-odds of the fair probability given the evidence so far. */
  logit: number;
  /** H(D) = 1 + 1/2 + … + 1/D for the information schedule. */
  harmonic: number;
  /** This bar's log-odds drift and noise per sub-step, and the extremes of its path. */
  stepDrift: number;
  stepSd: number;
  highLogit: number;
  lowLogit: number;
}

/**
 * Binary prediction contracts. Each series keeps one live contract. At listing, a probability p0 ~ U(0.1,
 * 0.9) is drawn and the outcome Y ~ Bernoulli(p0). The fair price is the posterior P(Y = 1 | evidence):
 * evidence arrives as a Brownian signal of drift θ²·(Y − ½) per unit of information, so the log-odds move by
 * (Y − ½)·dI + √dI·N (a Bayesian posterior; a martingale, hence calibrated). The information of a bar with
 * R bars left is information / (H(D)·(R + 1)): little early, most near resolution, the total reaching
 * `information` at settlement. The quoted price compresses the log-odds by (1 − miscalibration) (a
 * favourite–long-shot bias). A bar's high and low are the quotes at the extremes of the sub-step path
 * plus and minus up to halfSpread, its close the last quote ± up to halfSpread; all within [tick, 1 − tick].
 * The settlement bar closes at exactly Y with `settlement: Y`, its time equal to the spec's resolutionTime;
 * the contract never appears again. With `relist`, the series' next contract lists and has its first bar
 * on the following bar (its spec is added to the feed's instruments when it lists).
 */
export class PredictionBook {
  private readonly live: (Contract | null)[] = [];
  private readonly generation: number[] = [];
  private readonly floor: number;
  private readonly ceiling: number;

  constructor(
    private readonly settings: MarketSettings,
    private readonly book: BarBook,
    private readonly random: Gaussian,
    private readonly barIntervalMs: number,
    private readonly onListing: (spec: InstrumentSpec) => void,
  ) {
    const { tickSize } = settings.prediction;
    // The highest price below 1 on the tick grid, computed as the bar book rounds it.
    const inverse = Math.round(1 / tickSize);
    const whole = Math.abs(1 / tickSize - inverse) < 1e-9;
    this.floor = whole ? 1 / inverse : tickSize;
    this.ceiling = whole ? (inverse - 1) / inverse : 1 - tickSize;
    settings.prediction.series.forEach((series, s) => {
      this.generation.push(0);
      const slot = book.add(tickSize, 0.5);
      this.live.push(this.list(series, s, slot, 0));
    });
  }

  private list(series: Series, index: number, slot: number, listBar: number): Contract {
    const { random } = this;
    const { prediction, startTime } = this.settings;
    const generation = ++this.generation[index]!;
    const p0 = 0.1 + 0.8 * random.uniform();
    const outcome: 0 | 1 = random.uniform() < p0 ? 1 : 0;
    const logit = Math.log(p0 / (1 - p0));
    const settleBar = listBar + series.durationBars - 1;
    const id = `${series.prefix}-${String(generation).padStart(3, '0')}`;
    const spec: InstrumentSpec = {
      id,
      symbol: id,
      venue: prediction.venue,
      assetClass: 'prediction',
      lotSize: 1,
      tickSize: prediction.tickSize,
      makerFee: prediction.fees.maker,
      takerFee: prediction.fees.taker,
      prediction: {
        domain: series.domain,
        resolutionTime: startTime + (settleBar + 1) * this.barIntervalMs,
        question: `${series.question} (#${generation})`,
      },
    };
    let harmonic = 0;
    for (let k = 1; k <= series.durationBars; k++) harmonic += 1 / k;
    this.book.reset(slot, prediction.tickSize, this.quote(logit, series));
    this.onListing(spec);
    return {
      spec,
      series,
      slot,
      listBar,
      settleBar,
      outcome,
      logit,
      harmonic,
      stepDrift: 0,
      stepSd: 0,
      highLogit: logit,
      lowLogit: logit,
    };
  }

  private quote(logit: number, series: Series): number {
    return 1 / (1 + Math.exp(-(1 - series.miscalibration) * logit));
  }

  /** Opens the bars and sets each contract's information for this bar (bar counts from 0). */
  beginBar(bar: number): void {
    const steps = this.settings.stepsPerBar;
    for (const c of this.live) {
      if (!c) continue;
      this.book.begin(c.slot);
      const info = c.series.information / (c.harmonic * (c.settleBar - bar + 1) * steps);
      c.stepDrift = (c.outcome - 0.5) * info;
      c.stepSd = Math.sqrt(info);
      c.highLogit = -Infinity;
      c.lowLogit = Infinity;
    }
  }

  /** Moves each contract's log-odds by one sub-step; the extremes give the bar's high and low. */
  subStep(): void {
    const { random } = this;
    for (const c of this.live) {
      if (!c) continue;
      const logit = c.logit + c.stepDrift + c.stepSd * random.next();
      c.logit = logit;
      if (logit > c.highLogit) c.highLogit = logit;
      if (logit < c.lowLogit) c.lowLogit = logit;
    }
  }

  /** Closes the bars (settling the contracts due), lists successors, and appends the bars to `bars`. */
  endBar(bar: number, time: number, bars: Bar[]): void {
    const { book, random, floor, ceiling } = this;
    const { baseVolume, halfSpread } = this.settings.prediction;
    for (let index = 0; index < this.live.length; index++) {
      const c = this.live[index];
      if (!c) continue;
      const slot = c.slot;
      // Trades print up to halfSpread either side of the quote; the extremes of the path, one spread out.
      book.observe(
        slot,
        clamp(this.quote(c.highLogit, c.series) + halfSpread * random.uniform(), floor, ceiling),
      );
      book.observe(
        slot,
        clamp(this.quote(c.lowLogit, c.series) - halfSpread * random.uniform(), floor, ceiling),
      );
      const settles = bar === c.settleBar;
      if (settles) book.finishAt(slot, c.outcome, floor, ceiling);
      else
        book.finish(
          slot,
          this.quote(c.logit, c.series) + halfSpread * (2 * random.uniform() - 1),
          floor,
          ceiling,
        );
      const open = book.open[slot]!;
      const close = book.close[slot]!;
      const volume = baseVolume * (0.5 + random.uniform()) * (1 + 20 * Math.abs(close - open));
      const high = book.high[slot]!;
      const low = book.low[slot]!;
      if (!settles) {
        bars.push({ instrument: c.spec.id, time, open, high, low, close, volume });
        continue;
      }
      bars.push({ instrument: c.spec.id, time, open, high, low, close, volume, settlement: c.outcome });
      this.live[index] = c.series.relist ? this.list(c.series, index, slot, bar + 1) : null;
    }
  }
}

function clamp(value: number, floor: number, ceiling: number): number {
  return value < floor ? floor : value > ceiling ? ceiling : value;
}
