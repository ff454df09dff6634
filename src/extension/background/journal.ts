import browser from 'webextension-polyfill';
import type { Row } from './database.js';
import type { Patch } from './request-store.js';

const ROW = 'journal:';
const PATCH = 'journal-patch:';

/** What a worker's predecessor journaled and did not see committed. */
export interface Journaled {
  rows: Row[];
  patches: Map<string, Patch>;
  keys: string[];
}

/**
 * Beacons and completions seen but not yet committed to IndexedDB, in storage.session. An IndexedDB
 * transaction that has not committed when the browser stops the worker is aborted with it, and a batch
 * waiting for the transaction in flight lives only in memory; a storage.session call goes to the browser
 * the moment it is made and outlives the worker. So every entry is journaled when it is seen, removed
 * once its transaction has committed, and what a stopped worker left is written by the next one.
 */
export class Journal {
  /** Entries are marked with their worker, so that a worker never recovers its own pending writes. */
  private readonly worker = `${Date.now()}-${Math.random()}`;

  row(row: Row): void {
    this.set(`${ROW}${row.request.id}`, { worker: this.worker, row });
  }

  patch(id: string, patch: Patch): void {
    this.set(`${PATCH}${id}`, { worker: this.worker, patch });
  }

  /** Forgets the entries of `ids` (committed, or not to be kept). */
  remove(rowIds: Iterable<string>, patchIds: Iterable<string> = []): void {
    const keys = [...[...rowIds].map((id) => `${ROW}${id}`), ...[...patchIds].map((id) => `${PATCH}${id}`)];
    if (keys.length > 0) void browser.storage.session.remove(keys).catch(report);
  }

  /** What other workers journaled and did not remove. */
  async read(): Promise<Journaled> {
    const all = await browser.storage.session.get(null);
    const found: Journaled = { rows: [], patches: new Map(), keys: [] };
    for (const [key, value] of Object.entries(all)) {
      const entry = value as { worker?: string; row?: Row; patch?: Patch };
      if (entry?.worker === undefined || entry.worker === this.worker) continue;
      if (key.startsWith(ROW) && entry.row) found.rows.push(entry.row);
      else if (key.startsWith(PATCH) && entry.patch) found.patches.set(key.slice(PATCH.length), entry.patch);
      else continue;
      found.keys.push(key);
    }
    return found;
  }

  /** Removes keys returned by `read` once what they held is committed. */
  async clear(keys: string[]): Promise<void> {
    if (keys.length > 0) await browser.storage.session.remove(keys);
  }

  private set(key: string, value: unknown): void {
    void browser.storage.session.set({ [key]: value }).catch(report);
  }
}

function report(error: unknown): void {
  console.error('Player Inspector: could not journal a beacon', error);
}
