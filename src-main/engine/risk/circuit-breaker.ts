import type { BreakerEvent, BreakerLevel, BreakerState } from '../../../src-shared/domain/risk';
import type { Result } from '../../../src-shared/ipc/result';
import { drawdownFrom } from './drawdown';

export interface BreakerConfig {
  /** Three levels, drawdowns increasing; level 3 stops opening trades whatever its multiplier. */
  levels: readonly [BreakerLevelConfig, BreakerLevelConfig, BreakerLevelConfig];
  cooldownMs: number;
}

export interface BreakerLevelConfig {
  drawdown: number;
  sizeMultiplier: number;
}

export interface BreakerMemory {
  level: BreakerLevel;
  halted: boolean;
  haltReason: string | null;
  peakEquity: number;
  lastEquity: number;
  cooldownUntil: number | null;
}

const percent = (x: number): string => `${(x * 100).toFixed(2)} %`;

/**
 * The spec's three-level drawdown circuit breaker plus the trader's manual halt. Drawdown is measured from
 * the peak equity seen. A level rises as soon as the drawdown reaches it and starts a cooldown; it steps
 * down to the level the drawdown then warrants only once the cooldown has run out.
 */
export class CircuitBreaker {
  private memory: BreakerMemory;

  constructor(
    private readonly config: BreakerConfig,
    initial: BreakerMemory | { equity: number },
  ) {
    this.memory =
      'equity' in initial
        ? {
            level: 0,
            halted: false,
            haltReason: null,
            peakEquity: initial.equity,
            lastEquity: initial.equity,
            cooldownUntil: null,
          }
        : { ...initial };
  }

  remember(): BreakerMemory {
    return { ...this.memory };
  }

  /** Puts back a state taken with remember() (undoes an action whose audit row could not be written). */
  restore(memory: BreakerMemory): void {
    this.memory = { ...memory };
  }

  state(): BreakerState {
    const m = this.memory;
    return {
      level: m.level,
      halted: m.halted,
      haltReason: m.haltReason,
      peakEquity: m.peakEquity,
      drawdown: this.drawdown(m.lastEquity),
      sizeMultiplier: this.sizeMultiplier(),
      cooldownUntil: m.cooldownUntil,
      openingAllowed: !m.halted && m.level < 3,
    };
  }

  sizeMultiplier(): number {
    const { level } = this.memory;
    return level === 0 ? 1 : this.config.levels[level - 1]!.sizeMultiplier;
  }

  drawdown(equity: number): number {
    return drawdownFrom(this.memory.peakEquity, equity);
  }

  /** Feeds the latest equity; returns the automatic trip or recovery it caused, if any. */
  onEquity(equity: number, time: number): BreakerEvent | null {
    const m = this.memory;
    m.lastEquity = equity;
    if (equity > m.peakEquity) m.peakEquity = equity;
    const drawdown = this.drawdown(equity);
    const warranted = this.levelFor(drawdown);
    if (warranted > m.level) {
      const before = this.state();
      const threshold = this.config.levels[warranted - 1]!.drawdown;
      m.level = warranted;
      m.cooldownUntil = time + this.config.cooldownMs;
      return this.event(
        time,
        'trip',
        'auto',
        `drawdown ${percent(drawdown)} reached level ${warranted} (${percent(threshold)})`,
        before,
      );
    }
    if (warranted < m.level && m.cooldownUntil !== null && time >= m.cooldownUntil) {
      const before = this.state();
      const from = m.level;
      m.level = warranted;
      m.cooldownUntil = null;
      return this.event(
        time,
        'recover',
        'auto',
        `drawdown ${percent(drawdown)} after the cooldown: level ${from} → ${warranted}`,
        before,
      );
    }
    return null;
  }

  /** The trader stops all opening trades now. */
  halt(reason: string, time: number): Result<BreakerEvent> {
    const trimmed = reason.trim();
    if (!trimmed) return { ok: false, error: 'a reason is required to halt trading' };
    if (this.memory.halted)
      return { ok: false, error: `trading is already halted (${this.memory.haltReason ?? ''})` };
    const before = this.state();
    this.memory.halted = true;
    this.memory.haltReason = trimmed;
    return { ok: true, value: this.event(time, 'halt', 'trader', trimmed, before) };
  }

  /** The trader lifts a manual halt. Level 3 keeps blocking opening trades until it recovers. */
  resume(time: number, reason?: string): Result<BreakerEvent> {
    if (!this.memory.halted) return { ok: false, error: 'trading is not halted' };
    const before = this.state();
    this.memory.halted = false;
    this.memory.haltReason = null;
    return {
      ok: true,
      value: this.event(time, 'resume', 'trader', reason?.trim() || 'resumed by the trader', before),
    };
  }

  private levelFor(drawdown: number): BreakerLevel {
    const levels = this.config.levels;
    // A drawdown equal to a threshold up to float rounding trips it.
    const reached = (threshold: number) => drawdown >= threshold - 1e-12;
    if (reached(levels[2].drawdown)) return 3;
    if (reached(levels[1].drawdown)) return 2;
    if (reached(levels[0].drawdown)) return 1;
    return 0;
  }

  private event(
    time: number,
    kind: BreakerEvent['kind'],
    actor: BreakerEvent['actor'],
    reason: string,
    before: BreakerState,
  ): BreakerEvent {
    return { time, kind, actor, reason, before, after: this.state() };
  }
}
