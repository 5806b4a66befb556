import type { z } from 'zod';
import type { Bar, InstrumentId } from '../../../src-shared/domain/market';
import type { Signal } from '../../../src-shared/domain/strategy';
import { ElliottWaveParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-b';
import type { SwingPoints } from '../indicators';
import type { StrategyDefinition } from './definition';
import { fmt, PerInstrumentRunner, PositionView, type InstrumentState } from './base-b-support';
import { impulseEndingAtLatest, wave2EndingAtLatest } from './elliott-count';
import { Zigzag } from './elliott-zigzag';
import { SharedIndicators, type OncePerBar } from './shared-indicators';

type Params = z.output<typeof ElliottWaveParamsSchema>;

const NO_TRADE = 0;
const CORRECTION = 1;
const CONTINUATION = 2;

/**
 * A simplified, explicit Elliott-wave count on one instrument. Swing highs and lows are confirmed fractal
 * pivots (`swingLeft`/`swingRight`), reduced to an alternating zigzag (elliott-zigzag.ts); the count is
 * re-examined whenever the zigzag changes (elliott-count.ts states the rules).
 * - Correction trade (`trade` both or correction): when the latest six pivots form a five-wave impulse that
 *   satisfies the three hard rules (wave 2 stays above wave 1's start, wave 3 is not the shortest, wave 4
 *   stays out of wave 1's territory) and wave 5 passes wave 3's end, trade the expected correction against
 *   it: sell after an upward impulse, buy after a downward one. Target: the end of wave 4 (a close at or
 *   beyond it → hold); invalidation: a close beyond the end of wave 5. Confidence: the impulse's.
 * - Continuation trade (`trade` both or continuation): when the latest three pivots are a wave 1 and a
 *   wave 2 retracing at least `wave2MinRetracement` of it but not beyond its start, trade wave 3 in wave
 *   1's direction. Invalidation: a close beyond the start of wave 1; it ends (hold) when the zigzag changes
 *   (wave 3's end is confirmed, or wave 2 extends; a still valid wave 2 is traded again). Confidence:
 *   1 − retracement.
 * - Any trade ends after `maxHoldBars` bars. A new count replaces the current trade.
 * Holds (no view) when no count applies; warms up for swingLeft + swingRight + 1 bars.
 */
class ElliottState implements InstrumentState {
  readonly warmUp: number;
  readonly view: PositionView;
  seen = 0;
  /** Shared with fibonacci when its swing parameters are equal; only the pivots a bar confirmed are read. */
  private readonly swings: OncePerBar<SwingPoints>;
  private readonly zigzag = new Zigzag();
  private trade = NO_TRADE;
  /** A close beyond this (against the position) ends the trade; a close at or beyond `target` too. */
  private stop = NaN;
  private target = NaN;

  constructor(
    instrument: InstrumentId,
    private readonly params: Params,
    shared: SharedIndicators,
  ) {
    this.view = new PositionView(instrument, 'no wave count yet');
    this.swings = shared.swings(instrument, params.swingLeft, params.swingRight);
    this.warmUp = this.swings.indicator.warmUp;
  }

  /** Feeds a bar; returns the view once warmed up, else null. */
  update(bar: Bar): Signal | null {
    this.advance(bar);
    return this.seen >= this.warmUp ? this.view.signal : null;
  }

  private advance(bar: Bar): void {
    const confirmed = this.swings.update(bar);
    this.seen += 1;
    const now = this.seen - 1;
    const swings = this.swings.indicator;
    for (let k = confirmed - 1; k >= 0; k--) {
      if (this.zigzag.push(swings.isHighAt(k), swings.priceAt(k))) this.recount(now);
    }
    this.checkExits(bar.close, now);
  }

  private recount(now: number): void {
    const { params, view } = this;
    if (this.trade === CONTINUATION) {
      const latest = this.zigzag.price(0);
      const waveThreeEnded = this.zigzag.isHigh(0) === (view.direction === 1);
      view.flat(waveThreeEnded ? `wave 3 ended at ${fmt(latest)}` : `wave 2 extended to ${fmt(latest)}`, now);
      this.trade = NO_TRADE;
    }
    if (params.trade !== 'continuation') {
      const impulse = impulseEndingAtLatest(this.zigzag);
      if (impulse) {
        const [p0, , , , p4, p5] = impulse.points;
        const [w1, , w3, , w5] = impulse.waves;
        this.enter(
          CORRECTION,
          impulse.direction === 1 ? -1 : 1,
          impulse.confidence,
          p5,
          p4,
          `${impulse.direction === 1 ? 'upward' : 'downward'} five-wave impulse ${fmt(p0)} → ${fmt(p5)} ` +
            `(waves 1/3/5: ${fmt(w1)}/${fmt(w3)}/${fmt(w5)}): correction toward wave 4's end ${fmt(p4)}`,
          now,
        );
        return;
      }
    }
    if (params.trade !== 'correction') {
      const wave2 = wave2EndingAtLatest(this.zigzag, params.wave2MinRetracement);
      if (wave2) {
        const [p0, p1, p2] = wave2.points;
        this.enter(
          CONTINUATION,
          wave2.direction,
          wave2.confidence,
          p0,
          NaN,
          `wave 2 ${fmt(p1)} → ${fmt(p2)} retraced ${fmt(wave2.retracement * 100, 1)} % of wave 1 from ${fmt(p0)}: ` +
            `wave 3 ${wave2.direction === 1 ? 'up' : 'down'}`,
          now,
        );
      }
    }
  }

  private enter(
    trade: number,
    direction: 1 | -1,
    confidence: number,
    stop: number,
    target: number,
    reason: string,
    now: number,
  ): void {
    this.trade = trade;
    this.stop = stop;
    this.target = target;
    this.view.enter(direction, confidence, reason, now);
  }

  private checkExits(close: number, now: number): void {
    const direction = this.view.direction;
    if (direction === 0) return;
    const { view, stop, target } = this;
    if (direction === 1 ? close < stop : close > stop) {
      view.flat(`count invalidated: close ${fmt(close)} beyond ${fmt(stop)}`, now);
    } else if (direction === 1 ? close >= target : close <= target) {
      view.flat(`correction target ${fmt(target)} reached`, now);
    } else if (now - view.since >= this.params.maxHoldBars) {
      view.flat(`wave trade held ${this.params.maxHoldBars} bars`, now);
    } else {
      return;
    }
    this.trade = NO_TRADE;
  }
}

/** Simplified Elliott counting on every traded instrument; the exact rule is on ElliottState above. */
export const elliottWave: StrategyDefinition<typeof ElliottWaveParamsSchema> = {
  id: 'elliott-wave',
  name: 'Elliott Wave',
  category: 'base',
  rule: 'On confirmed swing points, trade the correction after a five-wave impulse that obeys the three hard rules, or wave 3 after a valid wave-2 pullback.',
  needs: ['ohlcv'],
  params: ElliottWaveParamsSchema,
  create: (params, shared = new SharedIndicators()) =>
    new PerInstrumentRunner(params.assetClasses, (spec) => new ElliottState(spec.id, params, shared)),
};
