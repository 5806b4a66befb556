import type { AssetClass, Bar, InstrumentSpec } from '../../../../src-shared/domain/market';
import type { Signal, SignalAction } from '../../../../src-shared/domain/strategy';
import type { MarketSnapshot, StrategyDecision } from '../../ports';
import { decide, type StrategyLogic } from '../definition';

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
 * says so.
 */
export abstract class PerInstrumentLogic<State> implements StrategyLogic {
  private readonly states = new Map<string, State | null>();
  private readonly classes: ReadonlySet<AssetClass>;
  private readonly idle: string;

  constructor(assetClasses: readonly AssetClass[]) {
    this.classes = new Set(assetClasses);
    this.idle = `no bar of an instrument in its asset classes (${assetClasses.join(', ')}) at this step`;
  }

  /** The state of a newly seen instrument of a traded asset class. */
  protected abstract createState(spec: InstrumentSpec): State;

  /** Feeds the instrument's new bar to its state and returns the verdict for it. */
  protected abstract step(state: State, bar: Bar, snapshot: MarketSnapshot): Verdict;

  evaluate(snapshot: MarketSnapshot): StrategyDecision {
    const signals: Signal[] = [];
    let reason: string | null = null;
    for (const bar of snapshot.slice.bars) {
      const state = this.stateOf(bar.instrument, snapshot);
      if (state === null) continue;
      const verdict = this.step(state, bar, snapshot);
      if (typeof verdict === 'string') reason ??= `${bar.instrument}: ${verdict}`;
      else signals.push(verdict);
    }
    return decide(signals, reason ?? this.idle);
  }

  private stateOf(instrument: string, snapshot: MarketSnapshot): State | null {
    const known = this.states.get(instrument);
    if (known !== undefined) return known;
    const spec = snapshot.instruments.get(instrument);
    if (!spec) return null;
    const state = this.classes.has(spec.assetClass) ? this.createState(spec) : null;
    this.states.set(instrument, state);
    return state;
  }
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
