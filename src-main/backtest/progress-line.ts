import type { BacktestProgress } from './options';

const BAR_WIDTH = 24;

/** Whole seconds as `m:ss` (or `h:mm:ss` from an hour). */
export function clockTime(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function amount(n: number, unit: BacktestProgress['unit']): string {
  if (unit === 'bytes') return `${(n / 1e6).toFixed(1)} MB`;
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(0)}k` : String(n);
}

/**
 * One line of the terminal progress bar: `[#########---------------]  37.5 %  3.0 MB of 8.0 MB  0:02
 * elapsed  ETA 0:03` (slices instead of MB for the synthetic market; ETA `…` until it can be estimated).
 */
export function progressLine(progress: BacktestProgress): string {
  const share = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 0;
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
  const unit = progress.unit === 'bytes' ? '' : ' slices';
  return `[${bar}] ${(share * 100).toFixed(1).padStart(5)} %  ${amount(progress.done, progress.unit)} of ${amount(progress.total, progress.unit)}${unit}  ${clockTime(progress.elapsedMs)} elapsed  ETA ${progress.etaMs === null ? '…' : clockTime(progress.etaMs)}`;
}
