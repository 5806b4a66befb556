import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src-shared/domain/market';
import type { DataIssue } from '../../../src-main/engine/data/issues';
import { NormalizationPipeline } from '../../../src-main/engine/data/normalizer';
import { DataValidator, profileForAssetClass } from '../../../src-main/engine/data/validator';
import { CsvFeed } from '../../../src-main/feeds/csv/csv-feed';

// Pins the exact output of validate + normalise over a real series, so speed work cannot change a bit of
// it. Input: the S&P 500 sample (5,105 daily bars) three times, each copy shifted by one 400-year
// Gregorian cycle (146,097 days, so weekdays and regular holidays line up; the 2001 and 2012 special
// closures do not, which yields gap warnings), plus a few bad, duplicate, weekend and out-of-order bars.
// The expected digests were recorded from the implementation before the speed work (commit fbe364b):
// SHA-256 over the accept decisions and the bit patterns of every raw feature and z-score, and over the
// JSON of every issue.

const SAMPLE = `${__dirname}/../../../resources/data/sp500-2000.csv`;
const CYCLE_MS = 146_097 * 86_400_000;
const DAY = 86_400_000;

function series(): Bar[] {
  const feed = new CsvFeed({ sources: [SAMPLE], fees: { maker: 0, taker: 0 } });
  const base: Bar[] = [];
  for (let slice = feed.next(); slice !== null; slice = feed.next()) base.push(...slice.bars);
  const bars: Bar[] = [];
  for (let copy = 0; copy < 3; copy++)
    for (const bar of base) bars.push({ ...bar, time: bar.time + copy * CYCLE_MS });
  // Disturbances inside the first copy: a repeat, a conflicting repeat, a step back, a NaN, bad OHLC,
  // a Saturday bar (2000-01-08 session), zero volume, a second instrument interleaved.
  const at = (i: number): Bar => bars[i]!;
  bars.splice(11, 0, { ...at(10) });
  bars.splice(21, 0, { ...at(20), volume: at(20).volume + 1 });
  bars.splice(31, 0, { ...at(25) });
  bars.splice(41, 0, { ...at(40), time: at(40).time + DAY / 2, close: Number.NaN });
  bars.splice(51, 0, { ...at(50), time: at(50).time + DAY / 2, high: at(50).low - 1 });
  bars.splice(4, 0, { ...at(3), time: Date.UTC(2000, 0, 9) });
  bars.splice(61, 0, { ...at(60), time: at(60).time + DAY / 3, volume: 0 });
  for (let i = 100; i < 400; i += 7) bars.splice(i, 0, { ...at(i), instrument: 'OTHER', volume: 0 });
  return bars;
}

describe('validate + normalise: exact output', () => {
  it('matches the digests recorded before the speed work', () => {
    const profile = profileForAssetClass('equity-index');
    const validator = new DataValidator({
      outlierZ: 5,
      outlierWindow: 100,
      outlierMinObservations: 20,
      profile: () => profile,
    });
    const pipeline = new NormalizationPipeline({ window: 252, clip: 3, minObservations: 20 });
    const issues: DataIssue[] = [];
    const values = createHash('sha256');
    const bars = series();
    const row = new Float64Array(12);
    for (let i = 0; i < bars.length; i++) {
      const bar = bars[i]!;
      if (!validator.check(bar, i, issues)) {
        values.update('x');
        continue;
      }
      const f = pipeline.update(bar);
      row.set(f.raw.values, 0);
      row.set(f.z.values, 5);
      row[10] = f.observations;
      row[11] = f.ready ? 1 : 0;
      values.update(new Uint8Array(row.buffer));
    }
    // A counting-only validator (no issue list) decides and counts the same.
    const counting = new DataValidator({
      outlierZ: 5,
      outlierWindow: 100,
      outlierMinObservations: 20,
      profile: () => profile,
    });
    for (const bar of bars) counting.check(bar);
    expect(counting.counts).toEqual(validator.counts);
    expect(validator.counts).toEqual({
      checked: 15_365,
      accepted: 15_359,
      rejected: 5,
      dropped: 1,
      byRule: {
        'conflicting-duplicate': 1,
        duplicate: 1,
        gap: 55,
        nan: 1,
        'non-trading-day': 83,
        ohlc: 1,
        'out-of-order': 2,
        outlier: 50,
        'zero-volume': 44,
      },
    });
    expect(issues.length).toBe(238);
    expect(createHash('sha256').update(JSON.stringify(issues)).digest('hex')).toBe(
      '1fba93e1d930430a3399647dd20a42eeb1f9c7ee94aa2aab7942984ec4cfbe08',
    );
    expect(values.digest('hex')).toBe('292754cce870fe2629e99a17848bc914db7abe31f5e73fbe231eb7796fc917c4');
  });
});
