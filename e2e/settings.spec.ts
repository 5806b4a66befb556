import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, TRENDING } from './fixtures';
import { openTerminal, openView, snapshot } from './helpers';

test('settings: a bad value is refused at its field, a good one is saved to settings.yaml', async ({
  page,
  terminal,
}) => {
  const file = join(terminal.dataDir, 'settings.yaml');
  await openTerminal(page, terminal);
  await openView(page, 'Settings');
  await expect(page.getByTestId('applies-market')).toHaveText('Needs a restart');
  await expect(page.getByTestId('applies-risk')).toHaveText('Applies at next start');

  // The risk section is open; Kelly's fraction must be between 0 and 1.
  const fraction = page.getByLabel('kelly.fraction', { exact: true });
  await expect(fraction).toHaveValue('0.25');
  await fraction.fill('2');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const field = page.locator('.field[data-key="risk.kelly.fraction"]');
  await expect(field.locator('.field-error')).toHaveText('expected a number between 0 and 1');
  await expect(fraction).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('settings-problems')).toContainText('1 problem');
  expect(readFileSync(file, 'utf8')).toBe(TRENDING);

  // A word where a number belongs gets the schema's own message.
  await fraction.fill('0.2');
  await page.locator('[data-section="paper"] > summary').click();
  const speed = page.getByLabel('speed', { exact: true });
  await speed.fill('fast');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('.field[data-key="paper.speed"] .field-error')).toHaveText(
    'expected a positive number',
  );
  await expect(speed).toBeVisible();
  await expect(field.locator('.field-error')).toHaveCount(0);
  await snapshot(page, 'settings-error');

  await speed.fill('120');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText(
    `Saved to ${file}. Changes to paper, risk take effect at the next start.`,
  );
  // Saved in place: the trader's own keys stay, the changed ones are added.
  expect(readFileSync(file, 'utf8')).toBe(
    `${TRENDING}paper:\n  speed: 120\nrisk:\n  kelly:\n    fraction: 0.2\n`,
  );
  await expect(page.getByLabel('kelly.fraction', { exact: true })).toHaveValue('0.2');
  await expect(page.locator('[data-section="risk"] .badge.pending')).toBeVisible();

  // The YAML text view shows the file and refuses a syntax error with its line.
  await page.getByRole('radio', { name: 'YAML text' }).click();
  const text = page.getByLabel('settings.yaml (only the keys you change from the defaults)');
  await expect(text).toHaveValue(readFileSync(file, 'utf8'));
  await text.fill('paper:\n  speed: 5\n speed: 6\n');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-problems')).toContainText(`${file}:3 YAML syntax:`);
});
