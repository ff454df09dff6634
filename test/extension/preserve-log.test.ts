import { describe, expect, it } from 'vitest';
import {
  eventually,
  extensionOnBeaconSite,
  kavaQuery,
  panelRows,
  storedRows,
  tabIdOf,
  waitForPanelRows,
} from './support.js';

/** Sends `count` KAVA beacons tagged `tag` from the page's `pagehide` (as players send their last one). */
const ON_PAGEHIDE = (origin: string, tag: string, count: number) => `
  addEventListener('pagehide', () => {
    for (let i = 1; i <= ${count}; i++) {
      navigator.sendBeacon('${origin}/api_v3/index.php?' + ${JSON.stringify(kavaQuery(99, 1))}
        .replace('eventIndex=1', 'eventIndex=' + i) + '&${tag}=1');
    }
  });`;

// The live panel, a panel opened afterwards and the store must always hold the same beacons: a
// navigation with "preserve log" off and a closed tab used to leave the old page's beacons behind.
describe('extension: live panel, reopened panel and store agree', () => {
  const bed = extensionOnBeaconSite();
  const tagged = (tag: string) => bed.site.received.filter((r) => r.url.includes(`${tag}=1`));
  const stored = async (tabId: number) =>
    (await storedRows(await bed.ext.worker())).filter((r) => r.tabId === tabId);

  it('keeps none of the old page after a navigation with preserve log off, beacons in flight', async () => {
    await bed.page.evaluate(
      (url) => (window as never as { xhrGet(u: string): Promise<number> }).xhrGet(url),
      `${bed.site.origin}/api_v3/index.php?${kavaQuery(1, 1)}`,
    );
    const tabId = await tabIdOf(bed.ext, bed.site.origin);
    const live = await bed.ext.browser.newPage();
    await live.goto(bed.ext.panelUrl(tabId));
    await waitForPanelRows(live, 1, 'the first beacon in the panel');
    await live.click('.toolbar .check input');
    await eventually(
      async () =>
        (await live.$eval('.toolbar .check input', (e) => (e as HTMLInputElement).checked))
          ? undefined
          : true,
      'preserve log off',
    );

    // The old page: beacons on pagehide, and 40 pixels still in flight when the navigation starts.
    await bed.page.evaluate(ON_PAGEHIDE(bed.site.origin, 'unload', 3));
    await bed.page.evaluate(
      (base: string) => {
        for (let i = 1; i <= 40; i++)
          new Image().src = `${base.replace('eventIndex=1', `eventIndex=${i}`)}&inflight=1`;
      },
      `${bed.site.origin}/api_v3/index.php?${kavaQuery(3, 1)}`,
    );
    await bed.page.goto(`${bed.site.origin}/page.html?new`);
    await bed.page.evaluate(
      (url) => (window as never as { xhrGet(u: string): Promise<number> }).xhrGet(url),
      `${bed.site.origin}/api_v3/index.php?${kavaQuery(1, 1)}&newpage=1`,
    );
    await eventually(async () => (tagged('unload').length === 3 ? true : undefined), 'the unload beacons');
    // The new page's beacon comes after every old one: once it is stored, the old ones were handled.
    await eventually(async () => {
      const rows = await stored(tabId);
      return rows.some((r) => r.request.url.includes('newpage=1') && r.request.status !== undefined)
        ? true
        : undefined;
    }, "the new page's beacon in the store");

    const rows = await stored(tabId);
    expect(rows.map((r) => new URL(r.request.url).searchParams.has('newpage'))).toEqual([true]);
    expect(await waitForPanelRows(live, 1, 'one row in the live panel')).toHaveLength(1);
    const reopened = await bed.ext.browser.newPage();
    await reopened.goto(bed.ext.panelUrl(tabId));
    await waitForPanelRows(reopened, 1, 'one row in the reopened panel');
    expect(await panelRows(live)).toHaveLength(1);
    await reopened.close();
    await live.close();
  });

  it("deletes a closed tab's beacons, its unload beacons too", async () => {
    const tab = await bed.ext.browser.newPage();
    await tab.goto(`${bed.site.origin}/page.html?closing`);
    await tab.evaluate(ON_PAGEHIDE(bed.site.origin, 'closing', 3));
    await tab.evaluate(
      (url) => (window as never as { xhrGet(u: string): Promise<number> }).xhrGet(url),
      `${bed.site.origin}/api_v3/index.php?${kavaQuery(1, 1)}&beforeclose=1`,
    );
    const tabId = await eventually(async () => {
      const rows = await storedRows(await bed.ext.worker());
      return rows.find((r) => r.request.url.includes('beforeclose=1'))?.tabId;
    }, 'a beacon of the tab to close');
    await tab.close({ runBeforeUnload: true });
    await eventually(async () => (tagged('closing').length === 3 ? true : undefined), 'the unload beacons');
    // A later beacon of another tab stored: the closing tab's were handled before it.
    await bed.page.evaluate(
      (url) => (window as never as { xhrGet(u: string): Promise<number> }).xhrGet(url),
      `${bed.site.origin}/api_v3/index.php?${kavaQuery(3, 2)}&afterclose=1`,
    );
    await eventually(async () => {
      const rows = await storedRows(await bed.ext.worker());
      return rows.some((r) => r.request.url.includes('afterclose=1')) ? true : undefined;
    }, 'the later beacon in the store');
    expect(await stored(tabId)).toEqual([]);
  });
});
