import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedEquityHistory, seedFills } from './seed';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLI = join(__dirname, '..', 'dist', 'main', 'cli.cjs');

export interface Terminal {
  /** The running server's page URL (a new one after restart()). */
  readonly url: string;
  dataDir: string;
  output: string[];
  /**
   * Stops the server gracefully (SIGTERM, exit code 0), or kills it (SIGKILL) with `crash`, and starts it
   * again on the same data directory.
   */
  restart(options?: { crash?: boolean }): Promise<void>;
}

/** SIGTERM and the exit code: a graceful stop exits 0. */
async function stopServe(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

/** Starts `botv2 serve --port 0` on a fresh data directory and resolves once it prints its URL. */
async function startServe(
  dataDir: string,
  args: string[],
): Promise<{ child: ChildProcess; url: string; output: string[] }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /BotV2 browser mode: (http:\/\/\S+)/.exec(output.join(''));
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`botv2 serve exited with ${code}:\n${output.join('')}`)));
  });
  return { child, url, output };
}

/** A trending market gives the ensemble an edge, so its Kelly estimate keeps it trading. */
export const TRENDING = 'market:\n  scenario: trending\n';

export const test = base.extend<{
  terminal: Terminal;
  serveArgs: string[];
  /** The user's settings.yaml written into the data directory before the start. */
  settingsYaml: string;
  /** A database seeded before the start: this many fills, or an equity history of this many points. */
  seed: { fills?: number; equityPoints?: number };
}>({
  serveArgs: [['--speed', '3000', '--seed', '7'], { option: true }],
  settingsYaml: [TRENDING, { option: true }],
  seed: [{}, { option: true }],
  terminal: async ({ serveArgs, settingsYaml, seed }, use) => {
    test.skip(
      !existsSync(CHROMIUM) && !process.env.CI,
      `Chromium not found at ${CHROMIUM}: apt-get install chromium (CI installs it)`,
    );
    const dataDir = mkdtempSync(join(tmpdir(), 'botv2-e2e-'));
    writeFileSync(join(dataDir, 'settings.yaml'), settingsYaml);
    if (seed.fills) seedFills(dataDir, seed.fills);
    if (seed.equityPoints) seedEquityHistory(dataDir, seed.equityPoints);
    let current = await startServe(dataDir, serveArgs);
    const output = current.output;
    await use({
      get url() {
        return current.url;
      },
      dataDir,
      output,
      restart: async ({ crash = false } = {}) => {
        if (crash) {
          const killed = new Promise((resolve) => current.child.once('exit', resolve));
          current.child.kill('SIGKILL');
          await killed;
        } else expect(await stopServe(current.child)).toBe(0);
        current = await startServe(dataDir, serveArgs);
        output.push(...current.output);
      },
    });
    expect(await stopServe(current.child)).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
