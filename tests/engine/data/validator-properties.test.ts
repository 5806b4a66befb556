import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src-shared/domain/market';
import { DAY_MS, dayFromCivil } from '../../../src-main/engine/data/civil-date';
import { isNyseTradingDay } from '../../../src-main/engine/data/nyse-calendar';
import { validateBars } from '../../../src-main/engine/data/validation-result';
import type { ValidatorOptions } from '../../../src-main/engine/data/validator';

const options: ValidatorOptions = {
  outlierZ: 5,
  outlierWindow: 100,
  outlierMinObservations: 20,
  profile: () => ({ calendar: 'nyse', intervalMs: null, checkZeroVolume: true }),
};

/** NYSE session days from 2000-01-03 on, stamped at the end of each day. */
const sessionTimes = (() => {
  const times: number[] = [];
  for (let day = dayFromCivil(2000, 1, 3); times.length < 400; day++) {
    if (isNyseTradingDay(day)) times.push((day + 1) * DAY_MS);
  }
  return times;
})();

/** A random valid daily series: consistent OHLC, positive prices and volume, one bar per NYSE session. */
const validSeries = fc
  .array(
    fc.record({
      move: fc.double({ min: -0.08, max: 0.08, noNaN: true }),
      gap: fc.double({ min: -0.02, max: 0.02, noNaN: true }),
      upper: fc.double({ min: 0, max: 0.03, noNaN: true }),
      lower: fc.double({ min: 0, max: 0.03, noNaN: true }),
      volume: fc.integer({ min: 1, max: 10_000_000 }),
    }),
    { minLength: 2, maxLength: 300 },
  )
  .map((steps) => {
    let previous = 100;
    return steps.map((s, i): Bar => {
      const open = previous * (1 + s.gap);
      const close = open * (1 + s.move);
      previous = close;
      return {
        instrument: 'X',
        time: sessionTimes[i]!,
        open,
        high: Math.max(open, close) * (1 + s.upper),
        low: Math.min(open, close) * (1 - s.lower),
        close,
        volume: s.volume,
      };
    });
  });

describe('DataValidator properties', () => {
  it('a random valid series passes: no errors, quality 1, every bar accepted', () => {
    fc.assert(
      fc.property(validSeries, (bars) => {
        const result = validateBars(bars, options);
        expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(result.valid).toBe(true);
        expect(result.quality).toBe(1);
        expect(result.accepted).toHaveLength(bars.length);
      }),
      { numRuns: 200 },
    );
  });

  type Fault = 'nan' | 'ohlc' | 'duplicate' | 'conflicting-duplicate' | 'out-of-order';
  /** Puts one fault at index `at` (≥ 1); returns the series and the rule that must name that row. */
  function inject(
    bars: Bar[],
    at: number,
    fault: Fault,
    field: 'open' | 'high' | 'low' | 'close' | 'volume',
  ): Bar[] {
    const copy = bars.map((b) => ({ ...b }));
    switch (fault) {
      case 'nan':
        copy[at]![field] = NaN;
        break;
      case 'ohlc':
        copy[at]!.high = copy[at]!.low * 0.99;
        break;
      case 'duplicate':
        copy.splice(at, 0, { ...copy[at - 1]! });
        break;
      case 'conflicting-duplicate':
        copy.splice(at, 0, {
          ...copy[at - 1]!,
          close: copy[at - 1]!.close * 1.001,
          high: copy[at - 1]!.high * 1.01,
        });
        break;
      case 'out-of-order':
        [copy[at - 1], copy[at]] = [copy[at]!, copy[at - 1]!];
        break;
    }
    return copy;
  }

  it('one injected NaN, inconsistency, duplicate or reversal is always caught and named at its row', () => {
    fc.assert(
      fc.property(
        validSeries,
        fc.nat(),
        fc.constantFrom<Fault>('nan', 'ohlc', 'duplicate', 'conflicting-duplicate', 'out-of-order'),
        fc.constantFrom('open', 'high', 'low', 'close', 'volume') as fc.Arbitrary<
          'open' | 'high' | 'low' | 'close' | 'volume'
        >,
        (bars, pick, fault, field) => {
          const at = 1 + (pick % (bars.length - 1));
          const result = validateBars(inject(bars, at, fault, field), options);
          const named = result.issues.filter((i) => i.rule === fault);
          expect(named).toHaveLength(1);
          expect(named[0]!.row).toBe(at);
          if (fault === 'nan') expect(named[0]!.field).toBe(field);
          const errors = result.issues.filter((i) => i.severity === 'error');
          // An exact duplicate is dropped with a warning; every other fault is the one error.
          expect(errors.map((i) => i.row)).toEqual(fault === 'duplicate' ? [] : [at]);
          expect(result.accepted).toHaveLength(
            bars.length - (fault === 'nan' || fault === 'ohlc' || fault === 'out-of-order' ? 1 : 0),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
