import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseRefusedError } from '../../src-main/store/database';
import { openStore } from '../../src-main/store/open-store';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const wallTime = Date.UTC(2026, 10, 23, 12, 0, 0);
const junk = 'PK\u0003\u0004 this is a zip file, not a database '.repeat(100);

describe('openStore', () => {
  it('refuses a file that is not a database, changes nothing, and says how to start fresh', () => {
    const file = join(tempDir(), 'botv2.sqlite');
    writeFileSync(file, junk);
    let message = '';
    try {
      openStore(file, { allowFresh: false, wallTime });
    } catch (error) {
      expect(error).toBeInstanceOf(DatabaseRefusedError);
      message = (error as Error).message;
    }
    expect(message).toBe(
      `${file}: cannot open the database (SQLITE_NOTADB: file is not a database). Nothing was changed. To keep this file and start a new database, start again with --fresh-db: the file will be moved to ${file}.corrupt-2026-11-23T12-00-00-000Z.`,
    );
    expect(readFileSync(file, 'utf8')).toBe(junk);
  });

  it('with the user agreeing, moves the file aside (never deletes it) and starts a new database', () => {
    const file = join(tempDir(), 'botv2.sqlite');
    writeFileSync(file, junk);
    const { db, movedAside } = openStore(file, { allowFresh: true, wallTime });
    expect(movedAside).toBe(`${file}.corrupt-2026-11-23T12-00-00-000Z`);
    expect(readFileSync(movedAside!, 'utf8')).toBe(junk);
    expect(db.prepare('SELECT COUNT(*) FROM fills').pluck().get()).toBe(0);
    db.close();
    expect(existsSync(file)).toBe(true);
  });
});
