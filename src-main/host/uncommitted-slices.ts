import type { MarketSlice } from '../../src-shared/domain/market';
import type { MarketFeed } from '../engine/ports';

/**
 * The feed as the host reads it: slices taken from the feed but not committed come back first, in order
 * (a whole batch whose commit failed on storage, the steps of a batch before a loop failure, the first
 * slice after a retry delay), so no bar is skipped; then the feed itself.
 */
export class UncommittedSlices {
  private pending: MarketSlice[] = [];
  private at = 0;
  /** An error the feed threw while read ahead (peekTime): thrown by the `next()` that would have read it. */
  private failure: { error: unknown } | null = null;

  constructor(private readonly feed: MarketFeed) {}

  /** The next slice to step: an uncommitted one, else the feed's next (null when the feed is done). */
  next(): MarketSlice | null {
    const slice = this.pending[this.at];
    if (slice) {
      this.at += 1;
      return slice;
    }
    if (this.pending.length > 0) {
      this.pending = [];
      this.at = 0;
    }
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      throw error;
    }
    return this.feed.next();
  }

  /**
   * The time of the slice `next()` gives next (read ahead from the feed, it stays next), or null when there
   * is none now. A failure of the feed is kept for that `next()`, so it comes where the read would have.
   */
  peekTime(): number | null {
    const waiting = this.pending[this.at];
    if (waiting) return waiting.time;
    if (this.failure) return null;
    let slice: MarketSlice | null;
    try {
      slice = this.feed.next();
    } catch (error) {
      this.failure = { error };
      return null;
    }
    if (!slice) return null;
    this.pending = [slice];
    this.at = 0;
    return slice.time;
  }

  /** Puts slices taken but not committed back in front, before any still waiting. */
  requeue(slices: readonly MarketSlice[]): void {
    this.pending = [...slices, ...this.pending.slice(this.at)];
    this.at = 0;
  }
}
