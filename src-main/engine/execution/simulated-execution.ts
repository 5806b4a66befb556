import type { Bar, InstrumentSpec, MarketSlice } from '../../../src-shared/domain/market';
import type { ExecutionEngine, Fill, OrderRequest } from '../ports';
import type { Rng } from '../rng';
import type { ExecutionConfig } from './config';
import { InstrumentSlots } from './instrument-slots';
import { MarketState, type Microstructure } from './market-state';
import { acceptOrder, type SimulatedOrder } from './order-checks';

export type { SimulatedOrder } from './order-checks';
import { OrderBooks, type WalkResult } from './order-book';
import { computeSlippage, emptyBreakdown, type SlippageBreakdown } from './slippage';
import { makerPrice, marketable, takerPrice, tradedThroughShare, triggerPrice } from './fill-rules';
import { recordFill, type OrderRecord } from './order-record';
import { instrumentProblem } from './venue';

/**
 * The execution simulator behind the ExecutionEngine port (rules in docs/EXECUTION.md). An order submitted
 * at step t is worked from the next slice holding a bar of its instrument, at most one fill per order per
 * bar, orders in submission order:
 * - market: taker at the open ± slippage (bar mode) or walking the book around the open (book mode);
 * - limit: taker if marketable at the open on arrival (price capped at the limit); otherwise it rests and
 *   fills as maker at min(open, limit) for a buy once the bar trades through the limit (low < limit);
 * - stop: triggers when the bar reaches the stop (high ≥ stop for a buy), then is a market order from
 *   max(open, stop); stop-limit: on trigger a limit, taker if the trigger price is within the limit,
 *   otherwise resting from the next bar. Sells mirror.
 * Our fills on an instrument in a bar take at most maxParticipation of its volume; a resting limit only the
 * share of the range beyond its limit. ioc: whatever did not fill on the first bar is cancelled; gtc: the
 * remainder keeps working. Commission = qty × price × the venue's maker or taker fee. Instruments listed
 * during the run join through addInstrument; adding one changes nothing for the others.
 */
export class SimulatedExecution implements ExecutionEngine {
  private records: OrderRecord[] = [];
  private nextId: number;
  private stamp = 0;
  private readonly slots: InstrumentSlots;
  private readonly state: MarketState;
  private readonly books: OrderBooks;
  private sliceIndexes = new Int32Array(16);
  private readonly slip: SlippageBreakdown = emptyBreakdown();
  private readonly walked: WalkResult = { lots: 0, notional: 0, price: 0 };

  constructor(
    private readonly config: ExecutionConfig,
    instruments: readonly InstrumentSpec[],
    private readonly rng: Rng,
    firstOrderId = 1,
  ) {
    this.nextId = firstOrderId;
    this.slots = new InstrumentSlots(instruments);
    this.state = new MarketState(
      instruments.map((i) => i.assetClass),
      config.book,
      config.timeOfDay,
    );
    const { randomMin, randomMax } = config.slippage;
    this.books = new OrderBooks(instruments.length, config.book, rng, randomMin, randomMax);
  }

  /**
   * Makes an instrument listed after the start tradable from the next slice on, with no market history
   * (like a known instrument before its first bar); a no-op for an id already known. A spec with a bad grid
   * or fees is refused with a RangeError naming the field. Draws nothing from the Rng.
   */
  addInstrument(spec: InstrumentSpec): void {
    const problem = instrumentProblem(spec);
    if (problem !== null) throw new RangeError(problem);
    if (this.slots.index(spec.id) !== undefined) return;
    this.slots.add(spec);
    this.state.add(spec.assetClass);
    this.books.ensureCapacity(this.slots.count);
  }

  /** Accepts an order (a RangeError naming the field when it is malformed); it is worked from the next slice. */
  submit(request: OrderRequest, time: number): SimulatedOrder {
    const index = this.slots.index(request.instrument);
    if (index === undefined)
      throw new RangeError(
        `order for unknown instrument "${request.instrument}": not among the feed's instruments`,
      );
    const { spec, tick, lot } = this.slots.venues[index]!;
    const order = acceptOrder(request, time, this.nextId, spec, tick, lot);
    this.nextId += 1;
    this.records.push({
      order,
      index,
      qtyLots: Math.round(request.qty / spec.lotSize),
      filledLots: 0,
      barsWorked: 0,
    });
    return order;
  }

  cancel(orderId: number): SimulatedOrder | null {
    const at = this.records.findIndex((r) => r.order.id === orderId);
    return at < 0 ? null : this.records.splice(at, 1)[0]!.order;
  }

  cancelAll(): SimulatedOrder[] {
    const cancelled = this.records.map((r) => r.order);
    this.records = [];
    return cancelled;
  }

  workingOrders(): readonly SimulatedOrder[] {
    return this.records.map((r) => r.order);
  }

  /** The microstructure figures of an instrument after its latest bar (null before its first bar). */
  microstructure(instrument: string): Microstructure | null {
    const index = this.slots.index(instrument);
    return index === undefined ? null : this.state.describe(index);
  }

  onSlice(slice: MarketSlice): Fill[] {
    const stamp = ++this.stamp;
    const bars = slice.bars;
    if (this.sliceIndexes.length < bars.length) this.sliceIndexes = new Int32Array(2 * bars.length);
    for (let b = 0; b < bars.length; b++) {
      const bar = bars[b]!;
      const index = this.slots.index(bar.instrument) ?? -1;
      this.sliceIndexes[b] = index;
      if (index >= 0) {
        this.slots.barOf[index] = bar;
        this.slots.barStamp[index] = stamp;
      }
    }
    const fills: Fill[] = [];
    if (this.records.length > 0) this.workOrders(slice.time, stamp, fills);
    for (let b = 0; b < bars.length; b++) {
      const index = this.sliceIndexes[b]!;
      if (index >= 0) this.state.update(index, bars[b]!);
    }
    return fills;
  }

  private workOrders(time: number, stamp: number, fills: Fill[]): void {
    const records = this.records;
    const slots = this.slots;
    let kept = 0;
    for (let r = 0; r < records.length; r++) {
      const record = records[r]!;
      const bar = slots.barOf[record.index];
      if (slots.barStamp[record.index] !== stamp || !bar || !(record.order.submittedAt < time)) {
        records[kept++] = record;
        continue;
      }
      this.prepareContext(record.index, bar, stamp);
      this.work(record, bar, stamp, fills);
      record.barsWorked += 1;
      const done = record.filledLots >= record.qtyLots || record.order.timeInForce === 'ioc';
      if (!done) records[kept++] = record;
    }
    if (kept < records.length) records.length = kept;
  }

  /** Per instrument and bar, once: σ, the time-of-day spread multiplier, and (book mode) the book's shape. */
  private prepareContext(index: number, bar: Bar, stamp: number): void {
    const slots = this.slots;
    if (slots.contextStamp[index] === stamp) return;
    slots.contextStamp[index] = stamp;
    this.state.timeOfDayFor(index, bar);
    const sigma = this.state.sigma(bar);
    const spreadMultiplier = this.state.hourSpread;
    slots.sigma[index] = sigma;
    slots.spreadMultiplier[index] = spreadMultiplier;
    slots.executed[index] = 0;
    if (this.config.mode === 'book') {
      const liquidity = this.state.liquidity(index, bar, sigma);
      const spread = this.state.spread(spreadMultiplier, sigma, liquidity);
      this.books.prepare(index, spread, this.state.imbalanceOf(index), bar.volume, sigma);
    }
  }

  private work(record: OrderRecord, bar: Bar, stamp: number, fills: Fill[]): void {
    const order = record.order;
    const limit = order.limitPrice ?? (order.side === 'buy' ? Infinity : -Infinity);
    if (order.type === 'market' || (order.type === 'stop' && order.triggered)) {
      this.take(record, bar, bar.open, limit, stamp, fills);
    } else if (order.type === 'limit' || order.triggered) {
      // A limit is a taker only if marketable when it arrives; an ioc limit never rests.
      const arriving = order.type === 'limit' && record.barsWorked === 0;
      if (arriving && marketable(order.side, bar.open, limit)) {
        if (this.take(record, bar, bar.open, limit, stamp, fills)) return;
      }
      if (order.timeInForce === 'gtc') this.rest(record, bar, limit, fills);
    } else {
      const trigger = triggerPrice(order.side, order.stopPrice!, bar);
      if (Number.isNaN(trigger)) return;
      order.triggered = true;
      // A stop-limit triggered beyond its limit rests from the next bar: the path after the trigger is unknown.
      if (marketable(order.side, trigger, limit)) this.take(record, bar, trigger, limit, stamp, fills);
    }
  }

  /** Lots our fills may still take on this bar: maxParticipation × volume × share, less what we executed. */
  private participationLots(index: number, bar: Bar, share: number): number {
    const cap = this.config.maxParticipation * bar.volume;
    const room = Math.min(cap * share, cap - this.slots.executed[index]!);
    return room > 0 ? this.slots.venues[index]!.lot.floorSteps(room) : 0;
  }

  /** A taker fill from `reference` (open or trigger price), no worse than `limit`. Returns whether it filled. */
  private take(
    record: OrderRecord,
    bar: Bar,
    reference: number,
    limit: number,
    stamp: number,
    fills: Fill[],
  ): boolean {
    const { index, order } = record;
    const slots = this.slots;
    const { tick, lot } = slots.venues[index]!;
    const maxLots = Math.min(record.qtyLots - record.filledLots, this.participationLots(index, bar, 1));
    if (maxLots <= 0) return false;
    let lots = maxLots;
    let price: number;
    if (this.config.mode === 'book') {
      const walked = this.books.walk(
        index,
        stamp,
        order.side,
        reference,
        limit,
        maxLots,
        bar,
        tick,
        lot,
        this.walked,
      );
      if (walked.lots <= 0) return false;
      lots = walked.lots;
      price = walked.price;
      slots.executed[index] = slots.executed[index]! + lot.value(lots);
    } else {
      const qty = lot.value(lots);
      const executedInBar = slots.executed[index]! + qty;
      slots.executed[index] = executedInBar;
      const slip = computeSlippage(
        this.config.slippage,
        {
          qty,
          volume: bar.volume,
          executedInBar,
          sigma: slots.sigma[index]!,
          spreadMultiplier: slots.spreadMultiplier[index]!,
        },
        this.rng,
        this.slip,
      );
      price = takerPrice(order.side, reference, slip.total, limit, bar, tick);
    }
    fills.push(recordFill(record, slots.venues[index]!, bar, lots, price, 'taker'));
    return true;
  }

  /** A resting limit's maker fill, when the bar traded through it, on the share of volume beyond it. */
  private rest(record: OrderRecord, bar: Bar, limit: number, fills: Fill[]): void {
    const side = record.order.side;
    const share = tradedThroughShare(side, limit, bar);
    if (share <= 0) return;
    const lots = Math.min(
      record.qtyLots - record.filledLots,
      this.participationLots(record.index, bar, share),
    );
    if (lots <= 0) return;
    const { executed, venues } = this.slots;
    executed[record.index] = executed[record.index]! + venues[record.index]!.lot.value(lots);
    // Only an order that rested before this bar can be gapped through at the open; one placed at this
    // bar's open sits at its limit, held within the bar's range (a buy limit above the high gets the high).
    const price =
      record.barsWorked > 0 ? makerPrice(side, limit, bar) : Math.min(Math.max(limit, bar.low), bar.high);
    fills.push(recordFill(record, venues[record.index]!, bar, lots, price, 'maker'));
  }
}
