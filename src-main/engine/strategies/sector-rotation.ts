import type { z } from 'zod';
import type { InstrumentId, InstrumentSpec } from '../../../src-shared/domain/market';
import type { Signal, SignalAction } from '../../../src-shared/domain/strategy';
import { SectorRotationParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-b';
import { RingBuffer } from '../indicators';
import type { MarketSnapshot, StrategyDecision } from '../ports';
import type { StrategyDefinition, StrategyLogic } from './definition';
import { fmt, standingSignal, unit } from './base-b-support';
import { DecisionMemo } from './decision-memo';

type Params = z.output<typeof SectorRotationParamsSchema>;

interface Sector {
  id: InstrumentId;
  /** The last lookback + 1 closes. */
  closes: RingBuffer;
  momentum: number;
  /** Its signal since the last rebalance. */
  signal: Signal;
  /** The count of steps with a sector bar when it last had a bar (0: never). */
  lastStep: number;
}

/**
 * Cross-sectional sector momentum. The sectors are every instrument of asset class `sector`; a sector's
 * momentum is close / close `lookback` bars earlier − 1.
 * - Every `rebalanceBars` steps (counted over steps with a sector bar; the first rebalance once 2k sectors
 *   have lookback + 1 closes), rank the warm sectors by momentum, highest first (ties by id), and compute
 *   the cross-sectional z = (momentum − mean) / σ (population σ over the ranked sectors).
 * - Top k: buy, confidence min(1, z / fullConfidenceZ); bottom k: sell with confidence min(1, −z /
 *   fullConfidenceZ), or hold when bottomAction is hold; the rest hold. A top sector not above the mean
 *   (z ≤ 0), or a bottom one not below it, holds instead. With no dispersion (σ = 0) every sector holds.
 * - Between rebalances the last allocation stands (one signal per ranked sector every step).
 * - A sector without a bar over the last `rebalanceBars` counted steps is stale: it is left out of the
 *   ranking (and of the 2k needed) and holds, so a sector whose data stopped is not traded on an old price.
 * Abstains with no sectors, with fewer than 2k sectors, and while fewer than 2k are warm.
 */
class SectorRotation implements StrategyLogic {
  private readonly sectors: Sector[] = [];
  private readonly byId = new Map<InstrumentId, Sector>();
  /** Sectors in the last ranking (what the signals cover). */
  private ranked: Sector[] = [];
  private lookedUpAt = -1;
  private steps = 0;
  private lastRebalance = -1;
  /** This step's signals; an unchanged abstention (or the same signals) reuses the previous decision. */
  private readonly decisions = new DecisionMemo();

  /** The hold reason of a stale sector. */
  private readonly staleReason: string;

  constructor(private readonly params: Params) {
    this.staleReason = `no bar in the last ${params.rebalanceBars} sector steps: not ranked`;
  }

  evaluate(snapshot: MarketSnapshot): StrategyDecision {
    if (this.lookedUpAt !== snapshot.instruments.size) this.lookUp(snapshot.instruments);
    const needed = 2 * this.params.k;
    if (this.sectors.length === 0) return this.abstain('no instruments of asset class sector');
    if (this.sectors.length < needed) {
      return this.abstain(
        `ranks the top and bottom ${this.params.k} sectors: needs at least ${needed}, found ${this.sectors.length}`,
      );
    }
    let sawSector = false;
    for (const bar of snapshot.slice.bars) {
      const sector = this.byId.get(bar.instrument);
      if (sector === undefined) continue;
      sector.closes.push(bar.close);
      sector.lastStep = this.steps + 1;
      sawSector = true;
    }
    if (sawSector) this.steps += 1;
    if (this.lastRebalance < 0 || this.steps - this.lastRebalance >= this.params.rebalanceBars) {
      const warming = this.rebalance();
      if (warming !== null) return this.abstain(warming);
    }
    // The ranked sectors' signals are the same objects until the next rebalance: so is the decision.
    const decisions = this.decisions;
    decisions.begin();
    for (const s of this.ranked) decisions.add(s.signal);
    return decisions.size > 0 ? decisions.end('') : { signals: [], abstain: null };
  }

  /** The decision of a step without signals (the previous one while the reason is unchanged). */
  private abstain(reason: string): StrategyDecision {
    this.decisions.begin();
    return this.decisions.end(reason);
  }

  /** Ranks the warm sectors and sets their actions; returns a warming-up reason when too few are warm. */
  private rebalance(): string | null {
    const { k, lookback, rebalanceBars } = this.params;
    const warm: Sector[] = [];
    const stale: Sector[] = [];
    for (const s of this.sectors) {
      if (this.steps - s.lastStep >= rebalanceBars && s.lastStep > 0) {
        stale.push(s);
        continue;
      }
      if (!s.closes.full) continue;
      s.momentum = s.closes.fromNewest(0) / s.closes.oldest - 1;
      if (Number.isFinite(s.momentum)) warm.push(s);
    }
    if (warm.length < 2 * k && stale.length > 0) {
      return `${warm.length} sectors with recent bars, needs ${2 * k} (${stale[0]!.id}: ${this.staleReason})`;
    }
    if (warm.length < 2 * k) {
      const cold = this.sectors.find((s) => !s.closes.full);
      const detail = cold ? ` (${cold.id} ${cold.closes.length}/${lookback + 1} bars)` : '';
      return `warming up: ${warm.length}/${2 * k} sectors ready${detail}`;
    }
    let sum = 0;
    for (const s of warm) sum += s.momentum;
    const mean = sum / warm.length;
    let squares = 0;
    for (const s of warm) squares += (s.momentum - mean) ** 2;
    const sigma = Math.sqrt(squares / warm.length);
    warm.sort((a, b) => b.momentum - a.momentum || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    warm.forEach((s, rank) =>
      this.allocate(s, rank, warm.length, sigma > 0 ? (s.momentum - mean) / sigma : 0, sigma),
    );
    for (const s of stale) {
      if (s.signal.reason !== this.staleReason) s.signal = standingSignal(s.id, 'hold', 0, this.staleReason);
    }
    this.ranked = stale.length > 0 ? [...warm, ...stale] : warm;
    this.lastRebalance = this.steps;
    return null;
  }

  /** Sets a ranked sector's signal (see the class comment). */
  private allocate(s: Sector, rank: number, count: number, z: number, sigma: number): void {
    const { k, lookback, bottomAction, fullConfidenceZ } = this.params;
    const stats = `momentum ${fmt(s.momentum * 100)} % over ${lookback} bars, rank ${rank + 1}/${count}, z ${fmt(z)}`;
    const top = rank < k;
    const bottom = rank >= count - k;
    let action: SignalAction = 'hold';
    let confidence = 0;
    let reason = stats;
    if (sigma === 0) {
      reason = `${stats}: no dispersion between sectors`;
    } else if (top) {
      if (z > 0) {
        action = 'buy';
        confidence = unit(z / fullConfidenceZ);
        reason = `${stats}: top ${k}`;
      } else reason = `${stats}: top ${k} but not above the mean`;
    } else if (bottom) {
      if (z >= 0) reason = `${stats}: bottom ${k} but not below the mean`;
      else if (bottomAction === 'hold') reason = `${stats}: bottom ${k}, held flat`;
      else {
        action = 'sell';
        confidence = unit(-z / fullConfidenceZ);
        reason = `${stats}: bottom ${k}`;
      }
    }
    s.signal = standingSignal(s.id, action, confidence, reason);
  }

  private lookUp(instruments: ReadonlyMap<InstrumentId, InstrumentSpec>): void {
    this.lookedUpAt = instruments.size;
    for (const spec of instruments.values()) {
      if (spec.assetClass !== 'sector' || this.byId.has(spec.id)) continue;
      const sector: Sector = {
        id: spec.id,
        closes: new RingBuffer(this.params.lookback + 1),
        momentum: NaN,
        signal: standingSignal(spec.id, 'hold', 0, 'not ranked yet'),
        lastStep: 0,
      };
      this.sectors.push(sector);
      this.byId.set(spec.id, sector);
    }
  }
}

/** Cross-sectional sector momentum; the exact rule is on SectorRotation above. */
export const sectorRotation: StrategyDefinition<typeof SectorRotationParamsSchema> = {
  id: 'sector-rotation',
  name: 'Sector Rotation',
  category: 'base',
  rule: 'Every N bars rank the sectors by momentum over the lookback: buy the top k, sell (or hold flat) the bottom k, hold the rest.',
  needs: ['sectors'],
  params: SectorRotationParamsSchema,
  create: (params) => new SectorRotation(params),
};
