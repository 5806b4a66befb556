import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Tests that spawn the real CLI need dist/ current: build it when the sources changed. */
export default function setup(): void {
  const root = join(__dirname, '..');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building dist/ failed; see the output above');
}
