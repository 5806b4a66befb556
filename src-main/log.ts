import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { RotatingLogFile, secretScrubber } from './log-file';

export type { Logger };

/** Keys whose values never reach a log line, at the top level and one level down. */
const SECRET_PATHS = ['token', 'apiKey', 'apiSecret', 'secret', 'password', 'authorization'].flatMap(
  (key) => [key, `*.${key}`],
);

export interface LogOptions {
  level: string;
  maxFileMegabytes: number;
  maxFiles: number;
  /** Secret values (API keys, the session token) scrubbed from every line, messages and stacks included. */
  secrets?: readonly string[];
}

/**
 * Structured JSON logs (pino) in `<dataDir>/logs/botv2.log`, rotated by size, with secrets redacted by key
 * path and by value. The spec's levels map to pino's: DEBUG debug, INFO info, WARNING warn, ERROR error,
 * CRITICAL fatal. A null data directory gives a silent logger (tests).
 */
export function createLogger(dataDir: string | null, options: LogOptions | string): Logger {
  const opts: LogOptions =
    typeof options === 'string' ? { level: options, maxFileMegabytes: 10, maxFiles: 5 } : options;
  const base = {
    level: opts.level,
    redact: { paths: SECRET_PATHS, censor: '[redacted]' },
    base: { app: 'botv2' },
  };
  if (dataDir === null) return pino({ ...base, enabled: false });
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = new RotatingLogFile(
    join(dir, 'botv2.log'),
    opts.maxFileMegabytes * 1024 * 1024,
    opts.maxFiles,
    secretScrubber(opts.secrets ?? []),
  );
  return pino(base, { write: (line: string) => file.write(line) });
}
