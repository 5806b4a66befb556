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
  /** The level the drawdown and cooldown give (what applies when no level is forced). */
  level: BreakerLevel;
  halted: boolean;
  haltReason: string | null;
  peakEquity: number;
  lastEquity: number;
  cooldownUntil: number | null;
  /** A level the trader forced, in force until `forcedUntil` (engine time). */
  forcedLevel: BreakerLevel | null;
  forcedUntil: number | null;
}

const percent = (x: number): string => `${(x * 100).toFixed(2)} %`;

/**
 * The spec's three-level drawdown circuit breaker and the trader's manual controls. Drawdown is measured
 * from the peak equity seen. A level rises as soon as the drawdown reaches it and starts a cooldown; it steps
 * down to the level the drawdown then warrants only once the cooldown has run out.
 *
 * Manual controls (each returns the audit event, or a refusal with the reason):
 * - halt (reason required): no opening order passes until resume;
 * - resume: refused while the drawdown is past level 3 unless an override reason is given; an override
 *   also re-arms the breaker (the peak becomes the current equity), since level 3 would otherwise keep
 *   trading stopped;
 * - force a level for a duration: that level applies, whatever the drawdown, until it expires;
 * - re-arm (reason required): the peak is reset to the current equity, so the drawdown and level restart
 *   from 0, and any forced level and cooldown end.
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
            forcedLevel: null,
            forcedUntil: null,
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

  /** The level that applies now: a forced one while it lasts, else the automatic one. */
  effectiveLevel(): BreakerLevel {
    return this.memory.forcedLevel ?? this.memory.level;
  }

  state(): BreakerState {
    const m = this.memory;
    const level = this.effectiveLevel();
    return {
      level,
      halted: m.halted,
      haltReason: m.haltReason,
      peakEquity: m.peakEquity,
      drawdown: this.drawdown(m.lastEquity),
      sizeMultiplier: this.sizeMultiplier(),
      cooldownUntil: m.cooldownUntil,
      forcedUntil: m.forcedUntil,
      openingAllowed: !m.halted && level < 3,
    };
  }

  sizeMultiplier(): number {
    const level = this.effectiveLevel();
    return level === 0 ? 1 : this.config.levels[level - 1]!.sizeMultiplier;
  }

  drawdown(equity: number): number {
    return drawdownFrom(this.memory.peakEquity, equity);
  }

  /** Feeds the latest equity; returns the automatic trip, recovery or forced-level expiry it caused. */
  onEquity(equity: number, time: number): BreakerEvent | null {
    // An equity that is not a number says nothing about the drawdown: it must neither trip nor, as a NaN
    // drawdown would (it warrants level 0), step the breaker down. The prices behind it are validated, so
    // this is a guard, not a path.
    if (!Number.isFinite(equity)) return null;
    const m = this.memory;
    m.lastEquity = equity;
    if (equity > m.peakEquity) m.peakEquity = equity;
    if (m.forcedUntil !== null && time >= m.forcedUntil) {
      const before = this.state();
      const forced = m.forcedLevel;
      m.forcedLevel = null;
      m.forcedUntil = null;
      this.track(equity, time);
      const kind = this.effectiveLevel() > (forced ?? 0) ? 'trip' : 'recover';
      return this.event(
        time,
        kind,
        'auto',
        `forced level ${forced ?? 0} expired; level ${this.effectiveLevel()} applies`,
        before,
      );
    }
    const before = this.state();
    const change = this.track(equity, time);
    if (change === null || m.forcedLevel !== null) return null;
    return this.event(time, change.kind, 'auto', change.reason, before);
  }

  /** Moves the automatic level with the drawdown and cooldown; says what changed, if anything. */
  private track(equity: number, time: number): { kind: 'trip' | 'recover'; reason: string } | null {
    const m = this.memory;
    const drawdown = this.drawdown(equity);
    const warranted = this.levelFor(drawdown);
    if (warranted > m.level) {
      const threshold = this.config.levels[warranted - 1]!.drawdown;
      m.level = warranted;
      m.cooldownUntil = time + this.config.cooldownMs;
      return {
        kind: 'trip',
        reason: `drawdown ${percent(drawdown)} reached level ${warranted} (${percent(threshold)})`,
      };
    }
    // No cooldown running (null after an earlier step-down) counts as run out: a level must not get stuck.
    if (warranted < m.level && (m.cooldownUntil === null || time >= m.cooldownUntil)) {
      const from = m.level;
      m.level = warranted;
      m.cooldownUntil = null;
      return {
        kind: 'recover',
        reason: `drawdown ${percent(drawdown)} after the cooldown: level ${from} → ${warranted}`,
      };
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

  /** The trader lifts a halt; past level 3 only with an override reason, which also re-arms the breaker. */
  resume(time: number, reason?: string): Result<BreakerEvent> {
    const m = this.memory;
    if (!m.halted) return { ok: false, error: 'trading is not halted' };
    const override = reason?.trim() ?? '';
    const drawdown = this.drawdown(m.lastEquity);
    const pastLevel3 = this.levelFor(drawdown) === 3;
    if (pastLevel3 && !override) {
      return {
        ok: false,
        error: `the drawdown (${percent(drawdown)}) is past level 3 (${percent(this.config.levels[2].drawdown)}): give an override reason to resume`,
      };
    }
    const before = this.state();
    m.halted = false;
    m.haltReason = null;
    if (pastLevel3) this.resetPeak();
    const why = override ? (pastLevel3 ? `override: ${override}` : override) : 'resumed by the trader';
    return { ok: true, value: this.event(time, 'resume', 'trader', why, before) };
  }

  /** The trader forces a level for a duration (engine time); it applies whatever the drawdown until then. */
  force(level: BreakerLevel, durationMs: number, reason: string, time: number): Result<BreakerEvent> {
    const trimmed = reason.trim();
    if (!trimmed) return { ok: false, error: 'a reason is required to force a level' };
    if (!(durationMs > 0) || !Number.isFinite(durationMs))
      return { ok: false, error: 'the duration must be positive' };
    const before = this.state();
    this.memory.forcedLevel = level;
    this.memory.forcedUntil = time + durationMs;
    return {
      ok: true,
      value: this.event(
        time,
        'force',
        'trader',
        `level ${level} until ${new Date(time + durationMs).toISOString()}: ${trimmed}`,
        before,
      ),
    };
  }

  /** The trader re-arms the breaker: the peak becomes the current equity, level 0, no forced level. */
  rearm(reason: string, time: number): Result<BreakerEvent> {
    const trimmed = reason.trim();
    if (!trimmed) return { ok: false, error: 'a reason is required to re-arm the breaker' };
    const before = this.state();
    this.resetPeak();
    return { ok: true, value: this.event(time, 'rearm', 'trader', trimmed, before) };
  }

  private resetPeak(): void {
    const m = this.memory;
    m.peakEquity = m.lastEquity;
    m.level = 0;
    m.cooldownUntil = null;
    m.forcedLevel = null;
    m.forcedUntil = null;
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
