// Growth of the per-instrument typed arrays when instruments are listed during a run. Doubling keeps an
// addition amortised O(1): n additions copy fewer than 2n elements in all.

/** The capacity to grow to so that `needed` slots fit: at least double the current one, and at least 8. */
export function grownCapacity(current: number, needed: number): number {
  return Math.max(needed, 2 * current, 8);
}

/** A copy of `array` with `length` elements, the new ones set to `fill`. */
export function grownFloat64(array: Float64Array, length: number, fill = 0): Float64Array {
  const grown = new Float64Array(length);
  grown.set(array);
  if (fill !== 0) grown.fill(fill, array.length);
  return grown;
}

/** A copy of `array` with `length` elements, the new ones 0. */
export function grownInt32(array: Int32Array, length: number): Int32Array {
  const grown = new Int32Array(length);
  grown.set(array);
  return grown;
}

/** A copy of `array` with `length` elements, the new ones 0. */
export function grownUint8(array: Uint8Array, length: number): Uint8Array {
  const grown = new Uint8Array(length);
  grown.set(array);
  return grown;
}
