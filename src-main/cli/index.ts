import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings, SettingsError } from '../config/load-settings';
import { defaultDataDir, USER_SETTINGS_FILE } from '../host/paths';
import { defaultSettingsFile } from '../host/resources';
import { DatabaseRefusedError } from '../store/refused-error';
import { BACKTEST_USAGE, runBacktestCommand } from './backtest';
import { isClosedPipe, numberOption, UsageError } from './options';

// The other commands are loaded when used: a backtest need not pay for the server, SQLite or the logger
// at start-up (measured in tests/bench/backtest.bench.ts, process start to JSON).

const USAGE = `Usage: botv2 <command> [options]

Commands:
  serve [--port N] [--data-dir DIR] [--host ADDR] [--speed N] [--seed N] [--fresh-db]
        Paper-trade on the synthetic market and serve the terminal to a browser (127.0.0.1 by default;
        --port 0 picks a free port). The printed URL carries the session token. --fresh-db: if the
        database is unusable, move it aside (never deleted) and start a new one.
  run [--data-dir DIR] [--feed synthetic|csv:FILE[,FILE…]] [--speed N|max] [--seed N] [--fresh-db] [--progress]
        Paper-trade without a UI until stopped (Ctrl+C), logging to DIR/logs.
  export [--data-dir DIR] (--out FILE.sqlite | --csv DIR)
        Copy the database with SQLite's online backup (safe while trading runs), or write trades,
        fills and checkpoints as CSV.
  strategies [--data-dir DIR] [--json]
        List the 20 strategies: id, name, category, rule, the data they need, and their parameters
        as DIR/settings.yaml sets them over the defaults.
  data check FILE… [--json]
        Validate market-data files (CSV); exit 1 when a file is unusable.
  check-config FILE
        Validate a settings file (over the defaults); print every problem with file, line and key.
${BACKTEST_USAGE}
`;

async function runServe(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      speed: { type: 'string' },
      seed: { type: 'string' },
      'fresh-db': { type: 'boolean' },
    },
    strict: true,
  });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const port = numberOption(values.port, 'port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535) ?? 4318;
  const speed = numberOption(values.speed, 'speed', (n) => n > 0);
  const seed = numberOption(values.seed, 'seed', Number.isInteger);
  const bindHost = values.host ?? '127.0.0.1';
  if (values.host && !['127.0.0.1', 'localhost', '::1'].includes(values.host)) {
    console.warn(
      `botv2: warning: listening on ${values.host}, not only on this computer; other machines also need to be in dashboard.ipAllowlist, and the token travels unencrypted over plain HTTP.`,
    );
  }
  const settings = loadSettings(defaultSettingsFile(), join(dataDir, USER_SETTINGS_FILE));
  const { serve } = await import('./serve');
  const running = await serve({
    dataDir,
    settings,
    port,
    bindHost,
    speed,
    seed,
    allowFreshDatabase: values['fresh-db'] ?? false,
  });
  let stopping = false;
  // The signal handlers are in place before the URL is printed: whoever reads it may stop us at once.
  const stopped = new Promise<void>((done) => {
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`botv2: ${signal}: stopping…`);
      void running.stop().then(done, (error: unknown) => {
        console.error(`botv2: stop failed: ${String(error)}`);
        done();
      });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
  const recovery = running.host.status().recovery;
  if (recovery) console.log(`botv2: ${recovery}`);
  console.log(`BotV2 browser mode: ${running.server.url}`);
  console.log(`data directory: ${dataDir}`);
  await stopped;
  return 0;
}

function runCheckConfig(args: string[]): number {
  const [file, ...rest] = args;
  if (!file || rest.length) throw new UsageError('check-config takes exactly one FILE');
  loadSettings(defaultSettingsFile(), resolve(file));
  console.log(`${file}: ok`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'serve':
        return await runServe(args);
      case 'check-config':
        return runCheckConfig(args);
      case 'run':
        return await (await import('./run')).runHeadless(args);
      case 'export':
        return await (await import('./export')).runExport(args);
      case 'strategies':
        return (await import('./strategies')).runStrategies(args);
      case 'data':
        if (args[0] !== 'check')
          throw new UsageError('the data command is `botv2 data check FILE… [--json]`');
        return (await import('./data-check')).runDataCheck(args.slice(1));
      case 'backtest':
        return await runBacktestCommand(args);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(`botv2: settings refused:\n${error.problems.map((p) => `  ${p}`).join('\n')}`);
      return 2;
    }
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      console.error(`botv2: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof DatabaseRefusedError) {
      console.error(`botv2: ${error.message}`);
      return 3;
    }
    console.error(`botv2: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  // Output to a closed pipe goes nowhere, as with any Unix tool, and the command still finishes its work
  // (a trading session is not cut short). Any other stdout error stays fatal.
  process.stdout.on('error', (error) => {
    if (!isClosedPipe(error)) throw error;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
