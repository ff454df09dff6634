import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import type { CapturedRequest } from '../../src/core/capture/captured-request.js';
import {
  eventually,
  extensionOnBeaconSite,
  kavaQuery,
  panelRows,
  stopWorker,
  tabIdOf,
  waitForPanelRows,
} from './support.js';

interface FoundDatabase {
  version: number;
  indexes: string[];
}

// What another build of the extension left in IndexedDB, met by a worker that starts: carried over when
// its format can be migrated, else cleared with a notice in the panel, which keeps working.
describe('extension stored-data format', () => {
  const bed = extensionOnBeaconSite();

  const kava = (type: number, index: number) =>
    bed.page.evaluate(
      (url) => (window as never as { xhrGet(u: string): Promise<number> }).xhrGet(url),
      `${bed.site.origin}/api_v3/index.php?${kavaQuery(type, index)}`,
    );

  /** Replaces the database with one at `version`, as another build would have written it. */
  const writeDatabase = async (version: number, rows: { tabId: number; request: CapturedRequest }[]) => {
    const worker = await bed.ext.worker();
    await worker.evaluate(
      (version, rows) =>
        new Promise<void>((resolve, reject) => {
          const removal = indexedDB.deleteDatabase('player-inspector');
          removal.onerror = () => reject(removal.error);
          removal.onsuccess = () => {
            const open = indexedDB.open('player-inspector', version);
            open.onerror = () => reject(open.error);
            open.onupgradeneeded = () => {
              const store = open.result.createObjectStore('requests', {
                keyPath: ['tabId', 'request.startTime', 'request.id'],
              });
              store.createIndex('byId', 'request.id', { unique: true });
              for (const row of rows) store.put(row);
            };
            open.onsuccess = () => {
              open.result.close();
              resolve();
            };
          };
        }),
      version,
      rows,
    );
  };

  const foundDatabase = async () =>
    (await bed.ext.worker()).evaluate(
      () =>
        new Promise<FoundDatabase>((resolve, reject) => {
          const open = indexedDB.open('player-inspector');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const indexes = [...db.transaction('requests').objectStore('requests').indexNames];
            db.close();
            resolve({ version: db.version, indexes: indexes.sort() });
          };
        }),
    );

  const noticeText = (panel: Page) =>
    panel.$eval('.store-notice', (e) => e.textContent ?? '').catch(() => undefined);

  it('carries beacons of the previous format over to a restarted worker, without a notice', async () => {
    const oldTab = 4242;
    const request: CapturedRequest = {
      id: 'old-1',
      method: 'GET',
      url: `https://analytics.kaltura.com/api_v3/index.php?${kavaQuery(1, 1)}`,
      startTime: Date.now(),
      tabId: oldTab,
      initiatorType: 'xhr',
      status: 200,
      duration: 12,
    };
    await writeDatabase(1, [{ tabId: oldTab, request }]);
    await stopWorker(bed.ext);

    const panel = await bed.ext.browser.newPage();
    await panel.goto(bed.ext.panelUrl(oldTab));
    const rows = await waitForPanelRows(panel, 1, 'the carried-over beacon in the panel');
    expect(rows[0]).toContain('Player Impression');
    expect(await noticeText(panel)).toBeUndefined();
    expect(await foundDatabase()).toEqual({ version: 2, indexes: ['byId', 'byStart'] });
    await panel.close();
  });

  it('clears a database of an unknown (newer) format, says so once, and keeps capturing', async () => {
    await kava(1, 1);
    const tabId = await tabIdOf(bed.ext, bed.site.origin);
    await writeDatabase(99, []);
    await stopWorker(bed.ext);

    const panel = await bed.ext.browser.newPage();
    await panel.goto(bed.ext.panelUrl(tabId));
    const text = await eventually(() => noticeText(panel), 'the notice in the panel');
    expect(text).toContain(
      'Stored beacons from a newer version of Player Inspector could not be read and were cleared.',
    );
    expect(await panelRows(panel)).toEqual([]);
    expect((await foundDatabase()).version).toBe(2);

    // The panel works on: a new beacon is stored and listed.
    await kava(2, 2);
    const rows = await waitForPanelRows(panel, 1, 'a new beacon after the clear');
    expect(rows[0]).toContain('Play Requested');

    // Dismissed, the notice stays away, also from a panel opened later.
    await panel.click('.store-notice button[aria-label="Dismiss"]');
    await eventually(async () => ((await noticeText(panel)) === undefined ? true : undefined), 'no notice');
    await panel.reload();
    await waitForPanelRows(panel, 1, 'the row');
    expect(await noticeText(panel)).toBeUndefined();
  });
});
