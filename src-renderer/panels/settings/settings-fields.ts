import type { SettingsProblem } from '../../../src-shared/ipc/dashboard-schemas';
import { formatPath } from '../../../src-shared/ipc/result';

export type FieldKind = 'number' | 'text' | 'boolean' | 'list';

/** One editable leaf of settings.yaml. */
export interface SettingsField {
  path: (string | number)[];
  /** The key path as the loader writes it: risk.circuitBreaker.levels[0].drawdown. */
  key: string;
  section: string;
  kind: FieldKind;
  /** For a list: whether its items are numbers. */
  numericList: boolean;
  /** What the input shows at first. */
  initial: string | boolean;
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every leaf of the settings as a field: numbers, text and switches; a list of plain values is one field
 * (comma-separated); a list of mappings gives fields per item.
 */
export function flattenSettings(settings: Record<string, unknown>): SettingsField[] {
  const fields: SettingsField[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    const base = { path, key: formatPath(path), section: String(path[0]), numericList: false };
    if (isPlain(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
    } else if (Array.isArray(value)) {
      if (value.length > 0 && value.every((item) => isPlain(item) || Array.isArray(item)))
        value.forEach((item, i) => visit(item, [...path, i]));
      else
        fields.push({
          ...base,
          kind: 'list',
          numericList: value.length > 0 && value.every((item) => typeof item === 'number'),
          initial: value.map(String).join(', '),
        });
    } else if (typeof value === 'boolean') {
      fields.push({ ...base, kind: 'boolean', initial: value });
    } else if (typeof value === 'number') {
      fields.push({ ...base, kind: 'number', initial: String(value) });
    } else {
      fields.push({
        ...base,
        kind: 'text',
        initial: value === null || value === undefined ? '' : String(value),
      });
    }
  };
  for (const [key, value] of Object.entries(settings)) visit(value, [key]);
  return fields;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The value to save for what the trader typed: a number field holding a number becomes that number;
 * anything else is sent as typed, so the loader's own message ("expected a positive number") is shown.
 */
export function valueOf(field: SettingsField, input: string | boolean): unknown {
  if (field.kind === 'boolean') return input;
  const text = String(input).trim();
  if (field.kind === 'number') return NUMBER.test(text) ? Number(text) : text;
  if (field.kind === 'list') {
    if (text === '') return [];
    return text.split(',').map((item) => {
      const part = item.trim();
      return field.numericList && NUMBER.test(part) ? Number(part) : part;
    });
  }
  return String(input);
}

/**
 * Where each problem shows: at its field, or at the first field under the key it names (a list, a
 * section); `unplaced` holds the problems no field can show (no key, or a key the form has no field for,
 * such as an unknown key in the file), which the panel lists above the form.
 */
export function placeProblems(
  fields: readonly SettingsField[],
  problems: readonly SettingsProblem[],
): { atField: Map<string, SettingsProblem[]>; unplaced: SettingsProblem[] } {
  const atField = new Map<string, SettingsProblem[]>();
  const unplaced: SettingsProblem[] = [];
  for (const problem of problems) {
    const field = !problem.path
      ? undefined
      : (fields.find((f) => f.key === problem.path) ??
        fields.find((f) => f.key.startsWith(`${problem.path}.`) || f.key.startsWith(`${problem.path}[`)));
    if (field) atField.set(field.key, [...(atField.get(field.key) ?? []), problem]);
    else unplaced.push(problem);
  }
  return { atField, unplaced };
}
