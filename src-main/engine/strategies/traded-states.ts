import type { AssetClass, InstrumentId, InstrumentSpec } from '../../../src-shared/domain/market';
import { SlotMemo } from '../slot-memo';

/**
 * The per-instrument states of a strategy that trades some asset classes, shared by both strategy frames.
 * An instrument's state is made on its first bar (null when its class is not traded) and then found by its
 * position in the slice (see SlotMemo), the Map read only when the slice's composition changes. An
 * instrument without details in the snapshot yet is looked up again on its next bar (it may be listed later).
 */
export class TradedStates<State> {
  private readonly states = new Map<InstrumentId, State | null>();
  private readonly byPosition = new SlotMemo<State | null>();

  constructor(
    private readonly classes: ReadonlySet<AssetClass>,
    /** Makes the state of a newly seen instrument of a traded class (called once per instrument). */
    private readonly create: (spec: InstrumentSpec) => State,
  ) {}

  /** The state of the instrument whose bar is at `position`; null when it is not traded (or not listed yet). */
  of(
    position: number,
    instrument: InstrumentId,
    instruments: ReadonlyMap<InstrumentId, InstrumentSpec>,
  ): State | null {
    const remembered = this.byPosition.at(position, instrument);
    if (remembered !== undefined) return remembered;
    let state = this.states.get(instrument);
    if (state === undefined) {
      const spec = instruments.get(instrument);
      if (spec === undefined) return null;
      state = this.classes.has(spec.assetClass) ? this.create(spec) : null;
      this.states.set(instrument, state);
    }
    this.byPosition.remember(position, instrument, state);
    return state;
  }
}
