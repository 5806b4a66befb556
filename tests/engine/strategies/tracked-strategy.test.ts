import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { MarketSnapshot, StrategyDecision } from '../../../src-main/engine/ports';
import type { StrategyDefinition } from '../../../src-main/engine/strategies/definition';
import { TrackedStrategy } from '../../../src-main/engine/strategies/tracked-strategy';
import { flatBar, snapshotOf } from '../../helpers/snapshot';

function snapshot(time: number, closes: Record<string, number>): MarketSnapshot {
  return snapshotOf(
    time,
    Object.entries(closes).map(([instrument, close]) => flatBar(instrument, time, close)),
  );
}

/** A strategy that replays a script of decisions, or throws where the script says so. */
function scripted(script: (StrategyDecision | Error)[]): StrategyDefinition {
  let step = 0;
  return {
    id: 'scripted',
    name: 'Scripted',
    category: 'base',
    rule: 'replays a script',
    needs: ['ohlcv'],
    params: z.object({}),
    create: () => ({
      evaluate: () => {
        const next = script[step++] ?? { signals: [], abstain: 'end of script' };
        if (next instanceof Error) throw next;
        return next;
      },
    }),
  };
}

const buy = (instrument: string) => ({ instrument, action: 'buy' as const, confidence: 1, reason: 'b' });
const sell = (instrument: string) => ({ instrument, action: 'sell' as const, confidence: 1, reason: 's' });

describe('TrackedStrategy', () => {
  it('scores each bar by the previous signals: direction × close-to-close return, averaged (hand-computed)', () => {
    const s = new TrackedStrategy(
      scripted([
        { signals: [buy('A'), sell('B')], abstain: null },
        { signals: [], abstain: 'quiet' },
        { signals: [], abstain: 'quiet' },
      ]),
      {},
      10,
    );
    s.onEvent(snapshot(1, { A: 100, B: 50 }));
    // A +10 % on a buy: +0.10; B +2 % on a sell: −0.02; average 0.04.
    s.onEvent(snapshot(2, { A: 110, B: 51 }));
    expect(s.stats().lastReturn).toBeCloseTo(0.04, 12);
    // A 110 → 99 (−10 %), B 51 → 45.9 (−10 %): (−0.10 + 0.10) / 2 = 0.
    s.onEvent(snapshot(3, { A: 99, B: 45.9 }));
    expect(s.stats().lastReturn).toBeCloseTo(0, 12);
    const stats = s.stats();
    expect(stats.hitRate).toBeCloseTo(2 / 4, 12); // A up on buy ✓, B up on sell ✗, A down ✗, B down ✓
    expect(stats.cumulativeReturn).toBeCloseTo(0.04, 12);
    expect(stats.signals).toBe(2);
    // Window returns [0, 0.04, 0]: mean 0.01333…, sample sd 0.023094 → Sharpe 0.57735.
    expect(stats.sharpe).toBeCloseTo(
      0.04 / 3 / Math.sqrt(((0.04 / 3) ** 2 * 2 + (0.04 - 0.04 / 3) ** 2) / 2),
      9,
    );
  });

  it('turns an exception in the logic into an abstention of that strategy alone, counted', () => {
    const s = new TrackedStrategy(
      scripted([new Error('division by zero'), { signals: [buy('A')], abstain: null }]),
      {},
      10,
    );
    expect(s.onEvent(snapshot(1, { A: 1 }))).toEqual({ signals: [], abstain: 'error: division by zero' });
    expect(s.onEvent(snapshot(2, { A: 1 })).signals).toHaveLength(1);
    expect(s.stats().errors).toBe(1);
  });

  it('takes the Sharpe over the last `window` returns only, once the window has wrapped', () => {
    // Long A throughout; closes 100, 110, 99, 99, 108.9: returns 0 (first bar), +0.1, −0.1, 0, +0.1.
    const s = new TrackedStrategy(
      scripted(Array.from({ length: 5 }, () => ({ signals: [buy('A')], abstain: null }))),
      {},
      3,
    );
    expect(s.stats().sharpe).toBeNull(); // no return yet
    [100, 110, 99, 99, 108.9].forEach((close, i) => s.onEvent(snapshot(i + 1, { A: close })));
    // Window of 3: [−0.1, 0, +0.1] (to rounding): mean 0 → Sharpe 0, not the 5-bar figure.
    expect(s.stats().sharpe).toBeCloseTo(0, 12);
    expect(s.stats().cumulativeReturn).toBeCloseTo(0.1, 12);
    s.onEvent(snapshot(6, { A: 108.9 }));
    // Window [0, +0.1, 0]: mean 0.1/3, sample sd sqrt(((0.1/3)² · 2 + (0.2/3)²) / 2) → Sharpe 1/√3.
    expect(s.stats().sharpe).toBeCloseTo(1 / Math.sqrt(3), 9);
  });

  it('counts the zero returns of bars without a view in the window, over more bars than it holds', () => {
    const hold = { instrument: 'A', action: 'hold' as const, confidence: 0, reason: 'h' };
    const quiet = { signals: [hold], abstain: null };
    const s = new TrackedStrategy(
      scripted([
        { signals: [buy('A')], abstain: null },
        { signals: [buy('A')], abstain: null },
        ...Array.from({ length: 5 }, () => quiet),
        { signals: [buy('A')], abstain: null },
        { signals: [buy('A')], abstain: null },
      ]),
      {},
      4,
    );
    // Returns: 0 (no view yet), +0.1 (100 → 110), then 0 for bars 3–8 (the view dropped on bar 3; the new
    // one taken on bar 8 scores from bar 9), then +0.2 (100 → 120).
    const closes = [100, 110, 110, 90, 95, 99, 97, 100, 120];
    closes.slice(0, 7).forEach((close, i) => s.onEvent(snapshot(i + 1, { A: close })));
    expect(s.stats().sharpe).toBeNull(); // the window: four zeros
    closes.slice(7).forEach((close, i) => s.onEvent(snapshot(i + 8, { A: close })));
    // Window [0, 0, 0, +0.2]: mean 0.05, sample sd sqrt((3 · 0.05² + 0.15²) / 3) = 0.1 → Sharpe 0.5.
    expect(s.stats().sharpe).toBeCloseTo(0.5, 9);
    expect(s.stats().cumulativeReturn).toBeCloseTo(0.3, 12);
  });

  it('has no Sharpe while every return in the window is the same', () => {
    const s = new TrackedStrategy(scripted([]), {}, 4);
    for (let i = 0; i < 6; i++) s.onEvent(snapshot(i, { A: 100 + i }));
    expect(s.stats().sharpe).toBeNull(); // it abstains: every return is 0
  });

  it('has no Sharpe for returns equal but for rounding (a price up 10 % every bar)', () => {
    const s = new TrackedStrategy(
      scripted(Array.from({ length: 8 }, () => ({ signals: [buy('A')], abstain: null }))),
      {},
      4,
    );
    // 100 · 1.1^k: each return is 0.1 to within ~1e-16, not exactly (so the deviations are not all 0).
    for (let k = 0; k < 8; k++) s.onEvent(snapshot(k, { A: 100 * 1.1 ** k }));
    const returns = [4, 5, 6, 7].map((k) => (100 * 1.1 ** k) / (100 * 1.1 ** (k - 1)) - 1);
    expect(new Set(returns).size).toBeGreaterThan(1);
    expect(s.stats().sharpe).toBeNull();
  });

  it('scores a view taken before its instrument had a price from the bar after its first price', () => {
    // Buy X while X has no bar (the view has no price), then say nothing more. X's first close is 100: it
    // prices the view and is not scored; 100 → 110 is: +0.10, a hit.
    const s = new TrackedStrategy(scripted([{ signals: [buy('X')], abstain: null }]), {}, 10);
    s.onEvent(snapshot(1, { Y: 5 }));
    s.onEvent(snapshot(2, { X: 100 }));
    expect(s.stats().lastReturn).toBe(0);
    s.onEvent(snapshot(3, { X: 110 }));
    expect(s.stats().lastReturn).toBeCloseTo(0.1, 12);
    expect(s.stats().hitRate).toBe(1);
    expect(s.stats().cumulativeReturn).toBeCloseTo(0.1, 12);
  });

  it('stops scoring an instrument after a hold', () => {
    const s = new TrackedStrategy(
      scripted([
        { signals: [buy('A')], abstain: null },
        { signals: [{ instrument: 'A', action: 'hold', confidence: 0, reason: 'h' }], abstain: null },
      ]),
      {},
      10,
    );
    s.onEvent(snapshot(1, { A: 100 }));
    s.onEvent(snapshot(2, { A: 101 }));
    s.onEvent(snapshot(3, { A: 150 }));
    expect(s.stats().lastReturn).toBe(0);
    expect(s.recentSignals().map((x) => x.action)).toEqual(['buy', 'hold']);
  });

  it('keeps its latest 50 signals, oldest first', () => {
    const script = Array.from({ length: 60 }, (_, i) => ({
      signals: [{ instrument: 'A', action: 'buy' as const, confidence: 1, reason: `#${i}` }],
      abstain: null,
    }));
    const s = new TrackedStrategy(scripted(script), {}, 10);
    for (let i = 0; i < 60; i++) s.onEvent(snapshot(i, { A: 100 + i }));
    const recent = s.recentSignals();
    expect(recent).toHaveLength(50);
    expect(recent[0]!.reason).toBe('#10');
    expect(recent[49]!.reason).toBe('#59');
  });
});
