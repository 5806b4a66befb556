import type { AssetClass, Bar, InstrumentId, InstrumentSpec } from '../../../src-shared/domain/market';
import type { Signal, SignalAction } from '../../../src-shared/domain/strategy';
import type { MarketSnapshot, StrategyDecision } from '../ports';
import type { StrategyLogic } from './definition';
import { DecisionMemo } from './decision-memo';
import { TradedStates } from './traded-states';
import { formatFixed } from './format-fixed';

// Building blocks shared by the base-b strategies: the per-instrument state of a single-instrument strategy,
// the position a strategy currently advocates, and the abstain reason of a step without signals.

/** What a single-instrument strategy keeps per instrument: fed every bar, giving its view once warm. */
export interface InstrumentState {
  /** Feeds one bar of the instrument (in time order); returns its view once warmed up, else null. */
  update(bar: Bar): Signal | null;
  /** Bars fed so far, and how many the state needs before it has a view (for the warming-up reason). */
  readonly seen: number;
  readonly warmUp: number;
}

/**
 * The position a strategy advocates on one instrument: long (`buy`), short (`sell`) or none (`hold`,
 * confidence 0). The signal is built when the view changes, so a standing view costs no allocation per
 * bar: every step returns the same Signal object (read-only by contract, see standingSignal).
 */
export class PositionView {
  /** Bar count (the state's own) at which the view was taken. */
  since = 0;
  /** +1 long, −1 short, 0 none: kept beside the signal so the per-bar checks compare numbers. */
  private side: 1 | -1 | 0 = 0;
  private current: Signal;

  constructor(
    private readonly instrument: InstrumentId,
    initialReason: string,
  ) {
    this.current = standingSignal(instrument, 'hold', 0, initialReason);
  }

  /** Takes a long (+1) or short (−1) view; the confidence is clamped to [0, 1]. */
  enter(direction: 1 | -1, confidence: number, reason: string, bar: number): void {
    this.current = standingSignal(
      this.instrument,
      direction === 1 ? 'buy' : 'sell',
      unit(confidence),
      reason,
    );
    this.side = direction;
    this.since = bar;
  }

  /** Drops the view: no position. */
  flat(reason: string, bar: number): void {
    this.current = standingSignal(this.instrument, 'hold', 0, reason);
    this.side = 0;
    this.since = bar;
  }

  /** +1 long, −1 short, 0 none. */
  get direction(): 1 | -1 | 0 {
    return this.side;
  }

  /** The current view as a signal (the same object until the view changes). */
  get signal(): Signal {
    return this.current;
  }
}

/**
 * A signal to hand out on every bar its view stands (the same object each time). It is not frozen:
 * decisions are read-only for everyone who receives them (ports.ts), which
 * tests/engine/strategies/read-only-signals.test.ts holds the pipeline to; freezing cost time on every new
 * signal and gave these signals a map of their own beside the other strategies' plain ones.
 */
export function standingSignal(
  instrument: InstrumentId,
  action: SignalAction,
  confidence: number,
  reason: string,
): Signal {
  return { instrument, action, confidence, reason };
}

/**
 * A single-instrument strategy run on every instrument of the traded asset classes: one state per
 * instrument, created on its first bar (the instrument's spec is looked up once and the answer cached; an
 * instrument whose spec is not known yet is looked up again on its next bar). Each step feeds every bar of
 * a traded instrument to its state (O(1) per bar) and returns its view once warmed up; a step where no
 * traded instrument is warm abstains, naming the reason.
 */
export class PerInstrumentRunner implements StrategyLogic {
  private readonly states: TradedStates<InstrumentState>;
  private readonly decisions = new DecisionMemo();
  private readonly noInstrument: string;
  /**
   * The states' `update` when they all share one (they are one class): called through it, not looked up
   * on the states of every base-b strategy (a megamorphic lookup per bar). Null until a state exists, or
   * when two states differ.
   */
  private update: InstrumentState['update'] | null = null;
  private uniform = true;

  constructor(assetClasses: readonly AssetClass[], create: (spec: InstrumentSpec) => InstrumentState) {
    this.states = new TradedStates(new Set(assetClasses), (spec) => {
      const state = create(spec);
      this.noteUpdate(state.update);
      return state;
    });
    this.noInstrument = `no bar of a traded asset class (${assetClasses.join(', ')}) in this step`;
  }

  evaluate(snapshot: MarketSnapshot): StrategyDecision {
    const decisions = this.decisions;
    decisions.begin();
    let warming: InstrumentState | null = null;
    let warmingId = '';
    const bars = snapshot.slice.bars;
    for (let i = 0; i < bars.length; i++) {
      const bar = bars[i]!;
      const state = this.states.of(i, bar.instrument, snapshot.instruments);
      if (state === null) continue;
      // One call per bar, returning the signal (through the shared `update` when there is one).
      const update = this.update;
      const signal = update !== null ? update.call(state, bar) : state.update(bar);
      if (signal !== null) decisions.add(signal);
      else if (warming === null) {
        warming = state;
        warmingId = bar.instrument;
      }
    }
    if (decisions.size > 0) return decisions.end('');
    const reason =
      warming === null
        ? this.noInstrument
        : `warming up: ${warmingId} ${warming.seen}/${warming.warmUp} bars`;
    return decisions.end(reason);
  }

  /** Keeps the states' shared `update`, or gives it up when a state brings another one. */
  private noteUpdate(update: InstrumentState['update']): void {
    if (!this.uniform) return;
    if (this.update === null) this.update = update;
    else if (this.update !== update) {
      this.uniform = false;
      this.update = null;
    }
  }
}

/** A number with a fixed count of decimals, for reasons: exactly `value.toFixed(decimals)`. */
export function fmt(value: number, decimals = 2): string {
  return formatFixed(value, decimals);
}

/** Clamps to [0, 1]; NaN gives 0. */
export function unit(value: number): number {
  return !(value > 0) ? 0 : value >= 1 ? 1 : value;
}
