import { describe, expect, it } from 'vitest';
import { etaText, percentDone } from '../../src-renderer/panels/backtest/progress-text';

describe('backtest progress bar text', () => {
  it('says the ETA is being estimated at 0 %, and 0 s left at 100 % (not "1 s left")', () => {
    // The run's last report is done = total with etaMs 0 (ProgressClock.finish): nothing is left.
    expect(etaText(null)).toBe('estimating…');
    expect(etaText(0)).toBe('0 s left');
    // While running, a fraction of a second left still reads as 1 s; whole seconds are rounded.
    expect(etaText(300)).toBe('1 s left');
    expect(etaText(12_400)).toBe('12 s left');
    expect(etaText(3 * 60_000)).toBe('3 min left');
  });

  it('shows 100 % only when everything is done: 99.6 % of the bytes read is 99 %', () => {
    expect(percentDone(996, 1000)).toBe(99);
    expect(percentDone(1000, 1000)).toBe(100);
    expect(percentDone(0, 0)).toBe(0);
    expect(percentDone(5, 4)).toBe(100);
  });
});
