import type { Rng } from '../../engine/rng';
import type { MarketSettings, Regime } from '../../../src-shared/settings/sections/market';

/**
 * The regime of each bar.
 *
 * Scenarios (bar indices count from 0; bar 0 closes one interval after the start time):
 * - `markov`: bar 0 is in `regimes.initial`; before each later bar the regime moves along one row of
 *   `regimes.transitions`, drawn from the seeded regime stream. A trend, when it begins, points up with
 *   probability `trendUpProbability`, else down. The path depends on the seed.
 * - `calm`: every bar is `range` (low volatility, pull toward the starting prices). Same path for any seed.
 * - `trending`: every bar is `trend`, pointing up. Same path for any seed.
 * - `crash`: bars [0, startBar) are `range`; bars [startBar, startBar + durationBars) are `crisis` with the
 *   crisis regime's volatility, jumps, correlation and liquidations, but with the drift replaced by a fixed
 *   log drift of ln(1 − depth) / durationBars per bar for every equity (× cryptoMultiplier for crypto),
 *   so the equities' median path loses `depth` over the crash; every later bar is `range` (anchored at the
 *   post-crash prices). Same path for any seed; only the noise around it changes.
 */
export class RegimePath {
  /** Regime of the current bar. */
  regime: Regime;
  /** +1 or −1: the direction of a trend (meaningful in `trend`). */
  direction: 1 | -1 = 1;
  /** Log drift per bar forced on equities by the crash scenario (0 when none). */
  crashDrift = 0;
  /** True when the current bar's regime differs from the previous bar's (and on bar 0). */
  changed = true;
  private bar = -1;

  constructor(
    private readonly settings: MarketSettings,
    private readonly rng: Rng,
  ) {
    const { scenario } = settings;
    this.regime =
      scenario === 'markov' ? settings.regimes.initial : scenario === 'trending' ? 'trend' : 'range';
  }

  /** Moves to the next bar. Call once per bar, in order. */
  advance(): void {
    this.bar += 1;
    const previous = this.regime;
    const { scenario } = this.settings;
    this.crashDrift = 0;
    if (scenario === 'markov') this.stepMarkov();
    else if (scenario === 'calm') this.regime = 'range';
    else if (scenario === 'trending') {
      this.regime = 'trend';
      this.direction = 1;
    } else this.stepCrash();
    this.changed = this.bar === 0 || previous !== this.regime;
  }

  private stepMarkov(): void {
    const { regimes } = this.settings;
    const before = this.regime;
    if (this.bar > 0) {
      const row = regimes.transitions[before];
      const u = this.rng.next();
      this.regime = u < row.trend ? 'trend' : u < row.trend + row.range ? 'range' : 'crisis';
    }
    const entersTrend = this.regime === 'trend' && (this.bar === 0 || before !== 'trend');
    if (entersTrend) this.direction = this.rng.next() < regimes.trendUpProbability ? 1 : -1;
  }

  private stepCrash(): void {
    const { startBar, durationBars, depth } = this.settings.scenarios.crash;
    if (this.bar >= startBar && this.bar < startBar + durationBars) {
      this.regime = 'crisis';
      this.crashDrift = Math.log(1 - depth) / durationBars;
    } else this.regime = 'range';
  }
}
