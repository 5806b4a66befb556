import type { z } from 'zod';
import type { AssetClass, InstrumentId, InstrumentSpec } from '../../../src-shared/domain/market';
import type { Signal } from '../../../src-shared/domain/strategy';
import { VixHedgeParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-b';
import { ZScore } from '../indicators';
import type { MarketSnapshot, StrategyDecision } from '../ports';
import type { StrategyDefinition, StrategyLogic } from './definition';
import { fmt, standingSignal, unit } from './base-b-support';
import { DecisionMemo } from './decision-memo';

type Params = z.output<typeof VixHedgeParamsSchema>;

/**
 * Volatility-spike hedge. Watches the volatility index (symbol `volatilitySymbol`, asset class
 * volatility-index) and trades it and the equity index (symbol `indexSymbol`, asset class equity-index).
 * On each bar of the volatility index, level z = z-score of its close over the last `zWindow` closes and
 * change z = z-score of its one-bar log change over the last `zWindow` changes (both include this bar).
 * - Spike: level z ≥ spikeZ, or change z ≥ changeSpikeZ, or (spikeLevel > 0) close ≥ spikeLevel. A spike
 *   starts the hedge: sell the equity index and buy the volatility index (`hedgeWith` may keep one leg).
 * - Confidence = min(1, peak severity / 2), severity = max(level z / spikeZ, change z / changeSpikeZ,
 *   close / spikeLevel): ½ at a threshold, 1 at twice it; the peak is taken over the hedge so far.
 * - The hedge ends (hold on both, confidence 0) on the first bar without a spike whose level z is below
 *   calmZ and whose close is below spikeLevel (when set). Without a hedge it holds both.
 * Abstains while either instrument is missing, on steps without a bar of the volatility index, while the
 * z-scores warm up (zWindow + 1 bars), and on a level that is not positive.
 */
class VixHedge implements StrategyLogic {
  private readonly levelZ: ZScore;
  private readonly changeZ: ZScore;
  private readonly wantIndex: boolean;
  private readonly wantVolatility: boolean;
  private volatilityId: InstrumentId | null = null;
  private indexId: InstrumentId | null = null;
  /** Size of the instrument map at the last lookup: look again only when instruments were listed. */
  private lookedUpAt = -1;
  private previousLevel = NaN;
  private seen = 0;
  private hedging = false;
  private peak = 0;
  /** The signals of the current state, rebuilt only when it changes. */
  private legs: Signal[] = [];
  /** This step's signals; an unchanged abstention (or the same legs) reuses the previous decision. */
  private readonly decisions = new DecisionMemo();
  private readonly missingVolatility: string;
  private readonly missingIndex: string;
  private readonly noBar: string;

  constructor(private readonly params: Params) {
    this.levelZ = new ZScore(params.zWindow);
    this.changeZ = new ZScore(params.zWindow);
    this.wantIndex = params.hedgeWith !== 'long-volatility';
    this.wantVolatility = params.hedgeWith !== 'short-index';
    this.missingVolatility = `no volatility index ${params.volatilitySymbol} (asset class volatility-index) in the market`;
    this.missingIndex = `no equity index ${params.indexSymbol} (asset class equity-index) in the market`;
    this.noBar = `no ${params.volatilitySymbol} bar in this step`;
  }

  evaluate(snapshot: MarketSnapshot): StrategyDecision {
    if (this.lookedUpAt !== snapshot.instruments.size) this.lookUp(snapshot.instruments);
    if (this.volatilityId === null) return this.abstain(this.missingVolatility);
    if (this.wantIndex && this.indexId === null) return this.abstain(this.missingIndex);
    let level = NaN;
    for (const bar of snapshot.slice.bars) if (bar.instrument === this.volatilityId) level = bar.close;
    if (Number.isNaN(level)) return this.abstain(this.noBar);
    if (!(level > 0)) {
      return this.abstain(`${this.params.volatilitySymbol} level must be positive, got ${level}`);
    }
    this.levelZ.update(level);
    if (this.previousLevel > 0) this.changeZ.update(Math.log(level / this.previousLevel));
    this.previousLevel = level;
    this.seen += 1;
    if (!this.changeZ.ready) {
      return this.abstain(
        `warming up: ${this.params.volatilitySymbol} ${this.seen}/${this.params.zWindow + 1} bars`,
      );
    }
    if (this.legs.length === 0) this.setLegs(0, 'no volatility spike');
    this.step(level);
    // The legs are the same signal objects until the view changes: so is the decision.
    const decisions = this.decisions;
    decisions.begin();
    for (const leg of this.legs) decisions.add(leg);
    return decisions.size > 0 ? decisions.end('') : { signals: [], abstain: null };
  }

  /** The decision of a step without signals (the previous one while the reason is unchanged). */
  private abstain(reason: string): StrategyDecision {
    this.decisions.begin();
    return this.decisions.end(reason);
  }

  private step(level: number): void {
    const { spikeZ, changeSpikeZ, spikeLevel, calmZ, volatilitySymbol } = this.params;
    const lz = this.levelZ.value;
    const cz = this.changeZ.value;
    const levelSpike = spikeLevel > 0 && level >= spikeLevel;
    const spike = lz >= spikeZ || cz >= changeSpikeZ || levelSpike;
    if (spike) {
      const severity = Math.max(lz / spikeZ, cz / changeSpikeZ, spikeLevel > 0 ? level / spikeLevel : 0);
      if (!this.hedging || severity > this.peak) {
        this.hedging = true;
        this.peak = severity;
        this.setLegs(
          unit(severity / 2),
          `${volatilitySymbol} spike: level ${fmt(level)} (z ${fmt(lz)}), change z ${fmt(cz)}` +
            `${levelSpike ? ` ≥ level ${spikeLevel}` : ''}: hedge`,
        );
      }
    } else if (this.hedging && lz < calmZ && !levelSpike) {
      this.hedging = false;
      this.peak = 0;
      this.setLegs(0, `${volatilitySymbol} normalised: level z ${fmt(lz)} < ${calmZ}: hedge closed`);
    }
  }

  /** Rebuilds the signals of the legs for the current state (hedging or not). */
  private setLegs(confidence: number, reason: string): void {
    const { hedging } = this;
    this.legs = [];
    if (this.wantIndex)
      this.legs.push(standingSignal(this.indexId!, hedging ? 'sell' : 'hold', confidence, reason));
    if (this.wantVolatility) {
      this.legs.push(standingSignal(this.volatilityId!, hedging ? 'buy' : 'hold', confidence, reason));
    }
  }

  private lookUp(instruments: ReadonlyMap<InstrumentId, InstrumentSpec>): void {
    this.lookedUpAt = instruments.size;
    this.volatilityId ??= find(instruments, this.params.volatilitySymbol, 'volatility-index');
    this.indexId ??= find(instruments, this.params.indexSymbol, 'equity-index');
  }
}

/** The first instrument (in listing order) with this symbol and asset class, or null. */
function find(
  instruments: ReadonlyMap<InstrumentId, InstrumentSpec>,
  symbol: string,
  assetClass: AssetClass,
): InstrumentId | null {
  for (const spec of instruments.values()) {
    if (spec.symbol === symbol && spec.assetClass === assetClass) return spec.id;
  }
  return null;
}

/** Volatility-spike hedge of the equity index; the exact rule is on VixHedge above. */
export const vixHedge: StrategyDefinition<typeof VixHedgeParamsSchema> = {
  id: 'vix-hedge',
  name: 'VIX Hedge',
  category: 'base',
  rule: 'When the volatility index spikes (z-score of its level or change, or a level), sell the equity index and buy the volatility index; close the hedge once volatility normalises.',
  needs: ['volatility-index', 'equity-index'],
  params: VixHedgeParamsSchema,
  create: (params) => new VixHedge(params),
};
