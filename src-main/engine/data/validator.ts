import type { Bar, MarketSlice } from '../../../src-shared/domain/market';
import { barFaults, isSound } from './bar-checks';
import { DAY_MS, labelBarTime } from './civil-date';
import { closedDayMessage, describeGap, GAP_TOLERANCE, isDailyInterval, noSessionMissed } from './gap-check';
import { makeIssue, type DataIssue, type IssueRule } from './issues';
import { LogOfRatioMemo } from './log-of-ratio';
import { outlierMessage } from './outlier-message';
import { newInstrumentState, type InstrumentProfile, type InstrumentState } from './instrument-state';

// The profile types live beside the instrument state; re-exported for the callers that import them here.
export { profileForAssetClass, type InstrumentProfile } from './instrument-state';

export interface ValidatorOptions {
  /** |z| of a log return against the previous `outlierWindow` returns above which a bar is an outlier. */
  outlierZ: number;
  outlierWindow: number;
  /** Returns needed in the window before outliers are judged. */
  outlierMinObservations: number;
  /** The profile of an instrument; by default no calendar (no gap checks), inferred interval, volume checked. */
  profile?: (instrument: string) => InstrumentProfile;
  /** The memo of ln(close / previous close), shared with the normaliser that gets the accepted bars. */
  logMemo?: LogOfRatioMemo;
}

/** Bars longer than this (weekly, monthly) are not checked against trading days. */
const MAX_SESSION_BAR_MS = 28 * 3_600_000;
/** Spacings looked at to infer the interval. */
const INFERENCE_INTERVALS = 16;

// Bound once at load: under the test runner (vitest) every read of an imported binding is a getter call
// (~8 ns measured), which the per-bar path would pay several times. The bundle is the same either way.
const faultsOf = barFaults;
const soundBar = isSound;
const sessionsUnbroken = noSessionMissed;
const DAY = DAY_MS;

/** Counts of what the validator decided. */
export interface ValidatorCounts {
  checked: number;
  accepted: number;
  /** Bars not used because of an error. */
  rejected: number;
  /** Exact duplicates dropped with a warning. */
  dropped: number;
  byRule: Partial<Record<IssueRule, number>>;
}

/**
 * The data validator (spec section 4), one bar at a time in stream order, O(1) per bar. Per instrument it
 * remembers the last accepted bar and the rolling statistics of its log returns.
 *
 * A bar is rejected (error) for a missing, NaN or infinite value, a non-positive price, inconsistent OHLC,
 * negative volume, a time before the previous bar's (`out-of-order`) or a second bar at the same time with
 * different values (`conflicting-duplicate`: the first is kept). An exact repeat of the previous bar is
 * dropped with a `duplicate` warning. An accepted bar may carry warnings: `gap`, `non-trading-day`,
 * `zero-volume`, `outlier` (|z| of its log return against the previous returns above `outlierZ`).
 */
export class DataValidator {
  private readonly states = new Map<string, InstrumentState>();
  private readonly profile: (instrument: string) => InstrumentProfile;
  private lastId: string | null = null;
  private lastState: InstrumentState | null = null;
  private readonly scratch = new Float64Array(1);
  private readonly logMemo: LogOfRatioMemo;
  readonly counts: ValidatorCounts = { checked: 0, accepted: 0, rejected: 0, dropped: 0, byRule: {} };

  constructor(private readonly options: ValidatorOptions) {
    this.profile = options.profile ?? (() => ({ calendar: 'none', intervalMs: null, checkZeroVolume: true }));
    this.logMemo = options.logMemo ?? new LogOfRatioMemo();
  }

  /**
   * Checks a bar; true when it is to be used. Its issues are appended to `issues` (if given), named at
   * `row` (a file line or series index).
   */
  check(bar: Bar, row: number | null = null, issues?: DataIssue[]): boolean {
    this.counts.checked += 1;
    // The inlined test first: only a faulty bar pays for the call that lists its faults.
    const faults = soundBar(bar) ? null : faultsOf(bar);
    if (faults !== null) {
      for (const fault of faults) {
        this.report(issues, fault.rule, fault.message, bar, row, fault.field, fault.value);
      }
      this.counts.rejected += 1;
      return false;
    }
    const state = this.stateOf(bar.instrument);
    if (state.accepted > 0) {
      if (bar.time < state.lastTime) {
        const daily = shownAsDaily(state);
        const message = `time goes back: ${labelBarTime(bar.time, daily)} comes after ${labelBarTime(state.lastTime, daily)}`;
        this.report(issues, 'out-of-order', message, bar, row, 'time', bar.time);
        this.counts.rejected += 1;
        return false;
      }
      if (bar.time === state.lastTime) return this.duplicate(state, bar, row, issues, shownAsDaily(state));
    }
    this.plausibility(state, bar, row, issues);
    this.remember(state, bar);
    this.counts.accepted += 1;
    return true;
  }

  /**
   * Checks every bar of a slice. Returns the slice itself when all pass, a new slice with the passing bars,
   * or null when none passes.
   */
  checkSlice(slice: MarketSlice, row: number | null = null, issues?: DataIssue[]): MarketSlice | null {
    let kept: Bar[] | null = null;
    for (let i = 0; i < slice.bars.length; i++) {
      const bar = slice.bars[i]!;
      const ok = this.check(bar, row, issues);
      if (!ok && kept === null) kept = slice.bars.slice(0, i);
      else if (ok && kept !== null) kept.push(bar);
    }
    if (kept === null) return slice;
    return kept.length === 0 ? null : { time: slice.time, bars: kept };
  }

  private duplicate(
    state: InstrumentState,
    bar: Bar,
    row: number | null,
    issues: DataIssue[] | undefined,
    daily: boolean,
  ): boolean {
    const when = labelBarTime(bar.time, daily);
    const differing = (
      [
        ['open', state.lastOpen, bar.open],
        ['high', state.lastHigh, bar.high],
        ['low', state.lastLow, bar.low],
        ['close', state.lastClose, bar.close],
        ['volume', state.lastVolume, bar.volume],
      ] as const
    ).find(([, before, now]) => before !== now);
    if (differing === undefined) {
      this.report(issues, 'duplicate', `repeats the bar of ${when}: dropped`, bar, row, 'time', bar.time);
      this.counts.dropped += 1;
      return false;
    }
    const [field, before, now] = differing;
    const message = `a second bar for ${when} with a different ${field} (${now}, first ${before}): the first is kept`;
    this.report(issues, 'conflicting-duplicate', message, bar, row, field, now);
    this.counts.rejected += 1;
    return false;
  }

  /** Warnings on a bar that will be used: gap, closed day, zero volume, outlier. */
  private plausibility(
    state: InstrumentState,
    bar: Bar,
    row: number | null,
    issues: DataIssue[] | undefined,
  ): void {
    const { calendar, checkZeroVolume } = state.profile;
    const { days } = state;
    // The session day: the UTC day of (close time − 1 ms), as `sessionDay`; taken once, for the gap check
    // (against the previous bar's, remembered) and the closed-day check.
    const day = days === null ? 0 : Math.floor((bar.time - 1) / DAY);
    if (state.accepted > 0) {
      const spacing = bar.time - state.lastTime;
      if (state.profile.intervalMs === null && state.intervalsSeen < INFERENCE_INTERVALS) {
        state.intervalsSeen += 1;
        if (spacing < state.intervalMs) {
          state.intervalMs = spacing;
          state.gapAbove = GAP_TOLERANCE * spacing;
        }
      }
      // Only a spacing above 1.5 × the interval can be a gap on any calendar: most bars stop here. Of the
      // rest, a weekend or holiday between two daily sessions is no gap (the first rule of describeGap,
      // decided here from the two session days); describeGap decides and words every other case.
      if (
        calendar !== 'none' &&
        spacing > state.gapAbove &&
        !(days !== null && sessionsUnbroken(days, state.intervalMs, state.lastDay, day))
      ) {
        const gap = describeGap(
          calendar,
          state.intervalMs,
          state.lastTime,
          bar.time,
          days ?? undefined,
          issues !== undefined,
        );
        if (gap !== null) this.report(issues, 'gap', gap, bar, row, 'time', bar.time);
      }
    }
    state.lastDay = day;
    let closed = false;
    if (days !== null && !(state.intervalMs > MAX_SESSION_BAR_MS)) {
      if (!days.isTradingDay(day)) {
        closed = true;
        const message = issues === undefined ? '' : closedDayMessage(calendar, day);
        this.report(issues, 'non-trading-day', message, bar, row, 'time', bar.time);
      }
    }
    if (bar.volume === 0 && checkZeroVolume && calendar !== 'none' && !closed) {
      const when =
        calendar === 'continuous' ? 'though the market trades around the clock' : 'on a trading day';
      this.report(issues, 'zero-volume', `volume is 0 ${when}`, bar, row, 'volume', 0);
    }
    if (state.accepted > 0) {
      const { scratch } = this;
      this.logMemo.into(bar.close / state.lastClose, scratch, 0); // the normaliser's logReturn reuses it
      // z of the return against the returns before it (NaN while warming up, 0 on a flat window), then
      // the return joins the window.
      // What the message quotes (the window before this return); not needed when only counting.
      const counted = issues === undefined ? 0 : state.returns.count;
      const varianceBefore = issues === undefined ? 0 : state.returns.variance;
      state.returns.scoreThenAdd(scratch, 0, this.options.outlierMinObservations);
      const z = scratch[0]!;
      if (Math.abs(z) > this.options.outlierZ) {
        const message =
          issues === undefined
            ? ''
            : outlierMessage(
                bar.close,
                state.lastClose,
                z,
                Math.sqrt(varianceBefore),
                counted,
                this.options.outlierZ,
              );
        this.report(issues, 'outlier', message, bar, row, 'close', bar.close);
      }
    }
  }

  private remember(state: InstrumentState, bar: Bar): void {
    state.lastTime = bar.time;
    state.lastOpen = bar.open;
    state.lastHigh = bar.high;
    state.lastLow = bar.low;
    state.lastClose = bar.close;
    state.lastVolume = bar.volume;
    state.accepted += 1;
  }

  /** Counts an issue and, when `issues` is given, appends it (the message is unused without a list). */
  private report(
    issues: DataIssue[] | undefined,
    rule: IssueRule,
    message: string,
    bar: Bar,
    row: number | null,
    field: string,
    value: number | string,
  ): void {
    this.counts.byRule[rule] = (this.counts.byRule[rule] ?? 0) + 1;
    if (issues === undefined) return;
    const timestamp = Number.isFinite(bar.time) ? bar.time : null;
    issues.push(makeIssue(rule, message, { instrument: bar.instrument, row, timestamp, field, value }));
  }

  private stateOf(instrument: string): InstrumentState {
    if (instrument === this.lastId && this.lastState !== null) return this.lastState;
    let state = this.states.get(instrument);
    if (state === undefined) {
      state = newInstrumentState(this.profile(instrument), this.options.outlierWindow);
      this.states.set(instrument, state);
    }
    this.lastId = instrument;
    this.lastState = state;
    return state;
  }
}

/** Whether bar times are shown as session dates: a daily interval, or while it is unknown. */
function shownAsDaily(state: InstrumentState): boolean {
  return state.intervalMs === Infinity || isDailyInterval(state.intervalMs);
}
