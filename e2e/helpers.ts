import type { Page } from '@playwright/test';
import { expect, type Terminal } from './fixtures';

/** Opens the terminal and waits until it is connected and has its first snapshot. */
export async function openTerminal(page: Page, terminal: Terminal): Promise<void> {
  await page.goto(terminal.url);
  await expect(page.locator('.terminal')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');
}

/** Opens one of the terminal's views by its tab. */
export async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}
