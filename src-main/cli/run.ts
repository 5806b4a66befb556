import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings } from '../config/load-settings';
import { readSecrets, secretValues } from '../config/secrets';
import { EngineHost } from '../host/engine-host';
import { defaultDataDir, USER_SETTINGS_FILE } from '../host/paths';
import { defaultSettingsFile } from '../host/resources';
import { createLogger } from '../log';
import { numberOption, UsageError } from './options';
import { csvFeedFactory } from '../host/feeds';

/**
 * `botv2 run`: paper-trades without a UI until SIGINT/SIGTERM (or the feed ends), logging to the data
 * directory. With --progress, prints one line per committed batch: `committed steps=N fills=N last_fill=ID`
 * (what is printed is durable).
 */
export async function runHeadless(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      feed: { type: 'string' },
      speed: { type: 'string' },
      seed: { type: 'string' },
      'fresh-db': { type: 'boolean' },
      progress: { type: 'boolean' },
    },
    strict: true,
  });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const feed = values.feed ?? 'synthetic';
  const csvFiles = feed.startsWith('csv:')
    ? feed
        .slice(4)
        .split(',')
        .filter(Boolean)
        .map((f) => resolve(f))
    : null;
  if (feed !== 'synthetic' && !csvFiles?.length) {
    throw new UsageError(`--feed: "${feed}" is not a feed; use synthetic or csv:FILE[,FILE…]`);
  }
  const speed = values.speed === 'max' ? 'max' : numberOption(values.speed, 'speed', (n) => n > 0);
  const seed = numberOption(values.seed, 'seed', Number.isInteger);
  const settings = loadSettings(defaultSettingsFile(), join(dataDir, USER_SETTINGS_FILE));
  const logger = createLogger(dataDir, { ...settings.logging, secrets: secretValues(readSecrets()) });
  const host = new EngineHost({
    dataDir,
    settings,
    logger,
    speed,
    seed,
    mode: 'run',
    allowFreshDatabase: values['fresh-db'] ?? false,
    ...(csvFiles ? { createFeed: csvFeedFactory(csvFiles) } : {}),
  });
  const recovery = host.status().recovery;
  if (recovery) console.log(`botv2: ${recovery}`);
  console.log(
    `botv2: paper trading (${feed}, speed ${speed ?? settings.paper.speed}) in ${dataDir}; Ctrl+C stops`,
  );
  let fills = 0;
  let lastFill = 0;
  let steps = 0;
  host.subscribe((name, payload) => {
    if (name === 'fill') {
      fills += 1;
      lastFill = (payload as { id: number }).id;
    } else if (name === 'equity') {
      steps = host.status().events;
      if (values.progress) console.log(`committed steps=${steps} fills=${fills} last_fill=${lastFill}`);
    }
  });
  await new Promise<void>((done) => {
    let stopped = false;
    const stop = (why: string) => {
      if (stopped) return;
      stopped = true;
      host.close();
      console.log(`botv2: ${why}: stopped cleanly after ${host.status().events} steps, ${fills} fills`);
      done();
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    host.subscribe((name, payload) => {
      if (name !== 'status') return;
      const status = payload as { fault: string | null; running: boolean };
      if (status.fault) console.error(`botv2: ${status.fault}`);
      // A replayed file that has run out ends the run cleanly.
      else if (!status.running) stop('end of the feed');
    });
    host.start();
  });
  return host.status().fault ? 1 : 0;
}
