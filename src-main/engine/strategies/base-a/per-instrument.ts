import type { AssetClass, Bar, InstrumentSpec } from '../../../../src-shared/domain/market';
import type { Signal, SignalAction } from '../../../../src-shared/domain/strategy';
import type { MarketSnapshot, StrategyDecision } from '../../ports';
import type { StrategyLogic } from '../definition';
import { DecisionMemo } from '../decision-memo';
import { SlotMemo } from '../../slot-memo';
import { TradedStates } from '../traded-states';

/** What a rule says about one instrument on one bar: a signal, or why it has none (e.g. still warming up). */
export type Verdict = Signal | string;

/**
 * The frame of a strategy that judges every instrument on its own. An instrument is traded when its asset
 * class is one of `assetClasses`; its state is created on its first bar and the lookup is cached (an
 * instrument without details in the snapshot is skipped and looked up again on its next bar, since it may
 * be listed later). Each bar of a traded instrument goes to `step`, in slice order.
 *
 * The decision holds the signals of this step; with none, the strategy abstains with the first reason a
 * traded instrument gave (e.g. `TECH: warming up: 3/20 bars`) or, when no traded instrument had a bar,
 * says so. Subclasses make their signals with `this.signal`, which hands out the instrument's previous
 * Signal object when nothing in it changed: an unchanged view allocates nothing and reuses its decision
 * (see DecisionMemo).
 */
export abstract class PerInstrumentLogic<State> implements StrategyLogic {
  private readonly frame: FrameMemory<State>;

  constructor(assetClasses: readonly AssetClass[]) {
    // `step` is read here, before a subclass's own fields exist: it must be a method, not a field.
    const step: unknown = this.step;
    if (typeof step !== 'function')
      throw new TypeError(`${new.target.name}: step must be a method of the class, not a field`);
    this.frame = new FrameMemory(
      new TradedStates(new Set(assetClasses), (spec) => this.createState(spec)),
      `no bar of an instrument in its asset classes (${assetClasses.join(', ')}) at this step`,
      // The subclass's step, read once: looked up on `this` in this shared code, it would be a
      // megamorphic property lookup per bar.
      this.step,
    );
  }

  /** The state of a newly seen instrument of a traded asset class. */
  protected abstract createState(spec: InstrumentSpec): State;

  /** Feeds the instrument's new bar to its state and returns the verdict for it. */
  protected abstract step(state: State, bar: Bar, snapshot: MarketSnapshot): Verdict;

  evaluate(snapshot: MarketSnapshot): StrategyDecision {
    const frame = this.frame;
    const decisions = frame.decisions;
    decisions.begin();
    let reason: string | null = null;
    const bars = snapshot.slice.bars;
    for (let i = 0; i < bars.length; i++) {
      const bar = bars[i]!;
      const state = frame.states.of(i, bar.instrument, snapshot.instruments);
      if (state === null) continue;
      frame.position = i;
      const verdict = frame.step.call(this, state, bar, snapshot);
      if (typeof verdict === 'string') reason ??= `${bar.instrument}: ${verdict}`;
      else decisions.add(verdict);
    }
    return decisions.end(reason ?? frame.idle);
  }

  /**
   * The signal (see `signal` below) for the bar being judged: the same object as this instrument's previous
   * one when action, confidence and reason are unchanged, else a new one.
   */
  protected signal(instrument: string, action: SignalAction, confidence: number, reason: string): Signal {
    const clamped = action === 'hold' ? 0 : unit(confidence);
    const frame = this.frame;
    const previous = frame.previousSignals.at(frame.position, instrument);
    if (
      previous !== undefined &&
      previous.action === action &&
      previous.confidence === clamped &&
      previous.reason === reason
    ) {
      return previous;
    }
    const made = signal(instrument, action, confidence, reason);
    frame.previousSignals.remember(frame.position, instrument, made);
    return made;
  }
}

/**
 * What the frame keeps, in one object of one class: the subclasses are six hidden classes, so fields read
 * on `this` in the shared frame code would be megamorphic lookups; read here they are direct loads.
 */
class FrameMemory<State> {
  /** The signal last given at each position of the slice. */
  readonly previousSignals = new SlotMemo<Signal>();
  readonly decisions = new DecisionMemo();
  /** The position in the slice of the bar being judged (for `signal`). */
  position = 0;

  constructor(
    readonly states: TradedStates<State>,
    /** The abstain reason of a step without a bar of a traded instrument. */
    readonly idle: string,
    /** The strategy's `step`. */
    readonly step: (state: State, bar: Bar, snapshot: MarketSnapshot) => Verdict,
  ) {}
}

/** A signal; `hold` always carries confidence 0 (a view of no position). */
export function signal(instrument: string, action: SignalAction, confidence: number, reason: string): Signal {
  return { instrument, action, confidence: action === 'hold' ? 0 : unit(confidence), reason };
}

/** x clamped to [0, 1]; NaN gives 0. */
export function unit(x: number): number {
  return x > 0 ? (x < 1 ? x : 1) : 0;
}

/** The warm-up reason shared by the strategies: `warming up: seen/needed bars`. */
export function warmingUp(seen: number, needed: number): string {
  return `warming up: ${seen}/${needed} bars`;
}
