import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { eventually, extensionOnBeaconSite, kavaQuery, stopWorker, storedRows, tabIdOf } from './support.js';

const BURST = 1000;
/** Beacons per tab in the burst the worker is stopped in (the smallest loss was 4 of 2 000). */
const PER_TAB = 2500;

// A player that floods its collector (a bug, or a page with many players) must not make the extension
// lose beacons: each one is written as it comes, and those arriving during a write share the next one.
describe('extension under a burst of beacons', () => {
  const bed = extensionOnBeaconSite();

  it(`stores all ${BURST} KAVA beacons a page sends within a second, and the panel lists them`, async () => {
    const urls = Array.from(
      { length: BURST },
      (_, i) => `${bed.site.origin}/api_v3/index.php?${kavaQuery(99, i + 1)}`,
    );
    // Spread over about a second, half as fetch GETs and half as image pixels, as players send them.
    await bed.page.evaluate((list: string[]) => {
      list.forEach((url, i) => {
        setTimeout(() => {
          if (i % 2 === 0) void fetch(url).catch(() => undefined);
          else new Image().src = url;
        }, i);
      });
    }, urls);

    const tabId = await tabIdOf(bed.ext, bed.site.origin);
    const rows = await eventually(
      async () => {
        const all = (await storedRows(await bed.ext.worker())).filter((r) => r.tabId === tabId);
        return all.length >= BURST && all.every((r) => r.request.status !== undefined) ? all : undefined;
      },
      `${BURST} completed beacons in the store`,
      60_000,
    );
    expect(bed.site.received.filter((r) => r.url.startsWith('/api_v3/'))).toHaveLength(BURST);
    expect(rows).toHaveLength(BURST);
    const indices = rows.map((r) => Number(new URL(r.request.url).searchParams.get('eventIndex')));
    expect(new Set(indices).size).toBe(BURST);
    expect([...indices].sort((a, b) => a - b)).toEqual(Array.from({ length: BURST }, (_, i) => i + 1));
    expect(rows.every((r) => r.request.status === 200)).toBe(true);

    const panel = await bed.ext.browser.newPage();
    await panel.goto(bed.ext.panelUrl(tabId));
    await eventually(
      async () => {
        const text = await panel.$eval('[data-testid="summary-beacons"]', (e) => e.textContent);
        return text === `${BURST} beacons` ? true : undefined;
      },
      `"${BURST} beacons" in the panel's status bar`,
      60_000,
    );
  });

  it(`stores every one of ${2 * PER_TAB} beacons from 2 tabs the server received, with the worker stopped mid-burst`, async () => {
    const second = await bed.ext.browser.newPage();
    await second.goto(`${bed.site.origin}/page.html`);
    const before = bed.site.received.length;
    // Each tab sends its beacons 40 at a time, half as fetch GETs and half as image pixels. (A POST whose
    // start event the browser hands to the worker it is stopping cannot be recovered: docs/extension.md.)
    const send = (page: Page, tab: string) =>
      page.evaluate(
        async (origin: string, queries: string[]) => {
          const url = `${origin}/api_v3/index.php`;
          const one = (query: string, i: number): Promise<unknown> => {
            if (i % 2 === 0) return fetch(`${url}?${query}`).catch(() => undefined);
            return new Promise((done) => {
              const img = new Image();
              img.onload = img.onerror = done;
              img.src = `${url}?${query}`;
            });
          };
          let next = 0;
          const lane = async () => {
            while (next < queries.length) {
              const i = next++;
              await one(queries[i]!, i);
            }
          };
          await Promise.all(Array.from({ length: 40 }, lane));
        },
        bed.site.origin,
        Array.from({ length: PER_TAB }, (_, i) => kavaQuery(99, i + 1, { burstTab: tab })),
      );
    const sent = Promise.all([send(bed.page, 'a'), send(second, 'b')]);
    const received = () => bed.site.received.slice(before).filter((r) => r.url.startsWith('/api_v3/'));
    await eventually(
      async () => (received().length >= PER_TAB ? true : undefined),
      'half of the burst at the server',
      120_000,
    );
    await stopWorker(bed.ext);
    await sent;

    const key = (query: string) => {
      const params = new URLSearchParams(query);
      return `${params.get('burstTab')}:${params.get('eventIndex')}`;
    };
    const atServer = received().map((r) => key(r.url.split('?')[1]!));
    expect(new Set(atServer).size).toBe(2 * PER_TAB);
    // Every request of both tabs has completed: what is not stored once the store settles is lost.
    const storedKeys = async () => {
      const rows = (await storedRows(await bed.ext.worker())).filter((r) =>
        r.request.url.includes('burstTab='),
      );
      return rows.map((r) => key(r.request.url.split('?')[1]!));
    };
    let stored: string[] = [];
    await eventually(
      async () => {
        stored = await storedKeys();
        return stored.length >= atServer.length ? true : undefined;
      },
      `${atServer.length} burst beacons in the store`,
      30_000,
    ).catch(() => undefined);
    const missing = atServer.filter((k) => !new Set(stored).has(k));
    expect(missing, `${missing.length} beacons the server received are not stored`).toEqual([]);
    expect(stored).toHaveLength(atServer.length);
    await second.close();
  }, 300_000);
});
