import type { MarketSlice } from '../../src-shared/domain/market';

/**
 * The slices committed within the last checkpoint interval of engine time: the engine rebuilt from the
 * database after a rollback replays those after the latest checkpoint (see restoreState), so it shows the
 * marks and the breaker of the last commit. A step at engine time t has checkpointed after t − interval, so
 * older slices are never needed and are dropped.
 */
export class CommittedSlices {
  private kept: MarketSlice[] = [];

  constructor(private readonly intervalMs: number) {}

  /** Adds the slices of a committed batch; `engineTime` is the engine's time after it. */
  add(slices: readonly MarketSlice[], engineTime: number): void {
    for (const slice of slices) this.kept.push(slice);
    const oldest = engineTime - this.intervalMs;
    let stale = 0;
    while (stale < this.kept.length && this.kept[stale]!.time < oldest) stale += 1;
    if (stale > 0) this.kept.splice(0, stale);
  }

  get slices(): readonly MarketSlice[] {
    return this.kept;
  }
}
