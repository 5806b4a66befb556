import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describeZodError, err, ok, type Result } from '../../src-shared/ipc/result';
import { Secret, SECRET_ENV, readSecrets, type Secrets } from './secrets';

// API keys kept on disk, encrypted by the operating system through Electron's safeStorage (Keychain on
// macOS, DPAPI on Windows, the Secret Service or KWallet on Linux). safeStorage is injected, so this file
// needs no Electron and is tested with a fake. Environment variables always win over stored keys.

export type SecretName = keyof typeof SECRET_ENV;

export const SECRET_NAMES = Object.keys(SECRET_ENV) as SecretName[];

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: which password store Chromium picked ('basic_text' means none). */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const SECRETS_FILE = 'secrets.json';
const MAX_SECRET_LENGTH = 4096;

const ENV_HINT = `set them as environment variables instead (${Object.values(SECRET_ENV).join(', ')})`;

const SecretsFileSchema = z.strictObject({
  version: z.literal(1),
  secrets: z.partialRecord(z.enum(SECRET_NAMES as [SecretName, ...SecretName[]]), z.base64().min(1)),
});
type SecretsFile = z.infer<typeof SecretsFileSchema>;

/**
 * Encrypted API keys in `<dataDir>/secrets.json` (base64 of safeStorage's ciphertext; the file is
 * replaced atomically and readable by the user only). Refuses to store — and says why — when the
 * operating system cannot encrypt, and on Linux when Chromium fell back to its 'basic_text' store, whose
 * key is a constant: a keyring is then missing and "encrypted" would be a lie. Values come back as
 * Secret, which never prints.
 */
export class SecretStore {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.file = join(dataDir, SECRETS_FILE);
  }

  /** Whether keys can be stored (and read back) here; if not, the reason in the trader's words. */
  availability(): Result<void> {
    if (this.platform === 'linux') {
      const backend = this.safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      if (backend === 'basic_text') {
        return err(
          'BotV2 does not store API keys on this computer: no keyring (GNOME Keyring / Secret Service or ' +
            "KWallet) is running, so Electron's only store here is 'basic_text', which encrypts with a fixed, " +
            `publicly known key and protects nothing. Start or install a keyring, or ${ENV_HINT}.`,
        );
      }
      if (backend === 'unknown') {
        return err(
          `BotV2 cannot tell yet which keyring this computer has (asked before the app was ready); ${ENV_HINT}.`,
        );
      }
    }
    if (!this.safeStorage.isEncryptionAvailable()) {
      return err(
        `BotV2 cannot store API keys: the operating system's encryption is not available; ${ENV_HINT}.`,
      );
    }
    return ok(undefined);
  }

  /** Encrypts and stores one key, replacing any stored before; nothing is written when it is refused. */
  save(name: SecretName, value: string): Result<void> {
    const usable = checkValue(name, value);
    if (!usable.ok) return usable;
    const available = this.availability();
    if (!available.ok) return available;
    const current = this.read();
    if (!current.ok) return current;
    let encrypted: Buffer;
    try {
      encrypted = this.safeStorage.encryptString(value.trim());
    } catch (error) {
      return err(`${name}: encryption failed (${messageOf(error)}); nothing was stored`);
    }
    return this.write({
      version: 1,
      secrets: { ...current.value.secrets, [name]: encrypted.toString('base64') },
    });
  }

  /** The stored key, decrypted; null when none is stored. */
  load(name: SecretName): Result<Secret | null> {
    const current = this.read();
    if (!current.ok) return current;
    const stored = current.value.secrets[name];
    if (stored === undefined) return ok(null);
    const available = this.availability();
    if (!available.ok) return err(`${name} is stored but cannot be read: ${available.error}`);
    try {
      return ok(new Secret(this.safeStorage.decryptString(Buffer.from(stored, 'base64'))));
    } catch (error) {
      return err(
        `${name} is stored but cannot be decrypted (${messageOf(error)}); store it again or ${ENV_HINT}`,
      );
    }
  }

  /** Deletes one stored key (no error when none was stored). */
  remove(name: SecretName): Result<void> {
    const current = this.read();
    if (!current.ok) return current;
    if (current.value.secrets[name] === undefined) return ok(undefined);
    const secrets = Object.fromEntries(Object.entries(current.value.secrets).filter(([key]) => key !== name));
    return this.write({ version: 1, secrets });
  }

  /** Which keys are stored: names only, never values. */
  storedNames(): Result<SecretName[]> {
    const current = this.read();
    return current.ok
      ? ok(SECRET_NAMES.filter((name) => current.value.secrets[name] !== undefined))
      : current;
  }

  private read(): Result<SecretsFile> {
    if (!existsSync(this.file)) return ok({ version: 1, secrets: {} });
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (error) {
      return err(`${this.file}: not readable as JSON (${messageOf(error)}); move it aside to start again`);
    }
    const parsed = SecretsFileSchema.safeParse(raw);
    return parsed.success
      ? ok(parsed.data)
      : err(`${this.file}: ${describeZodError(parsed.error)}; move it aside to start again`);
  }

  private write(content: SecretsFile): Result<void> {
    const temporary = `${this.file}.tmp`;
    try {
      writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
      chmodSync(temporary, 0o600); // the mode option does not apply when the file already existed
      renameSync(temporary, this.file);
      return ok(undefined);
    } catch (error) {
      rmSync(temporary, { force: true });
      return err(`${this.file}: could not be written (${messageOf(error)}); nothing was stored`);
    }
  }
}

function checkValue(name: SecretName, value: string): Result<void> {
  const trimmed = value.trim();
  if (!trimmed) return err(`${name}: the key is empty`);
  if (trimmed.length > MAX_SECRET_LENGTH)
    return err(`${name}: the key is longer than ${MAX_SECRET_LENGTH} characters`);
  if (hasControlCharacter(trimmed)) {
    return err(`${name}: the key contains a line break or another control character; paste it again without`);
  }
  return ok(undefined);
}

/** A line break, tab, NUL or other C0 control character, or DEL: never part of an API key. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Every key BotV2 has: from the environment (which wins), else from the store. Problems (a key that
 * cannot be decrypted, an unreadable file) are returned as sentences for the log; they name keys, never
 * values.
 */
export function resolveSecrets(
  env: NodeJS.ProcessEnv,
  store: SecretStore | null,
): { secrets: Secrets; problems: string[] } {
  const secrets = readSecrets(env);
  const problems: string[] = [];
  if (!store) return { secrets, problems };
  for (const name of SECRET_NAMES) {
    if (secrets[name]) continue;
    const stored = store.load(name);
    if (!stored.ok) problems.push(stored.error);
    else if (stored.value) secrets[name] = stored.value;
  }
  return { secrets, problems: [...new Set(problems)] };
}
