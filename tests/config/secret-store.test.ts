import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasControlCharacter,
  resolveSecrets,
  SecretStore,
  SECRETS_FILE,
  type SafeStorageLike,
} from '../../src-main/config/secret-store';
import { secretValues } from '../../src-main/config/secrets';
import { createLogger } from '../../src-main/log';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const KEY = 'sk-live-7Hq2ZpV9xR4mW1';

/**
 * A stand-in for safeStorage: XOR with a fixed byte behind a version tag, so the file never holds the
 * plaintext (or its base64), and counts its calls so a refusal can be shown to encrypt nothing.
 */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true) {
  const calls = { encrypt: 0, decrypt: 0 };
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
  const storage: SafeStorageLike = {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => {
      calls.encrypt += 1;
      return Buffer.concat([Buffer.from('v11'), xor(Buffer.from(plain, 'utf8'))]);
    },
    decryptString: (encrypted) => {
      calls.decrypt += 1;
      if (encrypted.subarray(0, 3).toString() !== 'v11')
        throw new Error('Error while decrypting the ciphertext');
      return xor(encrypted.subarray(3)).toString('utf8');
    },
  };
  return { storage, calls };
}

const ENV_HINT =
  'set them as environment variables instead (BOTV2_EXCHANGE_API_KEY, BOTV2_EXCHANGE_API_SECRET, BOTV2_PREDICTION_MARKET_API_KEY)';

describe('secret store (safeStorage)', () => {
  it('stores a key encrypted, readable by the user only, and gives it back as a Secret that never prints', () => {
    const dir = tempDir();
    const store = new SecretStore(dir, fakeSafeStorage().storage, 'linux');
    expect(store.save('exchangeApiKey', `  ${KEY}\n`)).toEqual({ ok: true, value: undefined });
    const file = join(dir, SECRETS_FILE);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}.tmp`)).toBe(false);

    const loaded = store.load('exchangeApiKey');
    expect(loaded.ok && loaded.value?.reveal()).toBe(KEY);
    const secret = loaded.ok ? loaded.value : null;
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}');
    expect(inspect({ secret })).not.toContain(KEY);
    expect(`${String(secret)}`).toBe('[redacted]');
    expect(store.storedNames()).toEqual({ ok: true, value: ['exchangeApiKey'] });
    expect(store.load('exchangeApiSecret')).toEqual({ ok: true, value: null });
  });

  it("refuses on Linux without a keyring ('basic_text'), says why, and writes nothing", () => {
    const dir = tempDir();
    const fake = fakeSafeStorage('basic_text');
    const store = new SecretStore(dir, fake.storage, 'linux');
    const refusal =
      'BotV2 does not store API keys on this computer: no keyring (GNOME Keyring / Secret Service or KWallet) ' +
      "is running, so Electron's only store here is 'basic_text', which encrypts with a fixed, publicly known " +
      `key and protects nothing. Start or install a keyring, or ${ENV_HINT}.`;
    expect(store.availability()).toEqual({ ok: false, error: refusal });
    expect(store.save('exchangeApiKey', KEY)).toEqual({ ok: false, error: refusal });
    expect(fake.calls.encrypt).toBe(0);
    expect(existsSync(join(dir, SECRETS_FILE))).toBe(false);
  });

  it('refuses before the keyring is known, and where the OS cannot encrypt', () => {
    expect(
      new SecretStore(tempDir(), fakeSafeStorage('unknown').storage, 'linux').save('exchangeApiKey', KEY),
    ).toEqual({
      ok: false,
      error: `BotV2 cannot tell yet which keyring this computer has (asked before the app was ready); ${ENV_HINT}.`,
    });
    expect(
      new SecretStore(tempDir(), fakeSafeStorage('kwallet5', false).storage, 'win32').save(
        'exchangeApiKey',
        KEY,
      ),
    ).toEqual({
      ok: false,
      error: `BotV2 cannot store API keys: the operating system's encryption is not available; ${ENV_HINT}.`,
    });
  });

  it('asks about the Linux backend only on Linux (macOS Keychain, Windows DPAPI)', () => {
    const store = new SecretStore(tempDir(), fakeSafeStorage('basic_text').storage, 'darwin');
    expect(store.save('exchangeApiKey', KEY).ok).toBe(true);
  });

  it('refuses unusable values with the reason', () => {
    const store = new SecretStore(tempDir(), fakeSafeStorage().storage, 'linux');
    expect(store.save('exchangeApiKey', '   ')).toEqual({
      ok: false,
      error: 'exchangeApiKey: the key is empty',
    });
    expect(store.save('exchangeApiSecret', 'ab\ncd')).toEqual({
      ok: false,
      error:
        'exchangeApiSecret: the key contains a line break or another control character; paste it again without',
    });
    expect(['a\tb', 'a\u0000', 'del\u007f', 'x\r'].map(hasControlCharacter)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['sk-é€漢', 'a b', 'A/B+C='].map(hasControlCharacter)).toEqual([false, false, false]);
    expect(store.save('exchangeApiKey', 'x'.repeat(4097))).toEqual({
      ok: false,
      error: 'exchangeApiKey: the key is longer than 4096 characters',
    });
  });

  it('keeps the other keys when one is replaced or removed', () => {
    const store = new SecretStore(tempDir(), fakeSafeStorage().storage, 'linux');
    store.save('exchangeApiKey', 'first-key');
    store.save('exchangeApiSecret', 'the-secret');
    store.save('exchangeApiKey', 'second-key');
    const key = store.load('exchangeApiKey');
    expect(key.ok && key.value?.reveal()).toBe('second-key');
    expect(store.remove('exchangeApiKey')).toEqual({ ok: true, value: undefined });
    expect(store.storedNames()).toEqual({ ok: true, value: ['exchangeApiSecret'] });
    const secret = store.load('exchangeApiSecret');
    expect(secret.ok && secret.value?.reveal()).toBe('the-secret');
  });

  it('round-trips any usable key exactly (property)', () => {
    const store = new SecretStore(tempDir(), fakeSafeStorage().storage, 'linux');
    const usable = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 200 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && !hasControlCharacter(s));
    fc.assert(
      fc.property(usable, (value) => {
        expect(store.save('predictionMarketApiKey', value).ok).toBe(true);
        const back = store.load('predictionMarketApiKey');
        expect(back.ok && back.value?.reveal()).toBe(value);
      }),
      { numRuns: 60 },
    );
  });

  it('names the file when it is damaged, and a key that no longer decrypts', () => {
    const dir = tempDir();
    const file = join(dir, SECRETS_FILE);
    const store = new SecretStore(dir, fakeSafeStorage().storage, 'linux');
    writeFileSync(file, '{"version": 1, "secrets": {"exchangeApiKey": 42}}');
    expect(store.load('exchangeApiKey')).toEqual({
      ok: false,
      error: `${file}: secrets.exchangeApiKey: Invalid input: expected string, received number; move it aside to start again`,
    });
    expect(store.save('exchangeApiKey', KEY).ok).toBe(false);
    writeFileSync(
      file,
      JSON.stringify({ version: 1, secrets: { exchangeApiKey: Buffer.from('v10xx').toString('base64') } }),
    );
    expect(store.load('exchangeApiKey')).toEqual({
      ok: false,
      error: `exchangeApiKey is stored but cannot be decrypted (Error while decrypting the ciphertext); store it again or ${ENV_HINT}`,
    });
  });

  it('reports a stored key as unreadable once the keyring is gone', () => {
    const dir = tempDir();
    new SecretStore(dir, fakeSafeStorage().storage, 'linux').save('exchangeApiKey', KEY);
    const later = new SecretStore(dir, fakeSafeStorage('basic_text').storage, 'linux').load('exchangeApiKey');
    expect(later.ok).toBe(false);
    expect(later.ok ? '' : later.error).toMatch(
      /^exchangeApiKey is stored but cannot be read: BotV2 does not store/,
    );
  });
});

describe('resolving secrets: environment first, then the store, never in a log', () => {
  it('prefers the environment, falls back to the store, and reports problems without values', () => {
    const dir = tempDir();
    const store = new SecretStore(dir, fakeSafeStorage().storage, 'linux');
    store.save('exchangeApiKey', 'stored-key-1234');
    store.save('exchangeApiSecret', 'stored-secret-5678');
    const { secrets, problems } = resolveSecrets({ BOTV2_EXCHANGE_API_KEY: 'env-key-9999' }, store);
    expect(secrets.exchangeApiKey?.reveal()).toBe('env-key-9999');
    expect(secrets.exchangeApiSecret?.reveal()).toBe('stored-secret-5678');
    expect(secrets.predictionMarketApiKey).toBeUndefined();
    expect(problems).toEqual([]);

    writeFileSync(join(dir, SECRETS_FILE), 'not json');
    const damaged = resolveSecrets({}, store);
    expect(damaged.problems).toHaveLength(1);
    expect(damaged.problems[0]).toMatch(/secrets\.json: not readable as JSON/);
    expect(resolveSecrets({}, null)).toEqual({ secrets: {}, problems: [] });
  });

  it('scrubs a stored key from every log line once resolved', () => {
    const dir = tempDir();
    const store = new SecretStore(dir, fakeSafeStorage().storage, 'linux');
    store.save('exchangeApiSecret', KEY);
    const { secrets } = resolveSecrets({}, store);
    const logger = createLogger(dir, {
      level: 'info',
      maxFileMegabytes: 1,
      maxFiles: 1,
      secrets: secretValues(secrets),
    });
    logger.info({ secrets }, `exchange said: invalid key ${KEY}`);
    logger.error({ err: new Error(`rejected ${KEY}`) }, 'login failed');
    const log = readFileSync(join(dir, 'logs', 'botv2.log'), 'utf8');
    expect(log).not.toContain(KEY);
    expect(log).toContain('exchange said: invalid key [redacted]');
  });
});
