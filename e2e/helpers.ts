import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Terminal } from './fixtures';

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

const ARTIFACTS = join(__dirname, 'artifacts');

/** Saves a screenshot of the page to e2e/artifacts/<name>.png and attaches it to the report. */
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
}
