import { expect, test } from './fixtures';
import { openTerminal, snapshot } from './helpers';

const SEEDED = 100_000;

test.describe('the trade log with 100 000 trades', () => {
  test.use({ seed: { fills: SEEDED }, serveArgs: ['--speed', '600', '--seed', '7'] });

  test('scrolls to the oldest trade with fewer than 200 rows in the page, and filters', async ({
    page,
    terminal,
  }) => {
    await openTerminal(page, terminal);
    const log = page.getByTestId('trade-log');
    await expect.poll(() => log.getAttribute('aria-rowcount').then(Number)).toBeGreaterThan(SEEDED);

    // Scroll to the end: the oldest seeded trades (ids 1, 2, …) are shown, read page by page.
    const frames = await log.evaluate(async (element) => {
      // Scroll in 40 steps over one second and time the frames (reported, not asserted).
      const deltas: number[] = [];
      let last = performance.now();
      for (let step = 1; step <= 40; step++) {
        element.scrollTop = (element.scrollHeight * step) / 40;
        await new Promise((r) => element.ownerDocument.defaultView!.requestAnimationFrame(r));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
      }
      return deltas;
    });
    test.info().annotations.push({
      type: 'scroll frames (ms)',
      description: `max ${Math.max(...frames).toFixed(1)}, mean ${(frames.reduce((a, b) => a + b, 0) / frames.length).toFixed(1)}`,
    });
    await expect(page.locator('[data-trade-id="1"]')).toBeVisible();
    await expect(page.locator('[data-trade-id="2"]')).toBeVisible();
    const rows = await page.locator('.vbody .vrow').count();
    expect(rows).toBeLessThan(200);
    expect(rows).toBeGreaterThan(5);
    // The last row of the list is the oldest trade.
    const lastIndex = await page.locator('[data-trade-id="1"]').getAttribute('aria-rowindex');
    expect(Number(lastIndex)).toBe(Number(await log.getAttribute('aria-rowcount')));

    // Filters: strategy, then side; the count is exact (only seeded trades carry these strategies).
    await page.getByLabel('Strategy').selectOption('seed-beta');
    await expect(page.getByTestId('trade-total')).toHaveText((SEEDED / 4).toLocaleString('en-US'));
    await expect(log).toHaveAttribute('data-following', 'true');
    await page.getByLabel('Side').selectOption('sell');
    // Every 12th seeded trade is seed-beta and a sell (i % 4 = 0 and i % 3 = 0).
    await expect(page.getByTestId('trade-total')).toHaveText(Math.floor(SEEDED / 12).toLocaleString('en-US'));
    const shown = await page
      .locator('.vbody .vrow[data-trade-id]')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.children[2]!.textContent,
          r.children[8]!.textContent,
          Number(r.getAttribute('data-trade-id')) % 12,
        ]),
      );
    expect(shown.length).toBeGreaterThan(5);
    for (const row of shown) expect(row).toEqual(['sell', 'seed-beta', 0]);
    await page.getByLabel('Instrument').selectOption('SEED-A');
    // seed-beta sells are even ids (multiples of 12), so none of them is on SEED-A (odd ids).
    await expect(page.getByTestId('trade-total')).toHaveText('0');
  });
});

test('a trade opens its decision record: votes, weights, penalty, Kelly inputs, final size', async ({
  page,
  terminal,
}) => {
  await openTerminal(page, terminal);
  const log = page.getByTestId('trade-log');
  // Trades of the ensemble carry the strategy that led the vote; settlements and cascade cuts do not.
  await expect(page.getByLabel('Strategy').locator('option[value="momentum"]')).toBeAttached();
  await page.getByLabel('Strategy').selectOption('momentum');
  await expect.poll(() => log.getAttribute('aria-rowcount').then(Number)).toBeGreaterThan(60);
  // Scrolled a little down, the log holds still while new trades arrive.
  await log.evaluate((element) => (element.scrollTop = 48));
  await expect(log).toHaveAttribute('data-following', 'false');
  const opening = log.locator('[data-trade-id]').nth(3);
  const id = await opening.getAttribute('data-trade-id');
  await page.locator(`[data-trade-id="${id}"]`).focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByTestId('decision-drawer');
  await expect(drawer.getByRole('heading', { name: `Trade #${id}: decision record` })).toBeVisible();
  const votes = drawer.getByTestId('decision-votes');
  await expect(votes).toBeVisible();
  await expect(votes.locator('tbody tr').first()).toContainText('momentum');
  await snapshot(page, 'decision-record');
  for (const heading of ['Vote', 'Correlation penalty', 'Kelly inputs', 'Final size', 'Order'])
    await expect(drawer.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  await expect(drawer).toContainText('Kelly used');
  await expect(drawer).toContainText('Portfolio correlation');
  await expect(drawer).toContainText('Fraction of equity');
  // Escape closes it and gives the focus back to the row.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
});
