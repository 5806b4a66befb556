import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openTerminal, snapshot } from './helpers';

async function tradeIds(page: Page): Promise<number[]> {
  return page
    .locator('[data-trade-id]')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-trade-id'))));
}

async function engineEvents(page: Page): Promise<number> {
  return Number(await page.getByTestId('engine-status').getAttribute('data-events'));
}

/** Count of chart pixels that differ from the background: the curve has been drawn. */
async function drawnPixels(page: Page): Promise<number> {
  return page.getByTestId('equity-chart').evaluate((chart) => {
    const canvases = [...chart.querySelectorAll('canvas')];
    const canvas = canvases.sort((a, b) => b.width * b.height - a.width * a.height)[0]!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) {
      // The curve colour is blue-dominant; the dark background and grid are not.
      if (data[i + 2]! > 180 && data[i + 2]! > data[i]! + 60) drawn++;
    }
    return drawn;
  });
}

test('the terminal paper-trades, halts with a reason and resumes', async ({ page, terminal }) => {
  await page.goto(terminal.url);
  await expect(page.locator('.terminal')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');

  // The equity curve draws and moves.
  const chart = page.getByTestId('equity-chart');
  await expect.poll(() => chart.getAttribute('data-points').then(Number)).toBeGreaterThan(20);
  await expect.poll(() => drawnPixels(page)).toBeGreaterThan(50);
  const firstFrame = await chart.screenshot();
  const pointsBefore = Number(await chart.getAttribute('data-points'));
  await expect.poll(() => chart.getAttribute('data-points').then(Number)).toBeGreaterThan(pointsBefore + 10);
  expect((await chart.screenshot()).equals(firstFrame)).toBe(false);

  // Trades appear.
  await expect(page.locator('[data-trade-id]').first()).toBeVisible();

  await snapshot(page, 'overview');

  // Halt asks for a reason and refuses an empty one.
  await page.getByRole('button', { name: 'Halt trading' }).click();
  const dialog = page.getByRole('dialog', { name: 'Halt trading' });
  await dialog.getByRole('button', { name: 'Halt now' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A reason is required.');
  await dialog.getByLabel('Reason').fill('e2e: pausing before the news');
  await dialog.getByRole('button', { name: 'Halt now' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('breaker-state')).toHaveAttribute('data-halted', 'true');
  await expect(page.getByTestId('breaker-state')).toContainText('e2e: pausing before the news');

  // While halted no trade opens or grows a position, over many further events. The fills before the halt
  // are all committed by the time the page shows it (the halt is committed after them), so the newest
  // fill id in the database then bounds them; the page may still be about to show some of them.
  const db = new Database(join(terminal.dataDir, 'botv2.sqlite'), { readonly: true });
  const newestFill = () => db.prepare('SELECT COALESCE(MAX(id), 0) FROM fills').pluck().get() as number;
  const lastBeforeHalt = newestFill();
  const eventsAtHalt = await engineEvents(page);
  await expect.poll(() => engineEvents(page)).toBeGreaterThan(eventsAtHalt + 60);
  const afterHalt = db
    .prepare('SELECT effect FROM fills WHERE id > ? ORDER BY id')
    .pluck()
    .all(lastBeforeHalt) as string[];
  for (const effect of afterHalt) expect(['reduce', 'close']).toContain(effect);

  // The reason is persisted as a row.
  const halt = db
    .prepare("SELECT actor, reason, level_before FROM circuit_breaker_events WHERE kind = 'halt'")
    .all();
  expect(halt).toEqual([{ actor: 'trader', reason: 'e2e: pausing before the news', level_before: 0 }]);

  // Resume restarts trading: a new opening trade appears.
  const lastBeforeResume = Math.max(0, ...(await tradeIds(page)));
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('dialog', { name: 'Resume trading' }).getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('breaker-state')).toHaveAttribute('data-halted', 'false');
  const newestOpening = () =>
    page
      .locator('[data-effect="open"], [data-effect="increase"], [data-effect="reverse"]')
      .evaluateAll((rows) => Math.max(0, ...rows.map((r) => Number(r.getAttribute('data-trade-id')))));
  await expect.poll(newestOpening).toBeGreaterThan(lastBeforeResume);
  expect(db.prepare("SELECT COUNT(*) FROM circuit_breaker_events WHERE kind = 'resume'").pluck().get()).toBe(
    1,
  );
  db.close();
});

test('a wrong token gets no page', async ({ page, terminal }) => {
  const wrong = terminal.url.replace(/token=[^&]+/, 'token=wrong');
  const response = await page.goto(wrong);
  expect(response?.status()).toBe(401);
});

test('after an unclean stop the terminal says it recovered, and when from', async ({ page, terminal }) => {
  await openTerminal(page, terminal);
  await expect.poll(() => engineEvents(page)).toBeGreaterThan(20);
  await expect(page.getByTestId('recovery')).toHaveCount(0);
  await terminal.restart({ crash: true });
  await openTerminal(page, terminal);
  // The crash comes at whatever step the paced engine reached: an order may be working then, and the
  // notice says it was cancelled.
  await expect(page.getByTestId('recovery')).toHaveText(
    /^recovered after an unclean stop at \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z(; 1 working order was cancelled|; \d+ working orders were cancelled)?$/,
  );
});
