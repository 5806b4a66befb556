import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src-main/log';
import { RotatingLogFile, secretScrubber } from '../../src-main/log-file';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('logging', () => {
  it('never writes a secret: not by key, not inside a message, not inside an error stack', () => {
    const dir = tempDir();
    const secret = 'sk-live-5f2a9c7e1b';
    const logger = createLogger(dir, { level: 'info', maxFileMegabytes: 10, maxFiles: 5, secrets: [secret] });
    logger.info({ apiKey: secret, nested: { token: secret } }, 'connecting');
    logger.error({ err: new Error(`exchange refused key ${secret}`) }, `login failed for ${secret}`);
    logger.warn({ detail: `quoted "${secret}"` }, 'x');
    const text = readFileSync(join(dir, 'logs', 'botv2.log'), 'utf8');
    expect(text).not.toContain(secret);
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(6);
    expect(text).toContain('login failed for [redacted]');
  });

  it('rotates at the size limit and keeps the configured number of files', () => {
    const dir = tempDir();
    const path = join(dir, 'app.log');
    const file = new RotatingLogFile(path, 100, 3);
    const line = `${'x'.repeat(39)}\n`; // 40 bytes: two lines fit in 100, the third rotates
    for (let i = 0; i < 20; i++) file.write(line);
    file.close();
    expect(readdirSync(dir).sort()).toEqual(['app.log', 'app.log.1', 'app.log.2', 'app.log.3']);
    for (const name of readdirSync(dir))
      expect(readFileSync(join(dir, name), 'utf8').length).toBeLessThanOrEqual(100);
    expect(existsSync(`${path}.4`)).toBe(false);
  });

  it('scrubs the longest secret first and ignores values too short to be secrets', () => {
    const scrub = secretScrubber(['abcd', 'abcdefgh', 'x']);
    expect(scrub('abcdefgh abcd x')).toBe('[redacted] [redacted] x');
  });
});
