import { describe, expect, it } from 'vitest';
import {
  eventually,
  extensionOnBeaconSite,
  kavaQuery,
  panelRows,
  stopWorker,
  storedRows,
  tabIdOf,
  waitForPanelRows,
} from './support.js';

// The background worker in real headless Chromium: what it captures from a page, and that a worker
// the browser stops mid-session loses nothing.
describe('extension background capture', () => {
  const bed = extensionOnBeaconSite();
  let tabId: number;

  const kava = (type: number, index: number) =>
    bed.page.evaluate(
      (url) => (window as never as { xhrGet(u: string): Promise<number> }).xhrGet(url),
      `${bed.site.origin}/api_v3/index.php?${kavaQuery(type, index)}`,
    );

  it('keeps recognised beacons sent by XHR, image pixel and sendBeacon, with bodies and statuses', async () => {
    await kava(1, 1);
    const jwQuery = 'e=e&aid=Xy3kQ9mN2pL5rT8vW1zB4c&pss=1&oos=Web&sdk=0&bun=127.0.0.1&id=AbCd1234&t=Demo';
    await bed.page.evaluate(
      (url) => (window as never as { pixel(u: string): Promise<boolean> }).pixel(url),
      `${bed.site.origin}/v1/jwplayer6/ping.gif?${jwQuery}`,
    );
    // sendBeacon with a string: webRequest hands over the raw bytes.
    const postBody = kavaQuery(2, 2);
    await bed.page.evaluate(
      (url, body) => (window as never as { beacon(u: string, b: string): boolean }).beacon(url, body),
      `${bed.site.origin}/api_v3/index.php`,
      postBody,
    );
    // A request that is no beacon is not kept.
    await bed.page.evaluate(
      (url) => fetch(url).then((r) => r.status),
      `${bed.site.origin}/not-a-beacon.json`,
    );

    tabId = await tabIdOf(bed.ext, bed.site.origin);
    const rows = await eventually(async () => {
      const all = await storedRows(await bed.ext.worker());
      return all.length >= 3 && all.every((r) => r.request.status !== undefined) ? all : undefined;
    }, 'three completed beacons in the store');

    // (Chromium gives webRequest no bytes for Blob bodies: docs/extension.md says so.)
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.tabId === tabId)).toBe(true);
    const byType = Object.fromEntries(rows.map((r) => [r.request.initiatorType, r.request]));
    expect(byType.xhr?.method).toBe('GET');
    expect(byType.xhr?.url).toContain('eventType=1');
    expect(byType.xhr?.status).toBe(200);
    expect(byType.image?.url).toContain('/v1/jwplayer6/ping.gif?e=e');
    expect(byType.image?.status).toBe(204);
    expect(byType.beacon?.method).toBe('POST');
    expect(byType.beacon?.body).toEqual({ kind: 'text', text: postBody });
    expect(byType.beacon?.status).toBe(200);
    // What the site received is what was stored.
    const postReceived = bed.site.received.find((r) => r.method === 'POST');
    expect(postReceived?.body).toBe(postBody);
    expect(rows.some((r) => r.request.url.includes('not-a-beacon'))).toBe(false);
  });

  it('shows beacons sent before the panel opened, then streams new ones', async () => {
    const panel = await bed.ext.browser.newPage();
    await panel.goto(bed.ext.panelUrl(tabId));
    const before = await waitForPanelRows(panel, 3, 'three rows');
    expect(before.some((r) => r.includes('Player Impression'))).toBe(true);
    expect(before.some((r) => r.includes('Play Requested'))).toBe(true);
    expect(before.some((r) => r.includes('JW') && r.includes('Setup'))).toBe(true);

    await kava(3, 3);
    const after = await waitForPanelRows(panel, 4, 'the new Play beacon in the panel');
    expect(after.some((r) => r.includes('Play |') || r.includes(' Play '))).toBe(true);
    await panel.close();
  });

  it('loses nothing when the browser stops the worker mid-session', async () => {
    const panel = await bed.ext.browser.newPage();
    await panel.goto(bed.ext.panelUrl(tabId));
    await waitForPanelRows(panel, 4, 'four rows');

    // A beacon mid-session, then the worker is stopped as the browser does to an idle worker.
    await kava(99, 4);
    await eventually(async () => {
      const all = await storedRows(await bed.ext.worker());
      return all.length === 5 && all.every((r) => r.request.status !== undefined) ? true : undefined;
    }, 'the fifth beacon stored');
    await stopWorker(bed.ext);

    // The next beacons wake a new worker, which keeps them beside the earlier ones.
    await kava(11, 5);
    await kava(99, 6);
    const rows = await eventually(async () => {
      const all = await storedRows(await bed.ext.worker());
      return all.length === 7 && all.every((r) => r.request.status !== undefined) ? all : undefined;
    }, 'seven completed beacons after the restart');
    const indices = rows
      .filter((r) => r.request.initiatorType === 'xhr')
      .map((r) => new URL(r.request.url).searchParams.get('eventIndex'));
    expect(indices.sort()).toEqual(['1', '3', '4', '5', '6']);

    // The open panel reconnects to the new worker and shows every beacon once.
    const panelAfter = await waitForPanelRows(panel, 7, 'seven rows in the reconnected panel');
    expect(panelAfter.filter((r) => r.includes('View'))).toHaveLength(2);
    expect(panelAfter.some((r) => r.includes('Play reached 25%'))).toBe(true);
  });

  it('empties the tab on navigation when "preserve log" is off, and on Clear', async () => {
    const panel = await bed.ext.browser.newPage();
    await panel.goto(bed.ext.panelUrl(tabId));
    await waitForPanelRows(panel, 7, 'seven rows');
    const stored = async () =>
      (await storedRows(await bed.ext.worker())).filter((r) => r.tabId === tabId).length;

    // With the log preserved (the default), a navigation keeps everything.
    await bed.page.goto(`${bed.site.origin}/page.html?again`);
    await kava(1, 1);
    await eventually(async () => ((await stored()) === 8 ? true : undefined), 'eight stored beacons');

    await panel.click('.toolbar .check input');
    await eventually(
      async () =>
        (await panel.$eval('.toolbar .check input', (e) => (e as HTMLInputElement).checked))
          ? undefined
          : true,
      'preserve log off',
    );
    await bed.page.goto(`${bed.site.origin}/page.html?third`);
    await waitForPanelRows(panel, 0, 'an empty panel');
    expect(await stored()).toBe(0);

    await kava(1, 1);
    await waitForPanelRows(panel, 1, 'one new row');
    await panel.click('.toolbar button[aria-label="Clear"]');
    await eventually(async () => ((await stored()) === 0 ? true : undefined), 'an empty store after Clear');
    await waitForPanelRows(panel, 0, 'an empty list');
  });

  it('stops storing at the per-tab cap and counts the dropped beacons', async () => {
    // A small cap written where the worker keeps tab settings; a restarted worker reads it back.
    await (await bed.ext.worker()).evaluate(
      (key) =>
        chrome.storage.session.set({
          [key]: { recording: true, preserveLog: true, dropped: 0, cap: 2, count: 0 },
        }),
      `tab:${tabId}`,
    );
    await stopWorker(bed.ext);
    for (let i = 1; i <= 4; i++) await kava(99, i);
    const panel = await bed.ext.browser.newPage();
    await panel.goto(bed.ext.panelUrl(tabId));
    await eventually(async () => {
      const text = await panel.$eval('[data-testid="summary-dropped"]', (e) => e.textContent);
      return text === '2 dropped (cap 2)' ? true : undefined;
    }, 'the dropped count');
    expect((await storedRows(await bed.ext.worker())).filter((r) => r.tabId === tabId)).toHaveLength(2);
    expect(await panelRows(panel)).toHaveLength(2);
  });
});
