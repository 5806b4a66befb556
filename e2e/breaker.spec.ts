/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test, TRENDING } from './fixtures';
import { openTerminal, snapshot } from './helpers';

function events(dataDir: string, kind: string) {
  const db = new Database(join(dataDir, 'botv2.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        'SELECT actor, reason, level_before, level_after FROM circuit_breaker_events WHERE kind = ? ORDER BY id',
      )
      .all(kind) as { actor: string; reason: string; level_before: number; level_after: number }[];
  } finally {
    db.close();
  }
}

test('force a level and re-arm, each only after confirming; the keyboard halt; the audit list', async ({
  page,
  terminal,
}) => {
  await openTerminal(page, terminal);
  const state = page.getByTestId('breaker-state');

  // Force level 2 for a week of engine time (over 3 minutes at ×3000): the dialog asks for a reason first.
  await page.getByRole('button', { name: 'Force level…' }).click();
  const force = page.getByRole('dialog', { name: 'Force a breaker level' });
  await force.getByRole('button', { name: 'Force level' }).click();
  await expect(force.getByText('A reason is required.')).toBeVisible();
  await expect(force.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await force.getByLabel('Level').selectOption({ label: 'Level 2 (reduce)' });
  await force.getByLabel('Duration (minutes of engine time)').fill('0');
  await force.getByLabel('Reason').fill('e2e: central bank at noon');
  await force.getByRole('button', { name: 'Force level' }).click();
  await expect(force.getByText('Enter a positive number of minutes.')).toBeVisible();
  expect(events(terminal.dataDir, 'force')).toEqual([]);
  await force.getByLabel('Duration (minutes of engine time)').fill('10080');
  await force.getByRole('button', { name: 'Force level' }).click();
  await expect(force).toBeHidden();
  await expect(state).toHaveAttribute('data-level', '2');
  await expect(state).toContainText('forced until');
  const forced = events(terminal.dataDir, 'force');
  expect(forced).toHaveLength(1);
  expect(forced[0]).toMatchObject({ actor: 'trader', level_after: 2 });
  expect(forced[0]!.reason).toMatch(/^level 2 until \S+: e2e: central bank at noon$/);
  await expect(page.getByTestId('breaker-audit').locator('li[data-kind="force"]')).toContainText(
    'e2e: central bank at noon',
  );

  // Re-arm: cancelling does nothing; confirming re-arms at the current equity.
  await page.getByRole('button', { name: 'Re-arm…' }).click();
  const rearm = page.getByRole('dialog', { name: 'Re-arm the breaker' });
  await rearm.getByRole('button', { name: 'Cancel' }).click();
  await expect(rearm).toBeHidden();
  expect(events(terminal.dataDir, 'rearm')).toEqual([]);
  await expect(state).toHaveAttribute('data-level', '2');
  await page.getByRole('button', { name: 'Re-arm…' }).click();
  await rearm.getByLabel('Reason').fill('e2e: news is out');
  await rearm.getByRole('button', { name: 'Re-arm' }).click();
  await expect(rearm).toBeHidden();
  await expect(state).toHaveAttribute('data-level', '0');
  expect(events(terminal.dataDir, 'rearm')).toEqual([
    { actor: 'trader', reason: 'e2e: news is out', level_before: 2, level_after: 0 },
  ]);

  // The keyboard halt: Ctrl+Shift+H opens the confirmation with a reason; Enter halts.
  await page.getByRole('tab', { name: 'Risk' }).click();
  await page.keyboard.press('Control+Shift+H');
  const halt = page.getByRole('dialog', { name: 'Halt trading' });
  await expect(halt.getByLabel('Reason')).toHaveValue('Emergency halt from the keyboard');
  expect(events(terminal.dataDir, 'halt')).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(halt).toBeHidden();
  expect(events(terminal.dataDir, 'halt')).toEqual([
    { actor: 'trader', reason: 'Emergency halt from the keyboard', level_before: 0, level_after: 0 },
  ]);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(state).toHaveAttribute('data-halted', 'true');
  // Each action is a marker on the equity chart.
  await expect
    .poll(() => page.getByTestId('equity-chart').getAttribute('data-markers').then(Number))
    .toBeGreaterThanOrEqual(3);
  await snapshot(page, 'breaker');
});

test.describe('when the breaker trips', () => {
  // Tiny level 1 and 2 drawdowns, so the breaker trips soon after trading starts.
  test.use({
    settingsYaml: `${TRENDING}risk:\n  circuitBreaker:\n    levels:\n      - { drawdown: 0.0003, sizeMultiplier: 0.5 }\n      - { drawdown: 0.0006, sizeMultiplier: 0.5 }\n      - { drawdown: 0.5, sizeMultiplier: 0 }\n    cooldownMinutes: 1\n`,
  });

  test('a desktop notification says so, once the trader allowed them', async ({ page, terminal }) => {
    await page.addInitScript(() => {
      const shown: { title: string; body: string | undefined }[] = [];
      // Stands in for the browser's Notification: records what the page shows.
      const RecordingNotification = Object.assign(
        function (this: unknown, title: string, options?: NotificationOptions) {
          shown.push({ title, body: options?.body });
        },
        {
          permission: 'default' as NotificationPermission,
          requestPermission(): Promise<NotificationPermission> {
            RecordingNotification.permission = 'granted';
            return Promise.resolve('granted');
          },
        },
      );
      Object.assign(window, { Notification: RecordingNotification, shownNotifications: shown });
    });
    await openTerminal(page, terminal);
    await page.getByRole('button', { name: 'Notify me when the breaker trips' }).click();
    await expect(page.getByTestId('notifications')).toHaveAttribute('data-state', 'granted');
    const shown = () =>
      page.evaluate(
        () =>
          (window as unknown as { shownNotifications: { title: string; body: string }[] }).shownNotifications,
      );
    await expect.poll(async () => (await shown()).length, { timeout: 60_000 }).toBeGreaterThan(0);
    const [first] = await shown();
    expect(first!.title).toBe('BotV2: circuit breaker tripped');
    expect(first!.body).toMatch(/^Level [12], drawdown \d+\.\d\d %: drawdown \d+\.\d\d % reached level [12]/);
    const trips = events(terminal.dataDir, 'trip');
    expect(trips.length).toBeGreaterThan(0);
    expect(trips[0]!.actor).toBe('auto');
  });
});

test('halt, resume, force and re-arm persist: after a restart the state and the audit list are as left', async ({
  page,
  terminal,
}) => {
  await openTerminal(page, terminal);
  const state = page.getByTestId('breaker-state');
  const halt = async (reason: string) => {
    await page.getByRole('button', { name: 'Halt trading' }).click();
    const dialog = page.getByRole('dialog', { name: 'Halt trading' });
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Halt now' }).click();
    await expect(dialog).toBeHidden();
    await expect(state).toHaveAttribute('data-halted', 'true');
  };
  await halt('e2e: first halt');
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('dialog', { name: 'Resume trading' }).getByRole('button', { name: 'Resume' }).click();
  await expect(state).toHaveAttribute('data-halted', 'false');
  await page.getByRole('button', { name: 'Force level…' }).click();
  const force = page.getByRole('dialog', { name: 'Force a breaker level' });
  await force.getByLabel('Level').selectOption({ label: 'Level 2 (reduce)' });
  await force.getByLabel('Duration (minutes of engine time)').fill('10080');
  await force.getByLabel('Reason').fill('e2e: forced before the restart');
  await force.getByRole('button', { name: 'Force level' }).click();
  await expect(state).toHaveAttribute('data-level', '2');
  await page.getByRole('button', { name: 'Re-arm…' }).click();
  const rearm = page.getByRole('dialog', { name: 'Re-arm the breaker' });
  await rearm.getByLabel('Reason').fill('e2e: re-armed before the restart');
  await rearm.getByRole('button', { name: 'Re-arm' }).click();
  await expect(state).toHaveAttribute('data-level', '0');
  await halt('e2e: halted across the restart');

  await terminal.restart();
  await openTerminal(page, terminal);
  await expect(state).toHaveAttribute('data-halted', 'true');
  await expect(state).toContainText('e2e: halted across the restart');
  const audit = page.getByTestId('breaker-audit');
  await expect(audit.locator('li[data-kind="halt"]')).toHaveCount(2);
  await expect(audit.locator('li[data-kind="halt"]').first()).toContainText('e2e: halted across the restart');
  await expect(audit.locator('li[data-kind="resume"]')).toHaveCount(1);
  await expect(audit.locator('li[data-kind="force"]')).toContainText('e2e: forced before the restart');
  await expect(audit.locator('li[data-kind="rearm"]')).toContainText('e2e: re-armed before the restart');
  expect(events(terminal.dataDir, 'halt').map((e) => e.reason)).toEqual([
    'e2e: first halt',
    'e2e: halted across the restart',
  ]);
  // A graceful stop: no recovery notice after the restart.
  await expect(page.getByTestId('recovery')).toHaveCount(0);
});

test('after a storage fault the Resume button is offered (not only after a halt) and trading goes on', async ({
  page,
  terminal,
}) => {
  await openTerminal(page, terminal);
  const state = page.getByTestId('breaker-state');
  const resume = page.getByRole('button', { name: 'Resume' });
  await expect(state).toHaveAttribute('data-halted', 'false');
  await expect(resume).toBeDisabled();
  // Another program holds the write lock: the host's commit stays busy past its retries and trading stops.
  const other = new Database(join(terminal.dataDir, 'botv2.sqlite'));
  other.exec('BEGIN IMMEDIATE');
  const fault = page.locator('.status-bar .fault');
  try {
    await expect(fault).toContainText('the database stayed locked by another program', { timeout: 30_000 });
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  // The status bar says "press Resume": the breaker never halted, yet the button must be there.
  await expect(state).toHaveAttribute('data-halted', 'false');
  await expect(resume).toBeEnabled();
  await resume.click();
  const dialog = page.getByRole('dialog', { name: 'Resume trading' });
  await expect(dialog).toContainText('Resume tries again from the last commit');
  await dialog.getByRole('button', { name: 'Resume' }).click();
  await expect(dialog).toBeHidden();
  await expect(fault).toHaveCount(0);
  await expect(resume).toBeDisabled();
  const events = page.getByTestId('engine-status');
  const before = Number(await events.getAttribute('data-events'));
  await expect.poll(async () => Number(await events.getAttribute('data-events'))).toBeGreaterThan(before);
});
