import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE, defaultDataDir } from '../host/paths';
import { openDatabaseForReading } from '../store/database';
import { backupDatabase, exportCsv } from '../store/export';
import { UsageError } from './options';

/** `botv2 export --data-dir DIR (--out FILE.sqlite | --csv DIR)`. */
export async function runExport(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, csv: { type: 'string' } },
    strict: true,
  });
  if (!values.out === !values.csv)
    throw new UsageError('export needs exactly one of --out FILE.sqlite or --csv DIR');
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) throw new UsageError(`no database in ${dataDir} (${file} does not exist)`);
  // Read-only: the app may be running on this database, perhaps another version of it (no migration here).
  const db = openDatabaseForReading(file);
  try {
    if (values.out) {
      const out = resolve(values.out);
      const { pages } = await backupDatabase(db, out, (done, total) => {
        if (process.stderr.isTTY)
          process.stderr.write(`\rexporting… ${Math.round((100 * done) / Math.max(1, total))} %`);
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      console.log(`exported ${file} to ${out} (${pages} pages, integrity_check ok)`);
    } else {
      const dir = resolve(values.csv!);
      const counts = exportCsv(db, dir);
      console.log(
        `exported to ${dir}: ${Object.entries(counts)
          .map(([name, rows]) => `${name} (${rows} rows)`)
          .join(', ')}`,
      );
    }
  } finally {
    db.close();
  }
  return 0;
}
