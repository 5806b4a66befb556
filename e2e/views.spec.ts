import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { openTerminal, openView, snapshot } from './helpers';

test('the strategies table sorts by any column, and the comparison chart draws', async ({
  page,
  terminal,
}) => {
  await openTerminal(page, terminal);
  await openView(page, 'Strategies');
  const table = page.getByTestId('strategy-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const count = await table.locator('tbody tr').count();
  expect(count).toBeGreaterThanOrEqual(1);
  await expect(table.locator('tbody tr').first()).toContainText('Momentum');

  const column = (key: string) =>
    table
      .locator(`tbody td[data-column="${key}"]`)
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value')));
  const header = (name: string) => table.getByRole('columnheader', { name });

  // By weight, high to low at first; a second click turns it around.
  await expect(header('Weight')).toHaveAttribute('aria-sort', 'descending');
  const weights = (await column('weight')).map(Number);
  expect(weights).toEqual([...weights].sort((a, b) => b - a));
  await header('Weight').getByRole('button').click();
  await expect(header('Weight')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('Strategy')).toHaveAttribute('aria-sort', 'none');
  const ascending = (await column('weight')).map(Number);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  // By name, A to Z.
  await header('Strategy').getByRole('button').click();
  await expect(header('Strategy')).toHaveAttribute('aria-sort', 'ascending');
  const names = await column('name');
  expect(names).toEqual([...names].sort((a, b) => a!.localeCompare(b!)));
  // Every row says what it last signalled or why it abstains, and its smoothed Sharpe.
  for (const key of ['smoothedSharpe', 'hitRate', 'pnl', 'lastSignal', 'abstainReason'])
    expect(await column(key)).toHaveLength(count);

  const chart = page.getByTestId('strategy-comparison');
  await expect(chart.locator('svg .recharts-bar-rectangle').first()).toBeVisible();
  await page.getByLabel('Figure').selectOption('smoothedSharpe');
  await expect(chart).toHaveAttribute('aria-label', /^Smoothed Sharpe by strategy: Momentum /);
  await snapshot(page, 'strategies');
});

test('the risk view: breaker distances, exposure, Kelly in use, cascade, correlation and the metrics', async ({
  page,
  terminal,
}) => {
  await openTerminal(page, terminal);
  await openView(page, 'Risk');
  const distances = page.getByTestId('breaker-distances');
  await expect(distances.locator('tbody tr')).toHaveCount(3);
  // Default levels: 5 %, 10 %, 15 %; the distance is in points of drawdown from the current one.
  await expect(distances.locator('tbody tr').nth(0)).toContainText('5.00 %');
  await expect(distances.locator('tbody tr').nth(2)).toContainText('15.00 %');
  await expect(distances.locator('tbody tr').nth(2)).toContainText(/\d+\.\d\d pts/);
  await expect(page.getByTestId('kelly-in-use')).toContainText('× 0.25');
  await expect(page.getByTestId('risk-figures')).toContainText('Gross exposure');
  await expect(page.getByTestId('cascade-levels').locator('tbody tr').first()).toBeVisible();
  const heatmap = page.getByTestId('correlation-heatmap');
  const strategies = await heatmap.locator('tbody tr').count();
  expect(strategies).toBeGreaterThanOrEqual(1);
  await expect(heatmap.locator('td.cell')).toHaveCount(strategies * strategies);
  // The diagonal is a strategy's correlation with itself.
  const metrics = page.getByTestId('risk-metrics');
  for (const row of [
    'Sharpe ratio',
    'Sortino ratio',
    'Maximum drawdown',
    'Win rate',
    'Profit factor',
    'Expectancy per trade',
  ])
    await expect(metrics.getByRole('rowheader', { name: row })).toBeVisible();
  await expect(metrics.locator('caption')).toContainText('equity samples');
  await snapshot(page, 'risk');
});

test('exports download in browser mode: a database copy and CSV tables', async ({ page, terminal }) => {
  await openTerminal(page, terminal);
  await openView(page, 'Data & export');
  const [database] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-database').click(),
  ]);
  expect(database.suggestedFilename()).toMatch(/^botv2-\d{8}T\d{6}-botv2\.sqlite$/);
  const copy = readFileSync((await database.path())!);
  expect(copy.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');

  const [fills] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-fills.csv').click(),
  ]);
  const csv = readFileSync((await fills.path())!, 'utf8').split('\n');
  expect(csv[0]).toBe(
    'id,order_id,time,instrument,side,qty,price,commission,liquidity,realized_pnl,effect,strategy,reason',
  );
  await snapshot(page, 'data-export');
});
