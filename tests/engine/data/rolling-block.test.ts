import { describe, expect, it } from 'vitest';
import { recount, recountTogether, RING } from '../../../src-main/engine/data/rolling-block';

// recountTogether must give bit for bit what recount gives one series at a time (the pinned outputs
// depend on it): compared on the raw bits of the resulting state, for groups of one to five series.
const WINDOW = 7;
const STRIDE = RING + WINDOW;

function filled(series: number): Float64Array {
  const data = new Float64Array(series * STRIDE);
  for (let s = 0; s < series; s++)
    for (let k = 0; k < WINDOW; k++)
      data[s * STRIDE + RING + k] = 1000 + Math.sin(7 * s + k) * 1e-3 * (s + 1);
  return data;
}

describe('recountTogether', () => {
  it.each([1, 2, 3, 4, 5])('matches recount one by one, bit for bit, for %i series', (series) => {
    const alone = filled(series);
    const together = filled(series);
    const blocks = new Int32Array(series);
    const newest = new Int32Array(series);
    for (let s = 0; s < series; s++) {
      blocks[s] = s * STRIDE;
      newest[s] = s * STRIDE + RING + ((s * 3) % WINDOW);
      recount(alone, blocks[s]!, WINDOW, newest[s]!);
    }
    recountTogether(together, WINDOW, blocks, newest, series);
    expect(new Uint8Array(together.buffer)).toEqual(new Uint8Array(alone.buffer));
    expect(alone[2]).toBeGreaterThan(0); // Σ (x − mean)² was computed, not left at 0
  });
});
