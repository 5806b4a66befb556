import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built CLI (tests/global-setup.ts builds dist/), as a user runs it.
const CLI = join(__dirname, '../../dist/main/cli.cjs');
const SAMPLE = join(__dirname, '../../resources/data/sp500-2000.csv');

/**
 * Runs the CLI with the reader's end of its stdout pipe closed at once, before the child (still starting
 * Node) writes anything: every write then meets a closed pipe, as after `… | head -c 20` has exited.
 */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('a reader that closes the pipe early (botv2 … | head)', () => {
  it('ends a backtest --json quietly with its exit code', async () => {
    expect(await runWithClosedStdout(['backtest', '--data', SAMPLE, '--json'])).toEqual({
      code: 0,
      stderr: '',
    });
  });
});
