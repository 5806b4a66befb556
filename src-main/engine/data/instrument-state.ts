import type { AssetClass } from '../../../src-shared/domain/market';
import { GAP_TOLERANCE } from './gap-check';
import { ScoredWindow } from './scored-window';
import { defaultCalendar, TradingDayTable, type CalendarKind } from './trading-calendar';

// What the validator knows of one instrument: how it is checked (its profile) and what it remembers
// between bars (its state).

/** How one instrument is checked beyond the bar itself. */
export interface InstrumentProfile {
  calendar: CalendarKind;
  /** Expected spacing of the bars (ms); null: the smallest positive spacing among the first 16 intervals. */
  intervalMs: number | null;
  /** Warn about zero volume (off for instruments that report none, such as volatility indices). */
  checkZeroVolume: boolean;
}

/** The profile an asset class gets when none is configured. */
export function profileForAssetClass(assetClass: AssetClass): InstrumentProfile {
  return {
    calendar: defaultCalendar(assetClass),
    intervalMs: null,
    checkZeroVolume: assetClass !== 'volatility-index' && assetClass !== 'prediction',
  };
}

/** What the validator remembers of an instrument between its bars. */
export interface InstrumentState {
  readonly profile: InstrumentProfile;
  lastTime: number;
  lastOpen: number;
  lastHigh: number;
  lastLow: number;
  lastClose: number;
  lastVolume: number;
  accepted: number;
  intervalMs: number;
  /** GAP_TOLERANCE × intervalMs: a larger spacing may be a gap. */
  gapAbove: number;
  intervalsSeen: number;
  /** Session day of the last accepted bar (set only with a trading-day table). */
  lastDay: number;
  readonly returns: ScoredWindow;
  /** Trading days of the calendar, for `nyse` and `weekdays` (null otherwise). */
  readonly days: TradingDayTable | null;
}

/** The state of an instrument before its first bar. */
export function newInstrumentState(profile: InstrumentProfile, outlierWindow: number): InstrumentState {
  const { calendar } = profile;
  const intervalMs = profile.intervalMs ?? Infinity;
  return {
    profile,
    lastTime: NaN,
    lastOpen: NaN,
    lastHigh: NaN,
    lastLow: NaN,
    lastClose: NaN,
    lastVolume: NaN,
    accepted: 0,
    intervalMs,
    gapAbove: GAP_TOLERANCE * intervalMs,
    intervalsSeen: 0,
    lastDay: 0,
    returns: new ScoredWindow(outlierWindow),
    days: calendar === 'nyse' || calendar === 'weekdays' ? new TradingDayTable(calendar) : null,
  };
}
