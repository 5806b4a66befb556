// Builds the three bundles: the Node side with esbuild (main, preload, CLI and the backtest worker) and the
// renderer with Vite. Native and Electron modules stay external; everything else is bundled.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sourceFingerprint } from './source-fingerprint.mjs';

const root = process.cwd();
const outDir = join(root, 'dist');

const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};

const started = Date.now();
await Promise.all([
  esbuild({
    ...nodeCommon,
    entryPoints: {
      main: 'src-main/main.ts',
      cli: 'src-main/cli/index.ts',
      'backtest-worker': 'src-main/backtest/worker.ts',
    },
    outdir: join(outDir, 'main'),
    outExtension: { '.js': '.cjs' },
  }),
  // The sandboxed preload may only require('electron'); it is bundled on its own.
  esbuild({
    ...nodeCommon,
    entryPoints: { preload: 'src-main/preload.ts' },
    outdir: join(outDir, 'main'),
    outExtension: { '.js': '.cjs' },
  }),
]);
await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'build-stamp.json'),
  JSON.stringify({ fingerprint: sourceFingerprint(root) }) + '\n',
);
console.log(`botv2: built dist/ in ${Date.now() - started} ms`);
