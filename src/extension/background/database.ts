import type { CapturedRequest } from '../../core/capture/captured-request.js';
import { FORMAT_VERSION, planFormat } from './stored-format.js';

const DB_NAME = 'player-inspector';
export const STORE = 'requests';

export interface Row {
  tabId: number;
  request: CapturedRequest;
}

/** Step `i` turns a database of format `i` into format `i + 1`; a new database runs them all. */
const STEPS: ((db: IDBDatabase, tx: IDBTransaction) => void)[] = [
  (db) => {
    // Key [tab, send time, id]: a tab's rows are one key range, already in send order.
    const store = db.createObjectStore(STORE, { keyPath: ['tabId', 'request.startTime', 'request.id'] });
    store.createIndex('byId', 'request.id', { unique: true });
  },
  (_db, tx) => tx.objectStore(STORE).createIndex('byStart', 'request.startTime'),
];

/**
 * Opens the beacon database at this build's format, migrating or clearing what another build left
 * (see stored-format.ts); `onCleared` is told the format of cleared data before the database is handed
 * out, so nothing reads or writes before the panel can be told.
 */
export async function openDatabase(onCleared: (from: number) => Promise<void>): Promise<IDBDatabase> {
  let cleared: number | undefined;
  let db: IDBDatabase;
  try {
    db = await open((from) => {
      cleared = from;
    });
  } catch (error) {
    // A newer build's database cannot even be opened at a lower version.
    if (!(error instanceof DOMException && error.name === 'VersionError')) throw error;
    const found = await foundVersion();
    if (planFormat(found).action !== 'clear') throw error;
    await remove();
    cleared = found;
    db = await open(() => undefined);
  }
  if (cleared !== undefined) await onCleared(cleared);
  return db;
}

function open(onClear: (from: number) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, FORMAT_VERSION);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      const plan = planFormat(event.oldVersion);
      let from = event.oldVersion;
      if (plan.action === 'clear') {
        for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
        onClear(plan.from);
        from = 0;
      }
      for (let step = from; step < FORMAT_VERSION; step++) STEPS[step]!(db, request.transaction!);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function foundVersion(): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    request.onsuccess = () => {
      const { version } = request.result;
      request.result.close();
      resolve(version);
    };
    request.onerror = () => reject(request.error);
  });
}

function remove(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
