/**
 * Wilder's true range: the largest of high − low, |high − previous close| and |low − previous close|
 * (TA-Lib TRANGE). It needs a previous close, so it is undefined on a series' first bar.
 */
export function trueRange(high: number, low: number, previousClose: number): number {
  let range = high - low;
  const up = Math.abs(high - previousClose);
  if (up > range) range = up;
  const down = Math.abs(low - previousClose);
  if (down > range) range = down;
  return range;
}
