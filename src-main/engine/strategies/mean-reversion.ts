import type { z } from 'zod';
import type { Bar } from '../../../src-shared/domain/market';
import { MeanReversionParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-a';
import { ZScore } from '../indicators';
import type { StrategyDefinition } from './definition';
import { PerInstrumentLogic, warmingUp, type Verdict } from './base-a/per-instrument';

type Params = z.output<typeof MeanReversionParamsSchema>;

interface State {
  readonly z: ZScore;
  /** +1 long, −1 short, 0 flat. */
  position: number;
  /** Why the position was taken (kept while it lasts). */
  reason: string;
}

/**
 * Mean reversion on the z-score of the close: z = (close − mean) / σ over the last `period` closes, the
 * current one included (population σ; z = 0 on a flat window). Flat: buy when z < −entryZ, sell when
 * z > +entryZ, otherwise hold. Long: stay long until z ≥ −exitZ (back near the mean: hold), or sell at once
 * when z > +entryZ; short mirrors it. Confidence = min(1, |z| / (2·entryZ)): ½ at the entry threshold,
 * shrinking as the price returns to the mean. Abstains for the first `period − 1` bars of an instrument.
 * Reasons are formatted only when the position changes (number formatting costs more than the rule).
 */
class MeanReversion extends PerInstrumentLogic<State> {
  private readonly flatReason: string;

  constructor(private readonly params: Params) {
    super(params.assetClasses);
    this.flatReason = `close within ±${params.entryZ} σ of its ${params.period}-bar mean: no position`;
  }

  protected createState(): State {
    return { z: new ZScore(this.params.period), position: 0, reason: '' };
  }

  protected step(state: State, bar: Bar): Verdict {
    const z = state.z.update(bar.close);
    if (!state.z.ready) return warmingUp(state.z.stdDev.moments.count, this.params.period);
    const { entryZ, exitZ, period } = this.params;
    const previous = state.position;
    if (z > entryZ) state.position = -1;
    else if (z < -entryZ) state.position = 1;
    else if (state.position === 1 && z >= -exitZ) state.position = 0;
    else if (state.position === -1 && z <= exitZ) state.position = 0;
    if (state.position === 0) {
      const reason =
        previous === 0
          ? this.flatReason
          : `close z ${z.toFixed(2)}: back within ±${exitZ} σ, position closed`;
      return this.signal(bar.instrument, 'hold', 0, reason);
    }
    if (state.position !== previous) {
      state.reason = `close z ${z.toFixed(2)} ${z < 0 ? 'below −' : 'above +'}${entryZ} σ of its ${period}-bar mean`;
    }
    const action = state.position > 0 ? 'buy' : 'sell';
    return this.signal(bar.instrument, action, Math.abs(z) / (2 * entryZ), state.reason);
  }
}

export const meanReversion: StrategyDefinition<typeof MeanReversionParamsSchema> = {
  id: 'mean-reversion',
  name: 'Mean Reversion',
  category: 'base',
  rule: 'Buy when the close is more than entryZ rolling σ below its rolling mean, sell when as far above; close the position back within exitZ σ of the mean.',
  needs: ['ohlcv'],
  params: MeanReversionParamsSchema,
  create: (params) => new MeanReversion(params),
};
