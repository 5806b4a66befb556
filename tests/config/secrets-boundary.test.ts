import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Secret } from '../../src-main/config/secrets';
import { contract, events } from '../../src-shared/ipc/contract';

// Secrets never reach the renderer: not through a bundle, not through the contract, not by structured
// clone. (Imports from src-main into the renderer are already refused by ESLint's layout rules.)

const root = join(__dirname, '..', '..');

/** Every field name reachable in a zod schema (object shapes, arrays, unions, wrappers, records). */
function fieldNames(schema: z.core.$ZodType, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const names: string[] = [];
  const visit = (value: unknown): void => {
    if (value && typeof value === 'object' && '_zod' in value)
      names.push(...fieldNames(value as z.core.$ZodType, seen));
    else if (Array.isArray(value)) value.forEach(visit);
  };
  const def = schema._zod.def as unknown as Record<string, unknown>;
  if (def.type === 'object') {
    const shape = def.shape as Record<string, z.core.$ZodType>;
    for (const [key, field] of Object.entries(shape)) {
      names.push(key);
      visit(field);
    }
  }
  for (const [key, value] of Object.entries(def)) if (key !== 'shape') visit(value);
  return names;
}

const SECRET_LIKE = /secret|api.?key|token|password|passphrase|credential/i;

describe('secrets stay in the main process', () => {
  it('no contract response or event carries a field that looks like a secret', () => {
    const schemas = [...Object.values(contract).map((entry) => entry.output), ...Object.values(events)];
    const names = new Set(schemas.flatMap((schema) => fieldNames(schema)));
    expect(names.size).toBeGreaterThan(20); // the walk does reach the fields (portfolio, breaker, …)
    expect(names.has('equity')).toBe(true);
    expect([...names].filter((name) => SECRET_LIKE.test(name))).toEqual([]);
  });

  it('neither the renderer bundle nor the preload mentions the secret variables or the store', () => {
    const bundles = [
      join(root, 'dist', 'main', 'preload.cjs'),
      ...readdirSync(join(root, 'dist', 'renderer', 'assets'))
        .filter((name) => name.endsWith('.js'))
        .map((name) => join(root, 'dist', 'renderer', 'assets', name)),
    ];
    expect(bundles.length).toBeGreaterThan(1);
    for (const file of bundles) {
      const text = readFileSync(file, 'utf8');
      for (const marker of [
        'BOTV2_EXCHANGE_API',
        'BOTV2_PREDICTION_MARKET_API',
        'safeStorage',
        'secrets.json',
      ]) {
        expect(text.includes(marker), `${file} mentions ${marker}`).toBe(false);
      }
    }
    // The main bundle does hold them: the markers are real.
    expect(readFileSync(join(root, 'dist', 'main', 'main.cjs'), 'utf8')).toContain('BOTV2_EXCHANGE_API_KEY');
  });

  it('a Secret sent by structured clone (the IPC encoding) arrives empty', () => {
    const secret = new Secret('sk-live-never-sent-1234');
    expect(JSON.stringify(structuredClone({ secret }))).toBe('{"secret":{}}');
  });
});
