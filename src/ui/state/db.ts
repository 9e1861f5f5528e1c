/** The app's one database connection. */
import { openDb, purgeDeleted, type WorkbenchDB } from '../../store';
import { t } from '../i18n';
import { notify } from './notices';

/** Soft-deleted scenarios are kept this long for undo, then purged at start-up. */
export const KEEP_DELETED_MS = 30 * 24 * 3600 * 1000;

let instance: WorkbenchDB | null = null;

export function db(): WorkbenchDB {
  if (!instance) {
    instance = openDb();
    instance.on('blocked', () => void notify({ kind: 'error', message: t('store.upgradeBlocked') }));
    // a newer workbench opened in another tab upgrades the database; this tab's copy of the code is then out of date
    instance.on('versionchange', () => void notify({ kind: 'error', message: t('store.newVersion') }));
  }
  return instance;
}

/** Start-up housekeeping; runs outside any live query (those may only read). */
export async function startStore(): Promise<void> {
  try {
    await db().open();
    await purgeDeleted(db(), Date.now() - KEEP_DELETED_MS);
  } catch (e) {
    console.error(e);
    notify({ kind: 'error', message: `${t('store.unavailable')} (${(e as Error).message})` });
  }
}

/** For tests: use another database. */
export function useDb(next: WorkbenchDB): void {
  instance = next;
}
