import { describe, expect, it } from 'vitest';
import { rejectBar } from '../../src-main/engine/data/bar-checks';

const good = { instrument: 'X', time: 1, open: 10, high: 12, low: 9, close: 11, volume: 5 };

describe('rejectBar', () => {
  it('passes a consistent bar', () => expect(rejectBar(good)).toBeNull());
  it.each([
    [{ close: Infinity }, 'close is Infinity'],
    [{ volume: -Infinity }, 'volume is -Infinity'],
    [{ time: NaN }, 'time is NaN'],
    [{ low: 0, open: 0.5, close: 0.5 }, 'low 0 is not a positive price'],
    [{ high: 10.5 }, 'high 10.5 is below max(open, close)'],
    [{ low: 10.5 }, 'low 10.5 is above min(open, close)'],
    [{ volume: -1 }, 'volume -1 is negative'],
    [{ fundingRate: NaN }, 'fundingRate is NaN'],
    [{ fundingRate: -Infinity }, 'fundingRate is -Infinity'],
    [{ openInterest: -3 }, 'openInterest -3 is negative'],
    [{ liquidations: { longNotional: 5, shortNotional: -2 } }, 'liquidations.shortNotional -2 is negative'],
    [{ liquidations: { longNotional: NaN, shortNotional: 0 } }, 'liquidations.longNotional is NaN'],
  ])('rejects %o: %s', (patch, reason) => {
    expect(rejectBar({ ...good, ...patch })).toBe(reason);
  });

  it('passes the optional derivatives data when sound: a negative funding rate, zero notionals', () => {
    const derivatives = {
      fundingRate: -0.0001,
      openInterest: 0,
      liquidations: { longNotional: 0, shortNotional: 1e6 },
    };
    expect(rejectBar({ ...good, ...derivatives })).toBeNull();
  });
});
