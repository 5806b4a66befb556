import {
  AreaSeries,
  createChart,
  createSeriesMarkers,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import type { BreakerEvent } from '../../../src-shared/domain/risk';
import type { EquityPoint } from '../../../src-shared/domain/trading';
import { breakerMarkers } from './equity-markers';

/** Fewer overview points than this in view: the window is read again from the host in detail. */
const DETAIL_BELOW_POINTS = 1500;
/** Points asked for a zoomed window; fewer back means the window is complete (every point). */
export const DETAIL_POINTS = 4000;
const RANGE_SETTLE_MS = 150;

interface Detail {
  from: number;
  to: number;
  points: EquityPoint[];
  complete: boolean;
}

const seconds = (ms: number) => Math.floor(ms / 1000) as UTCTimestamp;

/** Index of the first point at or after `time` (ms). */
function firstAtOrAfter(points: readonly EquityPoint[], time: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.time < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The equity chart: equity (top pane) and drawdown (bottom pane) over the downsampled history the store
 * holds, breaker markers, and full detail when zoomed in: a window with too few overview points in view
 * is read again from the host (LTTB over just that window) and shown in place of the overview there.
 * Live points are appended with update(), so a stream of points never redraws the series.
 */
export class EquityChart {
  private readonly chart: IChartApi;
  private readonly equity: ISeriesApi<'Line'>;
  private readonly drawdown: ISeriesApi<'Area'>;
  private readonly markers: ISeriesMarkersPluginApi<Time>;
  private firstDrawMarked = false;
  private overview: EquityPoint[] = [];
  private detail: Detail | null = null;
  /** What the series hold now (overview with the detail window spliced in). */
  private shown: EquityPoint[] = [];
  private following = true;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private request = 0;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly element: HTMLElement,
    private readonly loadWindow: (
      from: number,
      to: number,
      maxPoints: number,
    ) => Promise<EquityPoint[] | null>,
  ) {
    this.chart = createChart(element, {
      autoSize: true,
      layout: { background: { color: '#0d1117' }, textColor: '#c9d1d9', attributionLogo: false },
      grid: { vertLines: { color: '#161b22' }, horzLines: { color: '#161b22' } },
      // Tiny bars are allowed so the whole downsampled history fits the width.
      timeScale: { timeVisible: true, secondsVisible: false, borderColor: '#30363d', minBarSpacing: 0.001 },
      rightPriceScale: { borderColor: '#30363d' },
    });
    this.equity = this.chart.addSeries(LineSeries, { color: '#58a6ff', lineWidth: 2, title: 'Equity' });
    this.drawdown = this.chart.addSeries(
      AreaSeries,
      {
        lineColor: '#f85149',
        topColor: 'rgba(248, 81, 73, 0.05)',
        bottomColor: 'rgba(248, 81, 73, 0.4)',
        lineWidth: 1,
        title: 'Drawdown %',
        priceFormat: { type: 'custom', formatter: (v: number) => `${v.toFixed(2)} %` },
      },
      1,
    );
    this.chart.panes()[1]?.setStretchFactor(0.3);
    this.markers = createSeriesMarkers(this.equity, []);
    const stopFollowing = () => (this.following = false);
    const showAll = () => this.showAll();
    element.addEventListener('wheel', stopFollowing, { passive: true });
    element.addEventListener('mousedown', stopFollowing);
    element.addEventListener('touchstart', stopFollowing, { passive: true });
    element.addEventListener('dblclick', showAll);
    const onRange = () => this.rangeChanged();
    this.chart.timeScale().subscribeVisibleTimeRangeChange(onRange);
    this.cleanups.push(() => {
      element.removeEventListener('wheel', stopFollowing);
      element.removeEventListener('mousedown', stopFollowing);
      element.removeEventListener('touchstart', stopFollowing);
      element.removeEventListener('dblclick', showAll);
      this.chart.timeScale().unsubscribeVisibleTimeRangeChange(onRange);
    });
  }

  /** The store's history changed: append the new points, or redraw when the history was replaced. */
  setOverview(points: EquityPoint[]): void {
    const previous = this.overview;
    this.overview = points;
    const last = this.shown[this.shown.length - 1];
    // The store appends by concatenation: the same last object means nothing before it changed.
    const appended =
      previous.length > 0 &&
      points.length >= previous.length &&
      points[previous.length - 1] === previous[previous.length - 1];
    if (appended && last) {
      for (let i = previous.length; i < points.length; i++) {
        const p = points[i]!;
        if (seconds(p.time) <= seconds(this.shown[this.shown.length - 1]!.time)) continue;
        this.shown.push(p);
        this.equity.update({ time: seconds(p.time), value: p.equity });
        this.drawdown.update({ time: seconds(p.time), value: -p.drawdown * 100 });
      }
      if (this.following) this.chart.timeScale().fitContent();
      this.describe();
    } else {
      this.redraw();
    }
  }

  setEvents(events: readonly BreakerEvent[]): void {
    this.markers.setMarkers(breakerMarkers(events));
    this.element.dataset.markers = String(events.length);
  }

  /** Narrows (factor > 1) or widens the visible range around its middle. */
  zoom(factor: number): void {
    const range = this.chart.timeScale().getVisibleLogicalRange();
    if (!range) return;
    this.following = false;
    const middle = (range.from + range.to) / 2;
    const half = Math.max(2, (range.to - range.from) / 2 / factor);
    this.chart.timeScale().setVisibleLogicalRange({ from: middle - half, to: middle + half });
  }

  /** The whole history in view again, following new points. */
  showAll(): void {
    this.following = true;
    this.detail = null;
    this.request += 1;
    this.redraw();
  }

  destroy(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    for (const cleanup of this.cleanups) cleanup();
    this.chart.remove();
  }

  /** Sets the series to the overview with the detail window spliced in, keeping the visible time range. */
  private redraw(): void {
    const visible = this.following ? null : this.chart.timeScale().getVisibleRange();
    const shown: EquityPoint[] = [];
    const push = (p: EquityPoint) => {
      const last = shown[shown.length - 1];
      // Time 0 is the engine before its first bar (the host's starting point): not a moment to chart.
      if (p.time > 0 && (!last || seconds(p.time) > seconds(last.time))) shown.push(p);
    };
    const d = this.detail;
    for (const p of this.overview) {
      if (d && p.time >= d.from) break;
      push(p);
    }
    if (d) {
      for (const p of d.points) push(p);
      // Overview points inside the window are skipped by push(); those after its last point (live) are kept.
      for (let i = firstAtOrAfter(this.overview, d.from); i < this.overview.length; i++)
        push(this.overview[i]!);
    }
    this.shown = shown;
    this.equity.setData(shown.map((p) => ({ time: seconds(p.time), value: p.equity })));
    this.drawdown.setData(shown.map((p) => ({ time: seconds(p.time), value: -p.drawdown * 100 })));
    if (this.following) this.chart.timeScale().fitContent();
    else if (visible) this.chart.timeScale().setVisibleRange(visible);
    this.describe();
  }

  private visibleWindow(): { from: number; to: number } | null {
    const range = this.chart.timeScale().getVisibleRange();
    if (!range) return null;
    return { from: (range.from as number) * 1000, to: (range.to as number) * 1000 + 999 };
  }

  private rangeChanged(): void {
    this.describe();
    if (this.following) return;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.element.dataset.loading = 'true';
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      void this.loadDetail().finally(() => {
        if (this.settleTimer === null) this.element.dataset.loading = 'false';
      });
    }, RANGE_SETTLE_MS);
  }

  /** Reads the visible window (and as much again each side, for panning) in detail when it needs it. */
  private async loadDetail(): Promise<void> {
    const window = this.visibleWindow();
    if (!window || this.following) return;
    const d = this.detail;
    const span = window.to - window.from;
    if (d && window.from >= d.from && window.to <= d.to && (d.complete || span > (d.to - d.from) / 4)) return;
    const overviewInView =
      firstAtOrAfter(this.overview, window.to + 1) - firstAtOrAfter(this.overview, window.from);
    if (overviewInView >= DETAIL_BELOW_POINTS) {
      // Zoomed back out: the overview has enough points.
      if (d) {
        this.detail = null;
        this.redraw();
      }
      return;
    }
    const request = (this.request += 1);
    const from = Math.max(0, window.from - span);
    const to = window.to + span;
    const points = await this.loadWindow(from, to, DETAIL_POINTS);
    if (points === null || request !== this.request || this.following) return;
    this.detail = { from, to, points, complete: points.length < DETAIL_POINTS };
    this.redraw();
  }

  /** Figures for assistive technology and tests: points shown, in view, and whether the view is complete. */
  private describe(): void {
    const data = this.element.dataset;
    const last = this.shown[this.shown.length - 1];
    // The first draw with points is marked for the first-paint benchmark (e2e/perf.spec.ts).
    if (this.shown.length > 0 && !this.firstDrawMarked) {
      this.firstDrawMarked = true;
      performance.mark('botv2:equity-first-draw');
    }
    data.points = String(this.shown.length);
    data.lastEquity = String(last?.equity ?? '');
    const window = this.visibleWindow();
    const inView = window
      ? firstAtOrAfter(this.shown, window.to + 1) - firstAtOrAfter(this.shown, window.from)
      : this.shown.length;
    data.visiblePoints = String(inView);
    const d = this.detail;
    const detailed = d !== null && window !== null && window.from >= d.from && window.to <= d.to;
    data.detail = detailed ? (d.complete ? 'full' : 'downsampled') : 'overview';
    data.following = String(this.following);
  }
}
