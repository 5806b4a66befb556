import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layout's import rules live in eslint.config.mjs; this proves they fire on the files they guard.
const eslint = new ESLint({ cwd: join(__dirname, '..', '..') });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('layout boundaries', () => {
  it('src-shared may not import electron, Node built-ins or use DOM globals', async () => {
    expect(
      await violations('src-shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: 'electron' import is restricted/)]);
    expect(
      await violations(
        'src-shared/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      ),
    ).toEqual([expect.stringContaining('src-shared runs on both sides: no Node built-ins.')]);
    expect(await violations('src-shared/x.ts', 'export const t = document.title;\n')).toEqual([
      expect.stringMatching(/^no-restricted-globals: Unexpected use of 'document'/),
    ]);
  });

  it('src-renderer may not import from src-main', async () => {
    expect(
      await violations(
        'src-renderer/x.ts',
        "import { Engine } from '../src-main/engine/loop';\nexport type E = Engine;\n",
      ),
    ).toEqual([expect.stringContaining('The renderer reaches the engine only through the Bridge.')]);
  });

  it('better-sqlite3 is imported only in src-main/store', async () => {
    const code = "import Database from 'better-sqlite3';\nexport const D = Database;\n";
    expect(await violations('src-main/host/x.ts', code)).toEqual([
      expect.stringContaining('better-sqlite3 is only imported in src-main/store.'),
    ]);
    expect(await violations('src-main/store/x.ts', code)).toEqual([]);
  });

  it('src-main/engine may not read the wall clock, Math.random or do I/O', async () => {
    expect(await violations('src-main/engine/x.ts', 'export const t = Date.now();\n')).toEqual([
      expect.stringContaining('Use the injected Clock.'),
    ]);
    expect(await violations('src-main/engine/x.ts', 'export const r = Math.random();\n')).toEqual([
      expect.stringContaining('Use the injected seeded Rng.'),
    ]);
    expect(await violations('src-main/engine/x.ts', 'export const d = new Date();\n')).toEqual([
      expect.stringContaining('Use the injected Clock.'),
    ]);
    expect(
      await violations(
        'src-main/engine/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      ),
    ).toEqual([expect.stringContaining('src-main/engine is pure')]);
  });
});
