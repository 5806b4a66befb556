/**
 * Wilder's true range: the largest of high − low, |high − previous close| and |low − previous close|
 * (TA-Lib TRANGE). It needs a previous close, so it is NaN on a series' first bar. Atr and Dmi write the
 * same expression inline: a double returned from a call V8 does not inline is boxed (an allocation).
 */
export function trueRange(high: number, low: number, previousClose: number): number {
  return Math.max(high - low, Math.abs(high - previousClose), Math.abs(low - previousClose));
}
