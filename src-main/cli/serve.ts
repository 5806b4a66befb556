import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readSecrets, secretValues } from '../config/secrets';
import { join, resolve } from 'node:path';
import type { Settings } from '../../src-shared/settings/schema';
import { startBrowserServer, type BrowserServer } from '../host/browser-server';
import { EngineHost } from '../host/engine-host';
import { createDispatch } from '../host/request-handlers';
import { createLogger } from '../log';

export interface ServeOptions {
  dataDir: string;
  settings: Settings;
  port: number;
  bindHost: string;
  speed?: number | undefined;
  seed?: number | undefined;
  staticDir?: string;
  allowFreshDatabase?: boolean;
}

export interface RunningServe {
  host: EngineHost;
  server: BrowserServer;
  stop(): Promise<void>;
}

/** The built renderer beside the built CLI (dist/main → dist/renderer). */
export function rendererDir(): string {
  return resolve(__dirname, '..', 'renderer');
}

/** Starts the engine host paper-trading and serves it to a browser. */
export async function serve(options: ServeOptions): Promise<RunningServe> {
  const staticDir = options.staticDir ?? rendererDir();
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`the renderer is not built (${staticDir}/index.html missing): run \`npm run build\``);
  }
  const token = randomBytes(24).toString('base64url');
  const logger = createLogger(options.dataDir, {
    ...options.settings.logging,
    secrets: [...secretValues(readSecrets()), token],
  });
  const host = new EngineHost({
    dataDir: options.dataDir,
    settings: options.settings,
    logger,
    speed: options.speed,
    seed: options.seed,
    mode: 'serve',
    allowFreshDatabase: options.allowFreshDatabase ?? false,
  });
  let server: BrowserServer;
  try {
    server = await startBrowserServer({
      dispatch: createDispatch(host, logger),
      subscribe: (listener) => host.subscribe(listener),
      staticDir,
      port: options.port,
      bindHost: options.bindHost,
      ipAllowlist: options.settings.dashboard.ipAllowlist,
      logger,
      token,
    });
  } catch (error) {
    host.close();
    throw error;
  }
  host.start();
  logger.info({ port: server.port, bindHost: options.bindHost }, 'browser mode listening');
  return {
    host,
    server,
    async stop() {
      await server.close();
      host.close();
      logger.info('stopped cleanly');
    },
  };
}
