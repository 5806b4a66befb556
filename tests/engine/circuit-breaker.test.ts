import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type BreakerConfig } from '../../src-main/engine/risk/circuit-breaker';

const MIN = 60_000;
const config: BreakerConfig = {
  levels: [
    { drawdown: 0.05, sizeMultiplier: 0.5 },
    { drawdown: 0.1, sizeMultiplier: 0.5 },
    { drawdown: 0.15, sizeMultiplier: 0 },
  ],
  cooldownMs: 30 * MIN,
};

describe('CircuitBreaker', () => {
  it('ignores an equity that is not a finite number: no step-down, no trip, the state kept', () => {
    const b = new CircuitBreaker(config, { equity: 100 });
    b.onEquity(90, 0); // level 2, cooldown until 30 min
    const before = b.state();
    for (const equity of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      expect(b.onEquity(equity, 31 * MIN)).toBeNull();
    expect(b.state()).toEqual(before);
    expect(b.onEquity(100, 32 * MIN)!.after).toMatchObject({ level: 0, sizeMultiplier: 1 });
  });

  it('trips each level exactly at −5 %, −10 %, −15 % from the peak', () => {
    const b = new CircuitBreaker(config, { equity: 100 });
    expect(b.onEquity(95.01, 1)).toBeNull();
    expect(b.state()).toMatchObject({ level: 0, sizeMultiplier: 1, openingAllowed: true });

    const l1 = b.onEquity(95, 2)!;
    expect(l1).toMatchObject({
      kind: 'trip',
      actor: 'auto',
      reason: 'drawdown 5.00 % reached level 1 (5.00 %)',
    });
    expect(l1.before.level).toBe(0);
    expect(l1.after).toMatchObject({
      level: 1,
      sizeMultiplier: 0.5,
      cooldownUntil: 2 + 30 * MIN,
      openingAllowed: true,
    });

    expect(b.onEquity(90, 3)!.after).toMatchObject({ level: 2, sizeMultiplier: 0.5 });
    const l3 = b.onEquity(85, 4)!;
    expect(l3.after).toMatchObject({ level: 3, sizeMultiplier: 0, openingAllowed: false });
    expect(l3.after.drawdown).toBeCloseTo(0.15, 12);
  });

  it('jumps straight to the level a crash warrants', () => {
    const b = new CircuitBreaker(config, { equity: 1000 });
    expect(b.onEquity(800, 1)!.after.level).toBe(3);
  });

  it('holds a level through the cooldown and steps down after it', () => {
    const b = new CircuitBreaker(config, { equity: 100 });
    b.onEquity(84, 0);
    expect(b.onEquity(99, 29 * MIN)).toBeNull();
    expect(b.state().level).toBe(3);
    const recovered = b.onEquity(93, 30 * MIN)!;
    expect(recovered).toMatchObject({ kind: 'recover', actor: 'auto' });
    expect(recovered.after).toMatchObject({ level: 1, cooldownUntil: null });
  });

  it('measures drawdown from a new peak', () => {
    const b = new CircuitBreaker(config, { equity: 100 });
    b.onEquity(120, 1);
    expect(b.state().peakEquity).toBe(120);
    expect(b.onEquity(114.01, 2)).toBeNull();
    expect(b.onEquity(114, 3)!.after.level).toBe(1);
  });

  it('halts with a reason, refuses a second halt, and resumes', () => {
    const b = new CircuitBreaker(config, { equity: 100 });
    expect(b.halt('   ', 5)).toEqual({ ok: false, error: 'a reason is required to halt trading' });
    const halted = b.halt(' news at 14:00 ', 5);
    expect(halted.ok && halted.value).toMatchObject({
      kind: 'halt',
      actor: 'trader',
      reason: 'news at 14:00',
      time: 5,
    });
    expect(b.state()).toMatchObject({ halted: true, haltReason: 'news at 14:00', openingAllowed: false });
    expect(b.halt('again', 6)).toEqual({ ok: false, error: 'trading is already halted (news at 14:00)' });
    const resumed = b.resume(7);
    expect(resumed.ok && resumed.value).toMatchObject({ kind: 'resume', reason: 'resumed by the trader' });
    expect(resumed.ok && resumed.value.before.halted).toBe(true);
    expect(b.state()).toMatchObject({ halted: false, haltReason: null, openingAllowed: true });
    expect(b.resume(8)).toEqual({ ok: false, error: 'trading is not halted' });
  });

  it('restores a remembered state', () => {
    const b = new CircuitBreaker(config, { equity: 100 });
    const memory = b.remember();
    b.halt('x', 1);
    b.restore(memory);
    expect(b.state().halted).toBe(false);
  });

  it('never sits below the level the current drawdown warrants, nor steps down inside the cooldown', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: 1, max: 200, noNaN: true }), fc.integer({ min: 0, max: 20 * MIN })),
          { maxLength: 60 },
        ),
        (path) => {
          const b = new CircuitBreaker(config, { equity: 100 });
          let time = 0;
          let lastTrip = -Infinity;
          for (const [equity, gap] of path) {
            time += gap;
            const before = b.state().level;
            const event = b.onEquity(equity, time);
            const { level, drawdown } = b.state();
            const warranted = drawdown >= 0.15 ? 3 : drawdown >= 0.1 ? 2 : drawdown >= 0.05 ? 1 : 0; // exact thresholds
            expect(level).toBeGreaterThanOrEqual(warranted);
            if (event?.kind === 'trip') lastTrip = time;
            if (level < before) expect(time - lastTrip).toBeGreaterThanOrEqual(config.cooldownMs);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses to resume past level 3 without an override reason; an override resumes and re-arms', () => {
    const b = new CircuitBreaker(config, { equity: 100 });
    b.halt('stop', 1);
    b.onEquity(84, 2);
    expect(b.resume(3)).toEqual({
      ok: false,
      error: 'the drawdown (16.00 %) is past level 3 (15.00 %): give an override reason to resume',
    });
    const resumed = b.resume(4, 'risk desk approved');
    expect(resumed.ok && resumed.value).toMatchObject({
      kind: 'resume',
      reason: 'override: risk desk approved',
    });
    expect(b.state()).toMatchObject({
      halted: false,
      level: 0,
      peakEquity: 84,
      drawdown: 0,
      openingAllowed: true,
    });
  });

  it('resumes without a reason below level 3', () => {
    const b = new CircuitBreaker(config, { equity: 100 });
    b.halt('stop', 1);
    b.onEquity(89, 2);
    expect(b.resume(3)).toMatchObject({ ok: true, value: { reason: 'resumed by the trader' } });
    expect(b.state()).toMatchObject({ level: 2, peakEquity: 100 });
  });

  it('forces a level for a duration, then hands back to the drawdown level with an event', () => {
    const b = new CircuitBreaker(config, { equity: 100 });
    const forced = b.force(3, 10 * MIN, 'FOMC', 0);
    expect(forced.ok && forced.value.reason).toBe('level 3 until 1970-01-01T00:10:00.000Z: FOMC');
    expect(b.state()).toMatchObject({
      level: 3,
      forcedUntil: 10 * MIN,
      openingAllowed: false,
      sizeMultiplier: 0,
    });
    // A drawdown trip underneath is tracked but the forced level still applies.
    expect(b.onEquity(94, 5 * MIN)).toBeNull();
    expect(b.state().level).toBe(3);
    const expiry = b.onEquity(94, 10 * MIN)!;
    expect(expiry).toMatchObject({
      kind: 'recover',
      actor: 'auto',
      reason: 'forced level 3 expired; level 1 applies',
    });
    expect(b.state()).toMatchObject({ level: 1, forcedUntil: null });
    expect(b.force(1, 0, 'x', 0)).toEqual({ ok: false, error: 'the duration must be positive' });
    expect(b.force(1, 5, ' ', 0)).toEqual({ ok: false, error: 'a reason is required to force a level' });
  });

  it('re-arms: the peak becomes the current equity and the level returns to 0', () => {
    const b = new CircuitBreaker(config, { equity: 100 });
    b.onEquity(88, 1);
    expect(b.rearm('', 2)).toEqual({ ok: false, error: 'a reason is required to re-arm the breaker' });
    const rearmed = b.rearm('new capital allocation', 2);
    expect(rearmed.ok && rearmed.value.before).toMatchObject({ level: 2, peakEquity: 100 });
    expect(b.state()).toMatchObject({ level: 0, peakEquity: 88, drawdown: 0, cooldownUntil: null });
    expect(b.onEquity(83.6, 3)!.after.level).toBe(1); // 5 % below the new peak
  });
});

describe('CircuitBreaker recovery after a partial step-down', () => {
  it('steps down to level 0 once the drawdown is gone, after stepping 3 → 1', () => {
    const b = new CircuitBreaker(config, { equity: 100 });
    b.onEquity(84, 0); // drawdown 16 % → level 3, cooldown until 30 min
    expect(b.onEquity(93, 30 * MIN)!.after).toMatchObject({ level: 1, cooldownUntil: null }); // 7 % → level 1
    // Back at the peak: drawdown 0 warrants level 0, and the only cooldown (from the trip at 0) ran out at
    // 30 min, so the level must step down and the size multiplier return to 1.
    const recovered = b.onEquity(100, 31 * MIN);
    expect(recovered).toMatchObject({
      kind: 'recover',
      reason: 'drawdown 0.00 % after the cooldown: level 1 → 0',
    });
    expect(b.state()).toMatchObject({ level: 0, sizeMultiplier: 1 });
  });

  it('sits exactly at the warranted level whenever the last trip is a cooldown or more ago', () => {
    fc.assert(
      fc.property(
        fc.array(
          // Equity near the peak, so paths step between every level.
          fc.tuple(fc.double({ min: 80, max: 110, noNaN: true }), fc.integer({ min: 0, max: 40 * MIN })),
          { maxLength: 60 },
        ),
        (path) => {
          const b = new CircuitBreaker(config, { equity: 100 });
          let time = 0;
          let lastTrip = -Infinity;
          for (const [equity, gap] of path) {
            time += gap;
            if (b.onEquity(equity, time)?.kind === 'trip') lastTrip = time;
            const { level, drawdown } = b.state();
            // The breaker counts a drawdown within 1e-12 of a threshold as reaching it (float rounding).
            const at = (threshold: number) => drawdown >= threshold - 1e-12;
            const warranted = at(0.15) ? 3 : at(0.1) ? 2 : at(0.05) ? 1 : 0;
            if (time - lastTrip >= config.cooldownMs) expect(level).toBe(warranted);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
