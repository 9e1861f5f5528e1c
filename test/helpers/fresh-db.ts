/**
 * Store tests open a fresh, uniquely named IndexedDB (fake-indexeddb in Node)
 * per test; every database opened is closed and deleted after each test.
 */
import { Dexie } from 'dexie';
import { afterEach } from 'vitest';
import { openDb, type WorkbenchDB } from '../../src/store';

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
