import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { parseDocument } from 'yaml';
import type {
  SaveSettingsInput,
  SaveSettingsResult,
  SettingsProblem,
  SettingsSection,
  SettingsView,
} from '../../src-shared/ipc/dashboard-schemas';
import type { Settings } from '../../src-shared/settings/schema';
import { loadSettings, SettingsError } from '../config/load-settings';

export interface SettingsFiles {
  /** resources/default-settings.yaml */
  defaultsFile: string;
  /** settings.yaml in the data directory (may not exist yet). */
  userFile: string;
}

/**
 * When a change to each top-level section could take effect. "live": the engine reads it on every step
 * (breaker levels, Kelly and exposure limits, ensemble weights and voting, checkpoint interval, log
 * level), so it could be swapped between steps. "restart": read once when the host is built (the market and
 * its instruments, the starting cash and speed, data checks, the set of strategies and their parameters,
 * the execution simulator, the browser-mode allow list). No change is applied to a running engine yet
 * (`liveApply` false): every saved change takes effect at the next start.
 */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { key: 'market', applies: 'restart', note: 'the market and its instruments are built at start' },
  { key: 'paper', applies: 'restart', note: 'starting cash and speed are read at start' },
  { key: 'data', applies: 'restart', note: 'the validator and normaliser are built at start' },
  { key: 'strategies', applies: 'restart', note: 'strategies keep state built from these parameters' },
  { key: 'ensemble', applies: 'live', note: 'allocation and voting are read at each rebalance and vote' },
  { key: 'risk', applies: 'live', note: 'breaker levels and limits are read at every step' },
  { key: 'execution', applies: 'restart', note: 'the execution simulator is built at start' },
  { key: 'persistence', applies: 'live', note: 'the checkpoint interval is read at every step' },
  { key: 'dashboard', applies: 'restart', note: 'browser mode reads its allow list when it starts' },
  { key: 'logging', applies: 'live', note: 'the log level can change while running' },
];

export const LIVE_APPLY = false;

/**
 * Splits one of the loader's problem lines (`file:line key.path: message`) into the key path and line.
 * `files` maps the file names the loader saw to the names the trader should read (a temporary file is
 * shown as the settings.yaml it becomes). Lines not tied to a key (YAML syntax, an unreadable file) get
 * the path ''.
 */
export function parseProblem(line: string, files: readonly (readonly [string, string])[]): SettingsProblem {
  const known = files.find(([file]) => line.startsWith(file));
  if (!known) return { path: '', line: null, message: line };
  const rest = line.slice(known[0].length);
  const message = `${known[1]}${rest}`;
  const match = /^(?::(\d+))? ([\w$.[\]-]*): (.*)$/s.exec(rest);
  if (!match) {
    const lineMatch = /^:(\d+)/.exec(rest);
    return { path: '', line: lineMatch ? Number(lineMatch[1]) : null, message };
  }
  return { path: match[2]!, line: match[1] === undefined ? null : Number(match[1]), message };
}

function problemsOf(error: unknown, files: readonly (readonly [string, string])[]): SettingsProblem[] {
  if (error instanceof SettingsError) return error.problems.map((p) => parseProblem(p, files));
  throw error;
}

/** Top-level keys whose values differ between two settings objects (JSON comparison). */
export function changedSections(a: Settings, b: Settings): string[] {
  return SETTINGS_SECTIONS.map((s) => s.key).filter(
    (key) =>
      JSON.stringify((a as Record<string, unknown>)[key]) !==
      JSON.stringify((b as Record<string, unknown>)[key]),
  );
}

/** The settings as the files give them now, the user's file as text, and how each section applies. */
export function readSettingsView(files: SettingsFiles, running: Settings): SettingsView {
  const userYaml = existsSync(files.userFile) ? readFileSync(files.userFile, 'utf8') : '';
  let effective: Settings = running;
  let problems: SettingsProblem[] = [];
  try {
    effective = loadSettings(files.defaultsFile, files.userFile);
  } catch (error) {
    problems = problemsOf(error, [
      [files.userFile, files.userFile],
      [files.defaultsFile, files.defaultsFile],
    ]);
  }
  return {
    effective: effective as unknown as Record<string, unknown>,
    userFile: files.userFile,
    userYaml,
    sections: [...SETTINGS_SECTIONS],
    liveApply: LIVE_APPLY,
    pendingRestart: changedSections(effective, running),
    problems,
  };
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const step of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/**
 * The new text of the user's file: the text given, or the current file with each change set in place.
 * A list in a user file replaces the default list whole, so a change inside a list the file does not
 * name first copies the whole list from the current settings, then changes the one element.
 */
function newText(files: SettingsFiles, input: SaveSettingsInput, current: Settings): string {
  if ('yaml' in input) return input.yaml;
  const text = existsSync(files.userFile) ? readFileSync(files.userFile, 'utf8') : '';
  // Editing the parsed document keeps the trader's comments and layout around the changed keys.
  const doc = parseDocument(text);
  if (doc.errors.length)
    throw new Error(`${files.userFile} has a YAML error; fix it in the text editor first`);
  if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  for (const change of input.changes) {
    const firstIndex = change.path.findIndex((step) => typeof step === 'number');
    if (firstIndex > 0) {
      const list = change.path.slice(0, firstIndex);
      if (!doc.hasIn(list)) doc.setIn(list, doc.createNode(valueAt(current, list)));
    }
    doc.setIn(change.path, change.value);
  }
  return doc.toString();
}

let tempCounter = 0;

function writeDurably(file: string, text: string): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Validates the new settings with the start-up loader (defaults + the new user file) and, if they load,
 * replaces the user's settings.yaml atomically: the text is written and synced to a temporary file beside
 * it, checked, then renamed over it. On problems nothing changes and each problem is returned with its key
 * path, so the form can show it at the field.
 */
export function saveSettingsFile(
  files: SettingsFiles,
  input: SaveSettingsInput,
  running: Settings,
): SaveSettingsResult {
  let current = running;
  try {
    current = loadSettings(files.defaultsFile, files.userFile);
  } catch {
    // The file on disk does not load (edited by hand): lists are copied from the running settings.
  }
  const text = newText(files, input, current);
  const temp = `${files.userFile}.saving-${process.pid}-${(tempCounter += 1)}`;
  writeDurably(temp, text);
  let loaded: Settings;
  try {
    loaded = loadSettings(files.defaultsFile, temp);
  } catch (error) {
    rmSync(temp, { force: true });
    return {
      saved: false,
      file: files.userFile,
      problems: problemsOf(error, [
        [temp, files.userFile],
        [files.defaultsFile, files.defaultsFile],
      ]),
      pendingRestart: [],
    };
  }
  try {
    renameSync(temp, files.userFile);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dirname(files.userFile));
  return {
    saved: true,
    file: files.userFile,
    problems: [],
    pendingRestart: changedSections(loaded, running),
  };
}

/** Makes the rename durable where the platform allows opening a directory (not on Windows). */
function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a directory; its rename is durable enough for a settings file.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
