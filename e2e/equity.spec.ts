import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openTerminal, snapshot } from './helpers';

const HISTORY = 1_000_000;

const chartData = (page: Page, name: string) => page.getByTestId('equity-chart').getAttribute(`data-${name}`);

/** Waits until the chart has read the window in view (the zoom settles, then the detail loads). */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => chartData(page, 'loading')).toBe('false');
}

test.describe('an equity history of a million points', () => {
  test.use({ seed: { equityPoints: HISTORY }, serveArgs: ['--speed', '60', '--seed', '7'] });

  test('is shown downsampled, with every point once zoomed in far enough', async ({ page, terminal }) => {
    await openTerminal(page, terminal);
    // The overview: the host's LTTB to 5000 points (plus the few live ones since).
    await expect.poll(() => chartData(page, 'points').then(Number)).toBeGreaterThan(4000);
    expect(Number(await chartData(page, 'points'))).toBeLessThan(6000);
    await expect(page.getByTestId('equity-chart')).toHaveAttribute('data-detail', 'overview');

    // Each zoom shows a quarter; the chart reads the window in view again until it holds every point.
    const detail: string[] = [];
    for (let zoom = 0; zoom < 8; zoom++) {
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await settled(page);
      detail.push(`${await chartData(page, 'detail')}:${await chartData(page, 'visible-points')}`);
      if ((await chartData(page, 'detail')) === 'full') break;
    }
    test
      .info()
      .annotations.push({ type: 'zoom steps (detail:points in view)', description: detail.join(' ') });
    await expect(page.getByTestId('equity-chart')).toHaveAttribute('data-detail', 'full');
    // In view now: a window of about a thousand one-minute points, all of them, where the overview had
    // about one point in 200 (5000 of a million).
    const inView = Number(await chartData(page, 'visible-points'));
    expect(inView).toBeGreaterThan(200);
    await snapshot(page, 'equity-zoomed');

    // Show all: back to the overview, following new points.
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect(page.getByTestId('equity-chart')).toHaveAttribute('data-following', 'true');
    await expect(page.getByTestId('equity-chart')).toHaveAttribute('data-detail', 'overview');
  });
});
