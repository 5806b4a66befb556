import type { MarketSlice } from '../../src-shared/domain/market';

/**
 * Steps of market history an engine built from the database (at start, or after a rolled-back commit) is
 * warmed up with (Engine.warmUp): enough for every strategy's window, the ensemble's allocation and
 * correlation windows and most of the Kelly history at default settings, for about 0.5 s of work at start
 * (17 instruments). Older history is not replayed.
 */
export const WARM_UP_STEPS = 5_000;

/**
 * The slices committed lately, oldest first: the last `WARM_UP_STEPS`, and at least those within the last
 * checkpoint interval of engine time. An engine rebuilt from the database replays those after the latest
 * checkpoint onto the restored portfolio and breaker (see restoreState), so it shows the marks and the
 * breaker of the last commit, and warms up on all of them.
 */
export class CommittedSlices {
  private kept: MarketSlice[] = [];

  constructor(
    private readonly intervalMs: number,
    private readonly capacity = WARM_UP_STEPS,
  ) {}

  /** Adds the slices of a committed batch; `engineTime` is the engine's time after it. */
  add(slices: readonly MarketSlice[], engineTime: number): void {
    for (const slice of slices) this.kept.push(slice);
    const oldest = engineTime - this.intervalMs;
    let stale = 0;
    while (this.kept.length - stale > this.capacity && this.kept[stale]!.time < oldest) stale += 1;
    if (stale > 0) this.kept.splice(0, stale);
  }

  get slices(): readonly MarketSlice[] {
    return this.kept;
  }
}
