/**
 * Drawdown from the peak as a fraction in [0, 1]. Computed as (peak − equity) / peak: 1 − equity / peak
 * gives 0.0999… for an exact 10 % loss.
 */
export function drawdownFrom(peak: number, equity: number): number {
  if (peak <= 0) return 0;
  return Math.min(1, Math.max(0, (peak - equity) / peak));
}
