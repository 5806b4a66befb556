import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../src-main/host/engine-host';
import { createLogger } from '../../src-main/log';
import type { BreakerEvent } from '../../src-shared/domain/risk';
import { testSettings } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const logger = createLogger(null, 'error');

/**
 * The crash scenario. The ensemble's positions are small, so the default −5/−10/−15 % levels may not be
 * reached in the crash's first few hundred bars; the test sets the three levels at drawdowns a first run
 * reached at three different bars (with multipliers of 1 until level 3, so the path is the same), which
 * makes the breaker pass them one by one.
 */
function crashHost(dataDir: string, levels: readonly [number, number, number] = [0.5, 0.6, 0.7]): EngineHost {
  const settings = testSettings((s) => {
    s.market.scenario = 'crash';
    s.risk.circuitBreaker.levels = [
      { drawdown: levels[0], sizeMultiplier: 1 },
      { drawdown: levels[1], sizeMultiplier: 1 },
      { drawdown: levels[2], sizeMultiplier: 0 },
    ];
  });
  return new EngineHost({ dataDir, settings, seed: 2, logger });
}

/** The drawdown records (new maxima) of a run of the crash scenario, with the bar each was set on. */
function drawdownRecords(bars: number): { bar: number; drawdown: number }[] {
  const host = crashHost(tempDir());
  const records: { bar: number; drawdown: number }[] = [];
  for (let bar = 0; bar < bars; bar++) {
    host.stepNow(1);
    const { drawdown } = host.snapshot().breaker;
    if (drawdown > (records[records.length - 1]?.drawdown ?? 0) + 1e-6) records.push({ bar, drawdown });
  }
  host.close();
  return records;
}

describe('the crash scenario', () => {
  it('takes the breaker through levels 1, 2, 3 in order, stops trading, runs the cooldown, and needs a reason to resume; the audit survives a restart', () => {
    const records = drawdownRecords(300);
    expect(records.length).toBeGreaterThanOrEqual(3);
    const picks = [records[0]!, records[Math.floor(records.length / 2)]!, records[records.length - 1]!];
    const levels = picks.map((r) => r.drawdown) as [number, number, number];
    const dir = tempDir();
    const host = crashHost(dir, levels);
    const events: BreakerEvent[] = [];
    const openings: { time: number; effect: string }[] = [];
    host.subscribe((name, payload) => {
      if (name === 'breaker') events.push((payload as { event: BreakerEvent }).event);
      if (name === 'fill') openings.push(payload as { time: number; effect: string });
    });
    for (let i = 0; i < 300 && host.snapshot().breaker.level < 3; i++) host.stepNow(1);
    // Level by level: each trip raises the level by one, and the first trips to 1, 2 and 3 come in order
    // (between them a level may recover after its cooldown and trip again).
    const trips = events.filter((e) => e.kind === 'trip');
    for (const trip of trips) expect(trip.after.level).toBe(trip.before.level + 1);
    const firstTrip = (level: number) => trips.findIndex((e) => e.after.level === level);
    expect(firstTrip(1)).toBeGreaterThanOrEqual(0);
    expect(firstTrip(1)).toBeLessThan(firstTrip(2));
    expect(firstTrip(2)).toBeLessThan(firstTrip(3));
    for (const recovery of events.filter((e) => e.kind === 'recover')) {
      // A level steps down only once its cooldown has run.
      expect(recovery.time).toBeGreaterThanOrEqual(recovery.before.cooldownUntil ?? 0);
    }
    const level3 = events.find((e) => e.kind === 'trip' && e.after.level === 3)!;
    expect(level3.after.openingAllowed).toBe(false);
    expect(level3.after.cooldownUntil).toBe(level3.time + 30 * 60_000);

    // Trading stops: while level 3 holds, nothing opens or grows a position.
    host.stepNow(20);
    // The cooldown (30 one-minute bars) has not run yet: level 3 still holds.
    expect(host.snapshot().breaker.level).toBe(3);
    const after = openings.filter((f) => f.time > level3.time);
    for (const fill of after) expect(['reduce', 'close']).toContain(fill.effect);

    // A halt past level 3 can only be lifted with an override reason.
    expect(host.halt('crash: stand aside').ok).toBe(true);
    const refused = host.resume();
    expect(host.snapshot().breaker.drawdown).toBeGreaterThanOrEqual(levels[2] - 1e-12);
    expect(refused).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^the drawdown \([\d.]+ %\) is past level 3 \([\d.]+ %\): give an override reason to resume$/,
      ),
    });
    expect(host.resume('risk desk approved the restart')).toMatchObject({
      ok: true,
      value: { halted: false, level: 0 },
    });
    host.close();

    const reopened = crashHost(dir, levels);
    const audit = reopened.read.breakerEvents(100).reverse();
    expect(audit.filter((e) => e.kind === 'trip').map((e) => e.after.level)).toEqual(
      trips.map((e) => e.after.level),
    );
    expect(
      audit.some((e) => e.kind === 'halt' && e.actor === 'trader' && e.reason === 'crash: stand aside'),
    ).toBe(true);
    expect(audit.some((e) => e.kind === 'resume')).toBe(true);
    reopened.close();
  });
});
