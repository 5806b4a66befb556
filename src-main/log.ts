import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';

export type { Logger };

/** Keys whose values never reach a log line, wherever they appear (one level deep and at the top). */
const SECRET_PATHS = ['token', 'apiKey', 'apiSecret', 'secret', 'password', 'authorization'].flatMap(
  (key) => [key, `*.${key}`],
);

/**
 * Structured JSON logs in `<dataDir>/logs/botv2.log`, secrets redacted. Rotation by size is part of the
 * persistence work (docs/ARCHITECTURE.md).
 */
export function createLogger(dataDir: string | null, level: string): Logger {
  const options = { level, redact: { paths: SECRET_PATHS, censor: '[redacted]' }, base: { app: 'botv2' } };
  if (dataDir === null) return pino({ ...options, enabled: false });
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  return pino(options, pino.destination({ dest: join(dir, 'botv2.log'), sync: true }));
}
