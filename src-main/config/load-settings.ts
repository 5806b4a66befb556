import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { formatPath } from '../../src-shared/ipc/result';
import { SettingsSchema, type Settings } from '../../src-shared/settings/schema';
import { parseYamlSource, YamlSyntaxError, type YamlSource } from './yaml-source';

/** Settings refused: one line per problem, each `file:line key.path: message`. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SettingsError';
  }
}

const SECRET_KEY = /(api[_-]?key|secret|password|passphrase|token|private[_-]?key)/i;

function readSource(file: string): YamlSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SettingsError([
      `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    ]);
  }
  try {
    return parseYamlSource(file, text);
  } catch (error) {
    if (error instanceof YamlSyntaxError) throw new SettingsError([error.message]);
    throw error;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * User values replace defaults key by key; arrays and scalars are replaced whole. Every key becomes an own
 * property (`__proto__` included, so the strict schema refuses it like any unknown key instead of it
 * replacing the object's prototype).
 */
export function mergeSettings(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    Object.defineProperty(merged, key, {
      value: Object.hasOwn(base, key) ? mergeSettings(base[key], value) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return merged;
}

function describeIssue(issue: z.core.$ZodIssue, sources: YamlSource[]): string[] {
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
  return keys.map((key) => {
    const path = key === undefined ? issue.path : [...issue.path, key];
    // The value came from the last file that names this path (the user's file overrides the defaults).
    const owner =
      [...sources].reverse().find((source) => hasPath(source.value, path)) ?? sources[sources.length - 1]!;
    const line = owner.lineOf(path);
    let message = issue.message;
    const given = valueAt(owner.value, path);
    if (
      key === undefined &&
      issue.code === 'invalid_type' &&
      issue.expected === 'object' &&
      given !== undefined
    ) {
      // A group of settings was expected; zod's words ("expected object, received null") are not a trader's.
      message =
        given === null
          ? 'empty: give its settings as key: value lines indented below it, or delete the line'
          : `expected key: value settings indented below it, found ${describeType(given)}`;
    }
    if (key !== undefined) {
      message = SECRET_KEY.test(key)
        ? 'looks like a secret; secrets are read from environment variables only, never from settings files'
        : 'unknown setting';
    }
    return `${owner.file}${line === null ? '' : `:${line}`} ${formatPath(path)}: ${message}`;
  });
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let node = value;
  for (const step of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, String(step))) return undefined;
    node = (node as Record<string, unknown>)[String(step)];
  }
  return node;
}

function hasPath(value: unknown, path: readonly PropertyKey[]): boolean {
  let node = value;
  for (const step of path) {
    if (typeof node !== 'object' || node === null || !(String(step) in node)) return false;
    node = (node as Record<string, unknown>)[String(step)];
  }
  return true;
}

/**
 * Loads the defaults and, if present, the user's settings file over them, and validates the result.
 * Throws SettingsError naming file, line and key path for every problem; nothing is partially applied.
 */
export function loadSettings(defaultsFile: string, userFile?: string): Settings {
  const sources = [readSource(defaultsFile)];
  if (userFile && existsSync(userFile)) {
    const user = readSource(userFile);
    if (!isPlainObject(user.value)) {
      throw new SettingsError([
        `${userFile}:1 expected a mapping of settings (key: value), found ${describeType(user.value)}`,
      ]);
    }
    sources.push(user);
  }
  const merged = sources.reduce<unknown>((acc, source) => mergeSettings(acc, source.value), {});
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success)
    throw new SettingsError(parsed.error.issues.flatMap((issue) => describeIssue(issue, sources)));
  return parsed.data;
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  return `a ${typeof value}`;
}
