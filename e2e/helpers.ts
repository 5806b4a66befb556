import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Terminal } from './fixtures';
import { pixelStats } from './png';

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

/**
 * Saves a screenshot of the page to e2e/artifacts/<name>.png, attaches it to the report, and checks it is
 * not blank: many colours, and no single colour covering nearly all of it (a page that failed to draw is
 * one background colour with a few glyphs at most).
 */
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  const png = await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
  const stats = pixelStats(png);
  expect(stats.colours, `${name}.png: distinct colours`).toBeGreaterThan(50);
  expect(stats.dominantShare, `${name}.png: share of the background colour`).toBeLessThan(0.97);
}
