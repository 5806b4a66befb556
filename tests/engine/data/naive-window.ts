/**
 * The definition, computed directly over the window (O(window) per value), as the reference the O(1)
 * implementations are held to: mean, sample σ (n − 1) and z of the newest value. Values are shifted by the
 * window's first element before summing (an exact identity) so the reference itself stays accurate.
 */
export function naiveWindow(
  values: ArrayLike<number>,
  end: number,
  window: number,
): { mean: number; std: number; z: number } {
  const start = Math.max(0, end - window);
  const n = end - start;
  const shift = values[start]!;
  let sum = 0;
  for (let i = start; i < end; i++) sum += values[i]! - shift;
  const shiftedMean = sum / n;
  let squares = 0;
  for (let i = start; i < end; i++) squares += (values[i]! - shift - shiftedMean) ** 2;
  const std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  const newest = values[end - 1]! - shift - shiftedMean;
  return { mean: shift + shiftedMean, std, z: std === 0 ? 0 : newest / std };
}
