/**
 * Store tests open a fresh, uniquely named IndexedDB (fake-indexeddb in Node)
 * per test; every database opened is closed and deleted after each test.
 */
import { Dexie } from 'dexie';
import { afterEach } from 'vitest';
import { openDb, SCHEMA, type WorkbenchDB } from '../../src/store';

let n = 0;
const opened: Dexie[] = [];

export function freshName(prefix = 'test-db'): string {
  return `${prefix}-${process.pid}-${++n}`;
}

export function openFresh(name = freshName()): WorkbenchDB {
  const db = openDb(name);
  opened.push(db);
  return db;
}

/** Call once at the top of a test file. */
export function deleteDatabasesAfterEach(): void {
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
}

/** A database as an earlier build left it: opened at an old schema version, `fill` adds its rows, then closed. Returns its name. */
export async function writtenAt(version: keyof typeof SCHEMA, fill: (db: Dexie) => Promise<unknown>, name = freshName()): Promise<string> {
  const old = new Dexie(name);
  old.version(version).stores(SCHEMA[version]);
  await old.open();
  await fill(old);
  old.close();
  return name;
}
