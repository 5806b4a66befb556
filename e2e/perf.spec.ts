/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { expect, test } from './fixtures';
import { openTerminal } from './helpers';

// A measurement, not a check: frame times while the engine runs fast, the rate of live chart updates, and
// the renderer's JS heap over a long run. Run with BOTV2_PERF=1 (BOTV2_PERF_MINUTES sets the length,
// default 3); the figures are printed and attached as annotations.

// Skipped before any fixture starts a server, unless asked for.
test.skip(!process.env.BOTV2_PERF, 'a measurement run: set BOTV2_PERF=1 (and BOTV2_PERF_MINUTES)');

const MINUTES = Number(process.env.BOTV2_PERF_MINUTES ?? 3);

test.use({
  serveArgs: ['--speed', '3000', '--seed', '7'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  },
});

test('renderer frame times, live update rate and heap during a fast run', async ({ page, terminal }) => {
  test.setTimeout((MINUTES + 3) * 60_000);
  await openTerminal(page, terminal);
  await expect
    .poll(() => page.getByTestId('equity-chart').getAttribute('data-points').then(Number))
    .toBeGreaterThan(50);

  const heap = () =>
    page.evaluate(() => {
      (window as unknown as { gc?: () => void }).gc?.();
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return {
        heapMB: memory ? memory.usedJSHeapSize / 1048576 : NaN,
        domNodes: document.getElementsByTagName('*').length,
      };
    });

  const frames = await page.evaluate(async () => {
    const chart = document.querySelector('[data-testid="equity-chart"]')!;
    // A live update is a frame in which the chart shows a different number of points than the frame before.
    let updates = 0;
    let shown = chart.getAttribute('data-points');
    const deltas: number[] = [];
    const start = performance.now();
    let last = start;
    await new Promise<void>((done) => {
      const tick = (now: number) => {
        deltas.push(now - last);
        last = now;
        const current = chart.getAttribute('data-points');
        if (current !== shown) updates += 1;
        shown = current;
        if (now - start < 10_000) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    });
    const sorted = [...deltas].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    return {
      frames: deltas.length,
      meanMs: deltas.reduce((a, b) => a + b, 0) / deltas.length,
      p50Ms: at(0.5),
      p95Ms: at(0.95),
      p99Ms: at(0.99),
      maxMs: sorted[sorted.length - 1]!,
      over25Ms: deltas.filter((d) => d > 25).length,
      chartUpdatesPerSecond: updates / 10,
    };
  });

  const samples = [{ minute: 0, ...(await heap()) }];
  for (let minute = 1; minute <= MINUTES; minute++) {
    await page.waitForTimeout(60_000);
    samples.push({ minute, ...(await heap()) });
  }
  const events = await page.getByTestId('engine-status').getAttribute('data-events');
  const report = { frames, heap: samples, engineEvents: Number(events) };
  console.log(JSON.stringify(report, null, 2));
  test.info().annotations.push({ type: 'perf', description: JSON.stringify(report) });
});

test.describe('first paint with an equity history of a million points', () => {
  test.use({ seed: { equityPoints: 1_000_000 }, serveArgs: ['--speed', '60', '--seed', '7'] });

  test('time from navigation to the chart drawn with the downsampled history', async ({ page, terminal }) => {
    const runs: { readyMs: number; chartMs: number }[] = [];
    for (let run = 0; run < 5; run++) {
      await page.goto(terminal.url);
      // The chart sets data-points once the history is on the canvas; measured in the page's own clock.
      const chart = page.getByTestId('equity-chart');
      await expect.poll(() => chart.getAttribute('data-points').then(Number)).toBeGreaterThan(4000);
      runs.push(
        await page.evaluate(() => {
          const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const marks = performance.getEntriesByName('botv2:equity-first-draw');
          return {
            readyMs: navigation.domContentLoadedEventEnd,
            chartMs: marks[0]?.startTime ?? Number.NaN,
          };
        }),
      );
    }
    const report = { historyPoints: 1_000_000, runs };
    console.log(JSON.stringify(report, null, 2));
    test.info().annotations.push({ type: 'perf', description: JSON.stringify(report) });
  });
});
