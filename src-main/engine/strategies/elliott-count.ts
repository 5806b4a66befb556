import { unit } from './base-b-support';
import type { Zigzag } from './elliott-zigzag';

// Elliott counting on a zigzag of confirmed swing points. Direction s = +1 counts an upward structure
// (starting at a swing low), s = −1 a downward one; prices are read as q = s·price so one set of
// inequalities serves both. P0 is the oldest pivot of the count, the latest pivot its last one.

/** A five-wave impulse P0…P5 that satisfies the hard rules, with its wave lengths. */
export interface ImpulseCount {
  direction: 1 | -1;
  /** Prices P0…P5 of the six pivots, oldest first. */
  points: readonly [number, number, number, number, number, number];
  /** Lengths of waves 1…5 (all positive). */
  waves: readonly [number, number, number, number, number];
  /** (1 − wave 2 / wave 1 + min(1, wave-4 clearance / wave 1) + min(1, wave 3 / max(wave 1, wave 5))) / 3. */
  confidence: number;
}

/** Waves 1 and 2 of a possible impulse: P0, P1, P2, with wave 2's retracement of wave 1. */
export interface Wave2Count {
  direction: 1 | -1;
  points: readonly [number, number, number];
  /** Wave 2 / wave 1, in [wave2MinRetracement, 1). */
  retracement: number;
  /** 1 − retracement: the shallower the pullback, the stronger the trend it leaves. */
  confidence: number;
}

/**
 * The five-wave impulse ending at the latest pivot, or null. With the six latest pivots P0…P5 (P5 the
 * latest, a swing high for s = +1, a swing low for s = −1) and q = s·price, waves w1 = q1 − q0,
 * w2 = q1 − q2, w3 = q3 − q2, w4 = q3 − q4, w5 = q5 − q4 must all be positive and:
 * 1. wave 2 never retraces beyond the start of wave 1: q2 > q0;
 * 2. wave 3 is not the shortest of waves 1, 3 and 5: w3 > min(w1, w5);
 * 3. wave 4 does not enter wave 1's price territory: q4 > q1;
 * and the fifth wave must carry past the end of the third (q5 > q3: no truncated fifth is counted).
 */
export function impulseEndingAtLatest(zigzag: Zigzag): ImpulseCount | null {
  if (zigzag.length < 6) return null;
  const direction: 1 | -1 = zigzag.isHigh(0) ? 1 : -1;
  const q0 = direction * zigzag.price(5);
  const q1 = direction * zigzag.price(4);
  const q2 = direction * zigzag.price(3);
  const q3 = direction * zigzag.price(2);
  const q4 = direction * zigzag.price(1);
  const q5 = direction * zigzag.price(0);
  const w1 = q1 - q0;
  const w2 = q1 - q2;
  const w3 = q3 - q2;
  const w4 = q3 - q4;
  const w5 = q5 - q4;
  if (!(w1 > 0 && w2 > 0 && w3 > 0 && w4 > 0 && w5 > 0)) return null;
  if (!(q2 > q0) || !(w3 > Math.min(w1, w5)) || !(q4 > q1) || !(q5 > q3)) return null;
  const confidence = (1 - w2 / w1 + unit((q4 - q1) / w1) + unit(w3 / Math.max(w1, w5))) / 3;
  return {
    direction,
    points: [
      zigzag.price(5),
      zigzag.price(4),
      zigzag.price(3),
      zigzag.price(2),
      zigzag.price(1),
      zigzag.price(0),
    ],
    waves: [w1, w2, w3, w4, w5],
    confidence,
  };
}

/**
 * Waves 1 and 2 ending at the latest pivot, or null: P0, P1, P2 the three latest pivots (P2 a swing low for
 * s = +1, a swing high for s = −1), wave 1 = q1 − q0 > 0, wave 2 = q1 − q2 > 0, and wave 2 retraces at
 * least `minRetracement` of wave 1 but less than all of it (q2 > q0: hard rule 1).
 */
export function wave2EndingAtLatest(zigzag: Zigzag, minRetracement: number): Wave2Count | null {
  if (zigzag.length < 3) return null;
  const direction: 1 | -1 = zigzag.isHigh(0) ? -1 : 1;
  const q0 = direction * zigzag.price(2);
  const q1 = direction * zigzag.price(1);
  const q2 = direction * zigzag.price(0);
  const w1 = q1 - q0;
  const w2 = q1 - q2;
  if (!(w1 > 0 && w2 > 0 && q2 > q0)) return null;
  const retracement = w2 / w1;
  if (retracement < minRetracement) return null;
  return {
    direction,
    points: [zigzag.price(2), zigzag.price(1), zigzag.price(0)],
    retracement,
    confidence: 1 - retracement,
  };
}
