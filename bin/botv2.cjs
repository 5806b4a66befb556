#!/usr/bin/env node
// The `botv2` command: runs the built CLI (build first with `npm run build`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!existsSync(cli)) {
  console.error('botv2: not built yet; run `npm run build` in the project folder first.');
  process.exit(1);
}
const { main } = require(cli);
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
