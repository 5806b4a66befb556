import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { Signal } from '../../../src-shared/domain/strategy';
import type { Bar } from '../../../src-shared/domain/market';
import type { StrategyDecision } from '../../../src-main/engine/ports';
import type { StrategyDefinition } from '../../../src-main/engine/strategies/definition';
import { TrackedStrategy } from '../../../src-main/engine/strategies/tracked-strategy';
import { flatBar, snapshotOf } from '../../helpers/snapshot';

// TrackedStrategy keeps its views through memos and never deletes an entry; this checks it against the
// plain rule written the obvious way (one Map of views, deleted on a hold, the close read from the latest
// bars on every signal), on random runs: slices whose instruments come and go and change order, signals
// on instruments with and without a bar, repeated signal objects (as a standing view hands out), the same
// decision object handed out again (as DecisionMemo does), lists naming an instrument twice, holds.

const SHARPE_WINDOW = 5;

/** The rule of the class comment, written plainly: lastReturn, the stats and the history after each step. */
class ReferenceTracker {
  private readonly views = new Map<string, { direction: number; close: number }>();
  private readonly returns: number[] = [];
  private readonly history: Signal[] = [];
  private hits = 0;
  private scored = 0;
  private cumulative = 0;
  private signals = 0;
  last = 0;

  step(bars: readonly Bar[], latest: ReadonlyMap<string, Bar>, decided: readonly Signal[]): void {
    let total = 0;
    let counted = 0;
    for (const bar of bars) {
      const view = this.views.get(bar.instrument);
      if (!view) continue;
      if (!(view.close > 0)) {
        // Not yet priced (signalled before the instrument's first bar): priced now, scored from the next.
        if (bar.close > 0) view.close = bar.close;
        continue;
      }
      const move = bar.close / view.close - 1;
      total += view.direction * move;
      counted += 1;
      if (move !== 0) {
        this.scored += 1;
        if (Math.sign(move) === view.direction) this.hits += 1;
      }
      view.close = bar.close;
    }
    this.last = counted > 0 ? total / counted : 0;
    this.cumulative += this.last;
    this.returns.push(this.last);
    for (const signal of decided) {
      this.signals += 1;
      this.history.push(signal);
      if (signal.action === 'hold') this.views.delete(signal.instrument);
      else {
        const close = latest.get(signal.instrument)?.close ?? 0;
        this.views.set(signal.instrument, { direction: signal.action === 'buy' ? 1 : -1, close });
      }
    }
  }

  /** What TrackedStrategy.stats() must give (the Sharpe's figures are checked in tracked-strategy.test.ts). */
  stats(): {
    signals: number;
    hitRate: number | null;
    cumulativeReturn: number;
    sharpe: number | null;
    lastReturn: number;
  } {
    return {
      signals: this.signals,
      hitRate: this.scored > 0 ? this.hits / this.scored : null,
      cumulativeReturn: this.cumulative,
      sharpe: this.sharpe(),
      lastReturn: this.last,
    };
  }

  /**
   * The Sharpe as the class documents it, summed in the order of its ring's slots (return t in slot
   * t mod window), so that it is the same double, not only close: every return written, none deferred.
   */
  private sharpe(): number | null {
    const n = Math.min(this.returns.length, SHARPE_WINDOW);
    if (n < 2) return null;
    const slots = new Array<number>(n);
    this.returns.forEach((r, t) => {
      if (t % SHARPE_WINDOW < n) slots[t % SHARPE_WINDOW] = r;
    });
    const mean = slots.reduce((sum, r) => sum + r, 0) / n;
    const sd = Math.sqrt(slots.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (n - 1));
    return sd > 1e-9 * Math.abs(mean) ? mean / sd : null;
  }

  recent(): Signal[] {
    return this.history.slice(-50);
  }
}

const INSTRUMENTS = ['A', 'B', 'C'];
const stepArbitrary = fc.record({
  /** Which instruments have a bar, in which order (a permutation's prefix). */
  present: fc.shuffledSubarray(INSTRUMENTS),
  /** Sometimes 0 (a prediction contract settling at 0): such a view has no price to score from. */
  closes: fc.array(
    fc.oneof(fc.constant(0), fc.integer({ min: 90, max: 110 }), fc.integer({ min: 90, max: 110 })),
    {
      minLength: 3,
      maxLength: 3,
    },
  ),
  signals: fc.array(
    fc.record({
      instrument: fc.constantFrom(...INSTRUMENTS),
      action: fc.constantFrom('buy' as const, 'sell' as const, 'hold' as const),
      /** Reuse the previous step's signal object at this position, if there is one. */
      repeat: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  /** Hand out the previous step's decision object again (its signals are then ignored). */
  sameDecision: fc.boolean(),
  /** Read the stats after this step (1 in 8): between reads, runs of zero returns longer than the window. */
  read: fc.integer({ min: 0, max: 7 }),
});

describe('TrackedStrategy against the plain rule', () => {
  it('gives the same returns, stats and history on random runs', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 80 }), (steps) => {
        const decisions: StrategyDecision[] = [];
        let previous: readonly Signal[] = [];
        for (const step of steps) {
          const before = decisions[decisions.length - 1];
          if (step.sameDecision && before !== undefined) {
            decisions.push(before);
            continue;
          }
          const signals = step.signals.map((s, i) =>
            s.repeat && previous[i] !== undefined
              ? previous[i]!
              : { instrument: s.instrument, action: s.action, confidence: 0.5, reason: s.action },
          );
          decisions.push(signals.length > 0 ? { signals, abstain: null } : { signals: [], abstain: 'none' });
          previous = signals;
        }
        let at = 0;
        const definition: StrategyDefinition = {
          id: 'model',
          name: 'Model',
          category: 'base',
          rule: 'replays decisions',
          needs: ['ohlcv'],
          params: z.object({}),
          create: () => ({ evaluate: () => decisions[at++]! }),
        };
        const tracked = new TrackedStrategy(definition, {}, SHARPE_WINDOW);
        const reference = new ReferenceTracker();
        let latest = new Map<string, Bar>();
        steps.forEach((step, t) => {
          const bars = step.present.map((id) => flatBar(id, t, step.closes[INSTRUMENTS.indexOf(id)]!));
          const snapshot = snapshotOf(t, bars, { previous: latest });
          latest = new Map(snapshot.latest);
          const decision = tracked.onEvent(snapshot);
          reference.step(bars, snapshot.latest, decision.signals);
          expect(tracked.lastReturn).toBe(reference.last);
          if (step.read === 0) {
            const { errors, ...stats } = tracked.stats();
            expect(errors).toBe(0);
            expect(stats).toEqual(reference.stats());
          }
        });
        const { errors, ...stats } = tracked.stats();
        expect(errors).toBe(0);
        expect(stats).toEqual(reference.stats());
        expect(tracked.recentSignals()).toEqual(reference.recent());
      }),
      { numRuns: 500 },
    );
  });
});
