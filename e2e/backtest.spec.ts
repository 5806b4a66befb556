import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { openTerminal, openView, snapshot } from './helpers';

const CLI = join(__dirname, '..', 'dist', 'main', 'cli.cjs');
const SAMPLE = join(__dirname, '..', 'resources', 'data', 'sp500-2000.csv');

/** What `botv2 backtest … --json` prints for the same run: the view must show the same figures. */
function cliFinalEquity(dataDir: string): number {
  const run = spawnSync(
    process.execPath,
    [
      CLI,
      'backtest',
      '--data-dir',
      dataDir,
      ...`--data ${SAMPLE} --strategy sma-cross --fast 10 --slow 30 --size 10 --commission 0.001 --slippage 0 --cash 100000 --from 2010-01-01 --to 2010-12-31 --json`.split(
        ' ',
      ),
    ],
    { encoding: 'utf8' },
  );
  expect(run.status).toBe(0);
  return (JSON.parse(run.stdout) as { final_equity: number }).final_equity;
}

test('a backtest of the sample CSV runs in the background, shows its report and stays in the list', async ({
  page,
  terminal,
}) => {
  await openTerminal(page, terminal);
  await openView(page, 'Backtest');
  await expect(page.getByTestId('backtest-runs')).toHaveCount(0);
  const form = page.getByRole('form', { name: 'Backtest' });
  await form.getByLabel('Classic SMA crossover').check();
  await form.getByLabel('From').fill('2010-01-01');
  await form.getByLabel('To').fill('2010-12-31');
  await form.getByLabel('Commission').fill('0.001');
  await form.getByRole('button', { name: 'Run backtest' }).click();

  const row = page.getByTestId('backtest-runs').locator('tbody tr').first();
  await expect(row).toHaveAttribute('data-status', 'done');
  await expect(row).toContainText('S&P 500 sample, SMA 10/30 crossover');
  const report = page.getByTestId('backtest-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('backtest-metrics')).toContainText('252 bars, 2010-01-04 to 2010-12-31');
  const expected = cliFinalEquity(terminal.dataDir);
  const shown = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    expected,
  );
  await expect(page.getByTestId('backtest-metrics').locator('tr', { hasText: 'Final equity' })).toContainText(
    shown,
  );
  await expect(row).toContainText(shown);
  await expect(page.getByTestId('backtest-equity').locator('svg .recharts-area-area')).toBeVisible();
  expect(await page.getByTestId('backtest-trades').locator('tbody tr').count()).toBeGreaterThan(0);
  await snapshot(page, 'backtest');
});

test('a long synthetic run shows progress with an ETA and can be cancelled', async ({ page, terminal }) => {
  await openTerminal(page, terminal);
  await openView(page, 'Backtest');
  const form = page.getByRole('form', { name: 'Backtest' });
  await form.getByLabel('Synthetic market').check();
  await form.getByLabel('Steps').fill('2000000');
  await form.getByRole('button', { name: 'Run backtest' }).click();
  const progress = page.getByTestId('backtest-progress');
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(progress).toContainText(/left/);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  const row = page.getByTestId('backtest-runs').locator('tbody tr').first();
  await expect(row).toHaveAttribute('data-status', 'cancelled');
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('backtest-pending')).toContainText('the run cancelled');
});

test('a run the rules refuse names its field, before and after it reaches the engine', async ({
  page,
  terminal,
}) => {
  await openTerminal(page, terminal);
  await openView(page, 'Backtest');
  const form = page.getByRole('form', { name: 'Backtest' });
  await form.getByLabel('Starting cash').fill('lots');
  await form.getByRole('button', { name: 'Run backtest' }).click();
  await expect(form.getByLabel('Starting cash')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('[data-field="cash"] [role="alert"]')).toHaveText(
    'the starting cash must be a number',
  );
  await form.getByLabel('Starting cash').fill('100000');
  await form.getByLabel('Classic SMA crossover').check();
  await form.getByLabel('Fast SMA').fill('30');
  await form.getByLabel('Slow SMA').fill('10');
  await form.getByRole('button', { name: 'Run backtest' }).click();
  await expect(form.getByLabel('Fast SMA')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('[data-field="fast"] [role="alert"]')).toHaveText(
    'fast 30 must be shorter than slow 10',
  );
  await form.getByLabel('CSV files').check();
  await form.getByLabel('Files (full paths, one per line)').fill('/no/such/file.csv');
  await form.getByLabel('Fast SMA').fill('10');
  await form.getByLabel('Slow SMA').fill('30');
  await form.getByRole('button', { name: 'Run backtest' }).click();
  await expect(form.locator('[data-field="files"] [role="alert"]')).toHaveText(
    'no such file: /no/such/file.csv',
  );
  await expect(page.getByText('No backtest has been run yet.')).toBeVisible();
});
