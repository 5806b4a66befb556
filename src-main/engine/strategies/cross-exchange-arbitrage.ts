import type { z } from 'zod';
import { CrossExchangeArbitrageParamsSchema } from '../../../src-shared/settings/sections/strategy-params/advanced';
import type { MarketSnapshot, StrategyDecision } from '../ports';
import type { StrategyDefinition, StrategyLogic } from './definition';
import { DecisionMemo } from './decision-memo';

type Params = z.output<typeof CrossExchangeArbitrageParamsSchema>;

/** The venues quoting one symbol, with their latest closes and the strategy's open pair. */
interface VenueGroup {
  readonly symbol: string;
  readonly ids: string[];
  readonly venues: string[];
  readonly takerFees: number[];
  readonly closes: number[];
  /** The step at which each venue last had a bar (closes of one step are of one time). */
  readonly seenAt: number[];
  /** The step this group was last touched (to list it once per step). */
  touchedAt: number;
  /** Indexes of the sold (rich) and bought (cheap) venue of the open pair; −1 when flat. */
  rich: number;
  cheap: number;
  /** Confidence fixed at entry, kept while the pair is open. */
  confidence: number;
  /** Steps in a row on which the symbol had bars but a leg of the open pair had none. */
  legMissingSteps: number;
}

interface Member {
  readonly group: VenueGroup;
  readonly index: number;
}

const pct = (x: number): string => `${(x * 100).toFixed(3)} %`;

/**
 * Cross-exchange arbitrage. For each symbol quoted on two or more venues (same InstrumentSpec.symbol), on
 * a step where its venues have bars of this slice, the spread is s = close_rich / close_cheap − 1 (richest
 * over cheapest close). It opens when
 *   s > E = 2·(takerFee_rich + takerFee_cheap) + 4·slippagePerLeg + exitSpread + margin,
 * i.e. when what converging to the exit level captures pays for opening and closing both legs at market:
 * sell the rich venue, buy the cheap one, both with confidence min(1, s / (2E)) (½ at the threshold, 1 at
 * twice it), kept while the pair is open. The pair stays open (same two signals each step) while its own
 * spread close_rich / close_cheap − 1 is above exitSpread; at or below it (converged, or reversed) both
 * legs get `hold`, and on that same step a reversed spread beyond its threshold opens the opposite pair.
 * Flat, every venue gets `hold`; other venues of a symbol with a pair open get `hold` too.
 * Abstains when no symbol has two venues with bars in this slice, and says nothing for an open pair whose
 * leg has no bar this step, until `staleLegSteps` such steps in a row: then the pair is closed (the venues
 * with bars get `hold`). O(venues) per symbol per step, i.e. O(1) per bar.
 *
 * The two legs are separate signals: the ensemble votes and sizes each instrument on its own, so one leg
 * can be outvoted, sized differently or refused by risk while the other trades, leaving a directional
 * position rather than a hedged spread (docs/STRATEGIES.md states this risk).
 */
class CrossExchangeArbitrage implements StrategyLogic {
  private readonly members = new Map<string, Member | null>();
  private readonly groups = new Map<string, VenueGroup>();
  /** The groups with a bar in this step: the first `touchedCount` entries (reused, never truncated). */
  private readonly touched: VenueGroup[] = [];
  private touchedCount = 0;
  private step = 0;
  /** This step's signals; an unchanged abstention (or the same signals) reuses the previous decision. */
  private readonly decisions = new DecisionMemo();

  constructor(private readonly params: Params) {}

  evaluate(snapshot: MarketSnapshot): StrategyDecision {
    const step = ++this.step;
    const touched = this.touched;
    this.touchedCount = 0;
    for (const bar of snapshot.slice.bars) {
      const member = this.memberOf(bar.instrument, snapshot);
      if (!member) continue;
      const group = member.group;
      if (bar.settlement !== undefined && group.ids.length === 1) {
        // A settled prediction contract never trades again: forget it so the maps do not grow.
        this.members.delete(bar.instrument);
        this.groups.delete(group.symbol);
        continue;
      }
      group.closes[member.index] = bar.close;
      group.seenAt[member.index] = step;
      if (group.touchedAt !== step) {
        group.touchedAt = step;
        if (this.touchedCount < touched.length) touched[this.touchedCount] = group;
        else touched.push(group);
        this.touchedCount += 1;
      }
    }
    const decisions = this.decisions;
    decisions.begin();
    let reason = 'no symbol quoted on two venues in this slice';
    for (let i = 0; i < this.touchedCount; i++) {
      const note = this.decideGroup(touched[i]!, step, decisions);
      if (note !== null) reason = note;
    }
    return decisions.end(reason);
  }

  /** Appends the group's signals; returns why it gave none, or null. */
  private decideGroup(group: VenueGroup, step: number, decisions: DecisionMemo): string | null {
    const n = group.ids.length;
    let fresh = 0;
    for (let i = 0; i < n; i++) if (group.seenAt[i] === step) fresh += 1;
    const open = group.rich >= 0;
    const legMissing = open && (group.seenAt[group.rich] !== step || group.seenAt[group.cheap] !== step);
    if (legMissing) return this.waitForLeg(group, step, decisions);
    group.legMissingSteps = 0;
    if (fresh < 2) return null;
    const { exitSpread } = this.params;
    let exitNote = '';
    if (open) {
      const rich = group.rich;
      const cheap = group.cheap;
      const spread = group.closes[rich]! / group.closes[cheap]! - 1;
      if (spread > exitSpread) {
        this.emitPair(
          group,
          spread,
          `spread ${pct(spread)} above exit ${pct(exitSpread)}: pair kept`,
          step,
          decisions,
        );
        return null;
      }
      group.rich = -1;
      group.cheap = -1;
      exitNote = `, pair closed at spread ${pct(spread)}`;
    }
    let high = -1;
    let low = -1;
    for (let i = 0; i < n; i++) {
      if (group.seenAt[i] !== step) continue;
      if (high < 0 || group.closes[i]! > group.closes[high]!) high = i;
      if (low < 0 || group.closes[i]! < group.closes[low]!) low = i;
    }
    const spread = group.closes[high]! / group.closes[low]! - 1;
    const entry = this.entryThreshold(group.takerFees[high]!, group.takerFees[low]!);
    if (spread > entry) {
      group.rich = high;
      group.cheap = low;
      group.confidence = Math.min(1, spread / (2 * entry));
      this.emitPair(group, spread, `spread ${pct(spread)} beats entry ${pct(entry)}`, step, decisions);
      return null;
    }
    const reason = `${group.symbol} spread ${pct(spread)} within entry ${pct(entry)}${exitNote}`;
    for (let i = 0; i < n; i++) {
      if (group.seenAt[i] === step)
        decisions.add({ instrument: group.ids[i]!, action: 'hold', confidence: 0, reason });
    }
    return null;
  }

  /**
   * An open pair with a leg without a bar this step: nothing is said (a stale price is not traded) for up to
   * `staleLegSteps − 1` such steps in a row; on the `staleLegSteps`-th the pair is given up, holding the
   * venues that have bars (so a venue whose feed ended does not leave the other leg open for ever).
   */
  private waitForLeg(group: VenueGroup, step: number, decisions: DecisionMemo): string | null {
    group.legMissingSteps += 1;
    if (group.legMissingSteps < this.params.staleLegSteps)
      return `${group.symbol}: a leg of the open pair has no bar this step`;
    const stale = group.seenAt[group.rich] !== step ? group.rich : group.cheap;
    const reason =
      `${group.symbol}: no bar from ${group.venues[stale]!} for ${group.legMissingSteps} steps in a row, ` +
      'pair closed';
    group.rich = -1;
    group.cheap = -1;
    group.legMissingSteps = 0;
    for (let i = 0; i < group.ids.length; i++) {
      if (group.seenAt[i] === step)
        decisions.add({ instrument: group.ids[i]!, action: 'hold', confidence: 0, reason });
    }
    return null;
  }

  /** Round-trip costs of both legs plus the exit level and the margin. */
  private entryThreshold(richFee: number, cheapFee: number): number {
    const { slippagePerLeg, exitSpread, margin } = this.params;
    return 2 * (richFee + cheapFee) + 4 * slippagePerLeg + exitSpread + margin;
  }

  private emitPair(
    group: VenueGroup,
    spread: number,
    why: string,
    step: number,
    decisions: DecisionMemo,
  ): void {
    const { rich, cheap, confidence } = group;
    const pair = `${group.symbol} ${group.venues[rich]}/${group.venues[cheap]}`;
    for (let i = 0; i < group.ids.length; i++) {
      if (group.seenAt[i] !== step) continue;
      const instrument = group.ids[i]!;
      if (i === rich)
        decisions.add({
          instrument,
          action: 'sell',
          confidence,
          reason: `${pair} ${why}: sell the rich venue`,
        });
      else if (i === cheap)
        decisions.add({
          instrument,
          action: 'buy',
          confidence,
          reason: `${pair} ${why}: buy the cheap venue`,
        });
      else
        decisions.add({
          instrument,
          action: 'hold',
          confidence: 0,
          reason: `${pair} open at spread ${pct(spread)}: not a leg`,
        });
    }
  }

  /** The instrument's venue group (created on its first bar), or null for one without a spec. */
  private memberOf(instrument: string, snapshot: MarketSnapshot): Member | null {
    const cached = this.members.get(instrument);
    if (cached !== undefined) return cached;
    const spec = snapshot.instruments.get(instrument);
    if (!spec) return null; // not cached: the spec may be listed later
    let group = this.groups.get(spec.symbol);
    if (!group) {
      group = {
        symbol: spec.symbol,
        ids: [],
        venues: [],
        takerFees: [],
        closes: [],
        seenAt: [],
        touchedAt: 0,
        rich: -1,
        cheap: -1,
        confidence: 0,
        legMissingSteps: 0,
      };
      this.groups.set(spec.symbol, group);
    }
    const member = { group, index: group.ids.length };
    group.ids.push(instrument);
    group.venues.push(spec.venue);
    group.takerFees.push(spec.takerFee);
    group.closes.push(NaN);
    group.seenAt.push(0);
    this.members.set(instrument, member);
    return member;
  }
}

export const crossExchangeArbitrage: StrategyDefinition<typeof CrossExchangeArbitrageParamsSchema> = {
  id: 'cross-exchange-arbitrage',
  name: 'Cross-Exchange Arbitrage',
  category: 'advanced',
  rule:
    'When one symbol’s spread between two venues beats both legs’ round-trip taker fees, slippage, the exit ' +
    'level and a margin, sell the rich venue and buy the cheap one until the spread converges.',
  needs: ['multi-venue'],
  params: CrossExchangeArbitrageParamsSchema,
  create: (params) => new CrossExchangeArbitrage(params),
};
