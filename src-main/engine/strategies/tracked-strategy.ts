import type { Signal } from '../../../src-shared/domain/strategy';
import type { MarketSnapshot, Strategy, StrategyDecision } from '../ports';
import type { StrategyDefinition, StrategyLogic } from './definition';
import type { SharedIndicators } from './shared-indicators';
import { ReturnWindow } from './return-window';
import { SignalHistory } from './signal-history';
import { SlotMemo } from '../slot-memo';

/** How many of its latest signals a strategy keeps for the UI. */
const HISTORY = 50;

/** The view a strategy holds on one instrument: direction (0 once dropped) and the close it is scored from. */
interface StandingView {
  direction: 1 | -1 | 0;
  close: number;
}

export interface StrategyStats {
  signals: number;
  /** Directional signals whose next bar moved their way, over those that were scored. */
  hitRate: number | null;
  /** Sum of the per-bar signal returns (a return per unit of signal, not money). */
  cumulativeReturn: number;
  /** Mean / standard deviation of the per-bar signal returns over the window (not annualised). */
  sharpe: number | null;
  errors: number;
  lastReturn: number;
}

/**
 * Wraps a strategy's logic with the tracking the spec's base strategy has built in: signal history, hit
 * rate, per-bar signal return (O(1) per bar) and its Sharpe over a rolling window (worked out when read).
 * An exception in the logic makes only this strategy abstain for that step (counted; the message is its
 * abstain reason).
 *
 * The signal return of a bar is the average, over the instruments the strategy was long or short on at the
 * previous slice, of direction × close-to-close return. A view stands until a hold drops it (a step that
 * says nothing about its instrument keeps it); one taken before the instrument's first price is scored
 * from the bar after that price. It measures signal quality, independent of sizing
 * and fills, and feeds adaptive allocation and the correlation manager.
 */
export class TrackedStrategy implements Strategy {
  readonly id: string;
  readonly name: string;
  private readonly logic: StrategyLogic;
  /** The logic's evaluate, read once (see onEvent). */
  private readonly evaluate: StrategyLogic['evaluate'];
  /** Views by instrument; a dropped view keeps its entry with direction 0 (`standing` counts the others). */
  private readonly views = new Map<string, StandingView>();
  private standing = 0;
  /** The views found for the slice's bars and for the step's signals, by position (see SlotMemo). */
  private readonly viewsByBar = new SlotMemo<StandingView | null>();
  private readonly viewsBySignal = new SlotMemo<StandingView | null>();
  private readonly history = new SignalHistory(HISTORY);
  /** The per-bar signal returns: the latest, and the window of the Sharpe. */
  private readonly returns: ReturnWindow;
  private hits = 0;
  private scored = 0;
  private signalCount = 0;
  private errorCount = 0;
  private cumulative = 0;
  /** The last decision, and whether applying its signals again would change no view (null: not known yet). */
  private lastDecision: StrategyDecision | null = null;
  private lastSettled: boolean | null = null;
  /**
   * Steps in a row that gave `lastDecision` whose signals are not yet in the history and `signalCount`:
   * a standing decision bumps this counter only, and they are recorded when another decision comes or the
   * history or stats are read (see `record`).
   */
  private unrecorded = 0;

  constructor(
    readonly definition: StrategyDefinition,
    params: unknown,
    sharpeWindow: number,
    shared?: SharedIndicators,
  ) {
    this.id = definition.id;
    this.name = definition.name;
    this.logic = definition.create(definition.params.parse(params), shared);
    this.evaluate = this.logic.evaluate;
    this.returns = new ReturnWindow(sharpeWindow);
  }

  onEvent(snapshot: MarketSnapshot): StrategyDecision {
    this.score(snapshot);
    let decision: StrategyDecision;
    try {
      // Called through the function read at construction: reading `evaluate` from 20 logic classes here
      // would be a megamorphic property lookup on every step.
      decision = this.evaluate.call(this.logic, snapshot);
    } catch (error) {
      this.errorCount += 1;
      this.record();
      this.lastDecision = null;
      return { signals: [], abstain: `error: ${error instanceof Error ? error.message : String(error)}` };
    }
    const signals = decision.signals;
    // A decision handed out again (a standing view) whose signals already set every view they name: the
    // views are as they would be after applying it again (`score` keeps their closes), so it is skipped.
    if (decision === this.lastDecision) {
      this.unrecorded += 1;
      this.lastSettled ??= this.settled(signals);
      if (this.lastSettled) return decision;
    } else {
      this.record();
      this.lastDecision = decision;
      this.unrecorded = 1;
      this.lastSettled = null;
    }
    for (let i = 0; i < signals.length; i++) this.remember(signals[i]!, i, snapshot);
    return decision;
  }

  /** Adds the unrecorded steps of the last decision to the history and the signal count. */
  private record(): void {
    const times = this.unrecorded;
    if (times === 0 || this.lastDecision === null) return;
    this.unrecorded = 0;
    const signals = this.lastDecision.signals;
    this.signalCount += signals.length * times;
    this.history.add(signals, times);
  }

  /** Scores the signals standing from the previous slice against this slice's closes. */
  private score(snapshot: MarketSnapshot): void {
    let total = 0;
    let counted = 0;
    // Without a standing view nothing is scored (r = 0): skip the per-bar lookups.
    if (this.standing > 0) {
      const bars = snapshot.slice.bars;
      for (let i = 0; i < bars.length; i++) {
        const bar = bars[i]!;
        const position = this.viewAt(this.viewsByBar, i, bar.instrument);
        if (position === null || position.direction === 0) continue;
        if (!(position.close > 0)) {
          // A view taken before its instrument had a price is scored from the bar after its first one,
          // whether or not the strategy signals again (settled() is worked out again with the price).
          if (bar.close > 0) {
            position.close = bar.close;
            this.lastSettled = null;
          }
          continue;
        }
        const move = bar.close / position.close - 1;
        total += position.direction * move;
        counted += 1;
        if (move !== 0) {
          this.scored += 1;
          if (Math.sign(move) === position.direction) this.hits += 1;
        }
        position.close = bar.close;
        // A view without a positive price reads the latest close again when its signal comes (see settled).
        if (!(bar.close > 0)) this.lastSettled = null;
      }
    }
    const r = counted > 0 ? total / counted : 0;
    this.cumulative += r;
    this.returns.add(r);
  }

  /**
   * True when applying the signals again would change no view: each signal's view is already what it sets
   * (a hold: no view; a buy or sell: that direction, with a positive price to score from). Not so when one
   * list names an instrument twice with different actions, or a view still waits for its first price.
   */
  private settled(signals: readonly Signal[]): boolean {
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i]!;
      const view = this.viewAt(this.viewsBySignal, i, signal.instrument);
      const direction = view === null ? 0 : view.direction;
      const wanted = signal.action === 'buy' ? 1 : signal.action === 'sell' ? -1 : 0;
      if (direction !== wanted || (view !== null && direction !== 0 && !(view.close > 0))) return false;
    }
    return true;
  }

  /** Applies the step's `index`-th signal to the views (a hold drops the instrument's view). */
  private remember(signal: Signal, index: number, snapshot: MarketSnapshot): void {
    const instrument = signal.instrument;
    if (signal.action === 'hold') {
      // Most holds follow holds: nothing stands, so there is nothing to drop.
      if (this.standing === 0) return;
      const view = this.viewAt(this.viewsBySignal, index, instrument);
      if (view !== null && view.direction !== 0) {
        view.direction = 0;
        this.standing -= 1;
      }
      return;
    }
    const direction = signal.action === 'buy' ? 1 : -1;
    const view = this.viewAt(this.viewsBySignal, index, instrument);
    // A view that stands with a price already has this instrument's latest close: `score` moved it to each
    // new bar. Only a new view (or one still without a price) reads the latest close.
    if (view !== null && view.direction !== 0 && view.close > 0) {
      view.direction = direction;
      return;
    }
    const close = snapshot.latest.get(instrument)?.close ?? 0;
    if (view === null) {
      const created: StandingView = { direction, close };
      this.views.set(instrument, created);
      // The memos may hold "no view" for this instrument: forget them (once per instrument, views stay).
      this.viewsByBar.clear();
      this.viewsBySignal.clear();
      this.viewsBySignal.remember(index, instrument, created);
      this.standing += 1;
      return;
    }
    if (view.direction === 0) this.standing += 1;
    view.direction = direction;
    view.close = close;
  }

  /**
   * The instrument's view (null if it never had one), through the memo of its position. "No view" is
   * remembered too: a strategy holding views on a few instruments sees bars and holds of many others.
   */
  private viewAt(
    memo: SlotMemo<StandingView | null>,
    position: number,
    instrument: string,
  ): StandingView | null {
    const remembered = memo.at(position, instrument);
    if (remembered !== undefined) return remembered;
    const view = this.views.get(instrument) ?? null;
    memo.remember(position, instrument, view);
    return view;
  }

  /** This bar's signal return (see the class comment). */
  get lastReturn(): number {
    return this.returns.latest;
  }

  /** The latest signals, oldest first. */
  recentSignals(): readonly Signal[] {
    this.record();
    return this.history.list();
  }

  stats(): StrategyStats {
    this.record();
    return {
      signals: this.signalCount,
      hitRate: this.scored > 0 ? this.hits / this.scored : null,
      cumulativeReturn: this.cumulative,
      sharpe: this.returns.sharpe(),
      errors: this.errorCount,
      lastReturn: this.lastReturn,
    };
  }
}
