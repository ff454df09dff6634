import { describe, expect, it } from 'vitest';
import { eventually, extensionOnBeaconSite, kavaQuery, storedRows, tabIdOf } from './support.js';

const BURST = 1000;

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
});
