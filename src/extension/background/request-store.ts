import type { CapturedRequest } from '../../core/capture/captured-request.js';
import type { RequestPatch } from '../wire.js';
import { openDatabase, type Row, STORE } from './database.js';
import { Journal } from './journal.js';

/**
 * Captured requests per tab in IndexedDB (storage.session holds only 10 MB; a tab may keep 50 000
 * beacons). A write starts as soon as a beacon arrives; beacons that arrive while a write is in flight
 * are batched into the next transaction. Until its transaction commits, a beacon is also in the journal,
 * which the next worker writes to the store before anything reads it: a stopped worker loses nothing.
 */
export class RequestStore {
  private db: Promise<IDBDatabase> | undefined;
  private readonly journal = new Journal();
  private puts = new Map<string, Row>();
  private patches = new Map<string, Patch>();
  private scheduled = false;
  private flushing: Promise<void> = Promise.resolve();

  /**
   * `onCleared` hears of stored data of another format that could not be carried over, `onRebuilt` of
   * a row written from a completion (see `patch`).
   */
  constructor(
    private readonly onCleared: (from: number) => Promise<void>,
    private readonly onRebuilt: (row: Row) => void = () => undefined,
  ) {}

  /** Journals a request the moment it is seen, before its tab's state says whether it is kept. */
  seen(tabId: number, request: CapturedRequest): void {
    this.journal.row({ tabId, request });
  }

  /** A seen request that is not kept after all (recording off, cap reached). */
  unseen(id: string): void {
    this.journal.remove([id]);
  }

  /** Journals the completion of a seen request that is not queued yet. */
  seenPatch(id: string, patch: RequestPatch): void {
    this.journal.patch(id, { patch });
  }

  /** Stores a seen request. */
  add(tabId: number, request: CapturedRequest): void {
    this.puts.set(request.id, { tabId, request });
    this.schedule();
  }

  /** Completes a stored request; `rebuilt` is stored instead when no request `id` is. */
  patch(id: string, patch: RequestPatch, rebuilt?: Row): void {
    const queued = this.puts.get(id);
    if (queued) {
      Object.assign(queued.request, patch);
      this.journal.row(queued);
    } else {
      const earlier = this.patches.get(id);
      const merged: Patch = { patch: { ...earlier?.patch, ...patch }, rebuilt: rebuilt ?? earlier?.rebuilt };
      this.patches.set(id, merged);
      this.journal.patch(id, merged);
    }
    this.schedule();
  }

  /**
   * A tab's requests in send order, after every queued write, in pages of at most `size` (the first of
   * at most `first`): each page is one short read, so the first can be shown while the rest of a large
   * backlog is still being read. `last` marks the final page (empty when the one before was exactly full).
   */
  async *pages(
    tabId: number,
    size: number,
    first = size,
  ): AsyncGenerator<{ requests: CapturedRequest[]; last: boolean }> {
    await this.flush();
    let range = tabRange(tabId);
    for (let limit = first; ; limit = size) {
      const rows = await this.run<Row[]>('readonly', (s) => s.getAll(range, limit));
      const last = rows.length < limit;
      yield { requests: rows.map((r) => r.request), last };
      if (last) return;
      // The next page starts after the last row's key [tab, send time, id].
      const { request } = rows[rows.length - 1]!;
      range = IDBKeyRange.bound([tabId, request.startTime, request.id], [tabId + 1], true, true);
    }
  }

  async count(tabId: number): Promise<number> {
    await this.flush();
    return this.run<number>('readonly', (s) => s.count(tabRange(tabId)));
  }

  /**
   * Clears what the tab stored and had queued when this is called, and nothing added after: the delete
   * takes its place in the write chain at once (clearing after an `await` let beacons of the new page
   * vanish and old ones that were still queued survive, so a reopened panel counted other beacons).
   */
  clearTab(tabId: number): Promise<void> {
    const queued = [...this.puts.values()].filter((row) => row.tabId === tabId).map((row) => row.request.id);
    for (const id of queued) this.puts.delete(id);
    this.journal.remove(queued, queued);
    this.flushing = this.flushing
      .then(() => this.run('readwrite', (s) => s.delete(tabRange(tabId))))
      .then(
        () => undefined,
        (error: unknown) => console.error('Player Inspector: could not clear a tab', error),
      );
    return this.flushing;
  }

  /** Deletes rows sent before `time` (those of an earlier browser session). */
  async clearBefore(time: number): Promise<void> {
    await this.flush();
    const db = await this.open();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      const cursor = tx.objectStore(STORE).index('byStart').openCursor(IDBKeyRange.upperBound(time, true));
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        c.delete();
        c.continue();
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }

  /** Writes what is queued; resolves once it is on disk. */
  flush(): Promise<void> {
    // The queue is read when the previous write is done: everything that arrived meanwhile goes in one
    // transaction.
    this.flushing = this.flushing
      .then(() => {
        if (this.puts.size === 0 && this.patches.size === 0) return;
        const puts = [...this.puts.values()];
        const patches = [...this.patches];
        this.puts.clear();
        this.patches.clear();
        return this.write(puts, patches).then(() => {
          const ids = puts.map((row) => row.request.id);
          // A row's patch may have been journaled before the row was queued.
          this.journal.remove(ids, [...ids, ...patches.map(([id]) => id)]);
        });
      })
      // A failed write must not stop every later one: the chain goes on.
      .catch((error: unknown) => console.error('Player Inspector: could not store beacons', error));
    return this.flushing;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async write(puts: Row[], patches: [string, Patch][]): Promise<void> {
    const db = await this.open();
    const rebuilt: Row[] = [];
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      for (const row of puts) {
        // One bad row (a duplicate id) must not abort the transaction and lose the others.
        store.put(row).onerror = (event) => event.preventDefault();
      }
      for (const [id, { patch, rebuilt: fallback }] of patches) {
        const get = store.index('byId').get(id);
        get.onsuccess = () => {
          const row = get.result as Row | undefined;
          if (row) store.put({ ...row, request: { ...row.request, ...patch } });
          else if (fallback) {
            store.put(fallback).onerror = (event) => event.preventDefault();
            rebuilt.push(fallback);
          }
        };
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    for (const row of rebuilt) this.onRebuilt(row);
  }

  private async run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest): Promise<T> {
    const db = await this.open();
    return new Promise<T>((resolve, reject) => {
      const request = op(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => reject(request.error);
    });
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= openDatabase(this.onCleared).then(
      async (db) => {
        // Another build (an update) or a test changing the database must not wait for this worker.
        db.onversionchange = () => {
          db.close();
          this.db = undefined;
        };
        await this.recover(db);
        return db;
      },
      (error: unknown) => {
        this.db = undefined;
        throw error;
      },
    );
    return this.db;
  }

  /**
   * Writes what a stopped worker journaled and did not see committed, before this worker reads or
   * writes anything: a row already stored keeps what it has and gains what the journal adds.
   */
  private async recover(db: IDBDatabase): Promise<void> {
    const { rows, patches, keys } = await this.journal.read();
    if (keys.length === 0) return;
    const journaled = new Map(rows.map((row) => [row.request.id, row]));
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      for (const id of new Set([...journaled.keys(), ...patches.keys()])) {
        const get = store.index('byId').get(id);
        get.onsuccess = () => {
          const stored = get.result as Row | undefined;
          const row = stored ?? journaled.get(id) ?? patches.get(id)?.rebuilt;
          // A completion of a request nobody kept.
          if (!row) return;
          const request = { ...journaled.get(id)?.request, ...row.request, ...patches.get(id)?.patch };
          store.put({ ...row, request }).onerror = (event) => event.preventDefault();
        };
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    await this.journal.clear(keys);
  }
}

/** A completion for a stored request, and the row to store when there is none. */
export interface Patch {
  patch: RequestPatch;
  rebuilt?: Row;
}

function tabRange(tabId: number): IDBKeyRange {
  return IDBKeyRange.bound([tabId], [tabId + 1], false, true);
}
