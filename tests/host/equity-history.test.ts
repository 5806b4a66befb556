import { describe, expect, it } from 'vitest';
import { EquityHistory } from '../../src-main/host/equity-history';

const point = (i: number, equity = 100 + (i % 7)) => ({ time: 1000 * i, equity, drawdown: (i % 5) / 100 });

function historyOf(n: number): EquityHistory {
  const history = new EquityHistory();
  for (let i = 0; i < n; i++) history.push(point(i));
  return history;
}

describe('EquityHistory', () => {
  it('keeps every point past its initial capacity, in order', () => {
    const history = historyOf(5000);
    expect(history.length).toBe(5000);
    const all = history.downsample(10_000);
    expect(all).toHaveLength(5000);
    expect(all[4321]).toEqual(point(4321));
  });

  it('serves a window with every point inside it, bounds included', () => {
    const history = historyOf(100);
    expect(history.downsample(50, 3000, 6000)).toEqual([point(3), point(4), point(5), point(6)]);
    // Bounds between samples: the points strictly inside.
    expect(history.downsample(50, 2500, 4500)).toEqual([point(3), point(4)]);
    expect(history.downsample(50, 200_000, 300_000)).toEqual([]);
    expect(history.downsample(50, -5, 0)).toEqual([point(0)]);
  });

  it('downsamples a window larger than asked to that many points, keeping its first and last', () => {
    const history = historyOf(10_000);
    const window = history.downsample(100, 2_000_000, 7_000_000);
    expect(window).toHaveLength(100);
    expect(window[0]).toEqual(point(2000));
    expect(window[99]).toEqual(point(7000));
    // Drawdowns travel with their own points.
    for (const p of window) expect(p).toEqual(point(p.time / 1000));
  });

  it('replaces a point at the same time and drops one from the past', () => {
    const history = historyOf(3);
    history.push({ time: 2000, equity: 50, drawdown: 0.5 });
    history.push({ time: 1000, equity: 1, drawdown: 0 });
    expect(history.downsample(10)).toEqual([point(0), point(1), { time: 2000, equity: 50, drawdown: 0.5 }]);
  });
});
