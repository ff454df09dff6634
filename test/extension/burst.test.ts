import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BeaconSite,
  type ExtensionBrowser,
  eventually,
  kavaQuery,
  launchWithExtension,
  startBeaconSite,
  storedRows,
  tabIdOf,
} from './support.js';

const BURST = 1000;

// A player that floods its collector (a bug, or a page with many players) must not make the extension
// lose beacons: each one is written as it comes, and those arriving during a write share the next one.
describe('extension under a burst of beacons', () => {
  let ext: ExtensionBrowser;
  let site: BeaconSite;
  let page: Page;

  beforeAll(async () => {
    site = await startBeaconSite();
    ext = await launchWithExtension();
    page = await ext.browser.newPage();
    await page.goto(`${site.origin}/page.html`);
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it(`stores all ${BURST} KAVA beacons a page sends within a second, and the panel lists them`, async () => {
    const urls = Array.from(
      { length: BURST },
      (_, i) => `${site.origin}/api_v3/index.php?${kavaQuery(99, i + 1)}`,
    );
    // Spread over about a second, half as fetch GETs and half as image pixels, as players send them.
    await page.evaluate((list: string[]) => {
      list.forEach((url, i) => {
        setTimeout(() => {
          if (i % 2 === 0) void fetch(url).catch(() => undefined);
          else new Image().src = url;
        }, i);
      });
    }, urls);

    const tabId = await tabIdOf(ext, site.origin);
    const rows = await eventually(
      async () => {
        const all = (await storedRows(await ext.worker())).filter((r) => r.tabId === tabId);
        return all.length >= BURST && all.every((r) => r.request.status !== undefined) ? all : undefined;
      },
      `${BURST} completed beacons in the store`,
      60_000,
    );
    expect(site.received.filter((r) => r.url.startsWith('/api_v3/'))).toHaveLength(BURST);
    expect(rows).toHaveLength(BURST);
    const indices = rows.map((r) => Number(new URL(r.request.url).searchParams.get('eventIndex')));
    expect(new Set(indices).size).toBe(BURST);
    expect([...indices].sort((a, b) => a - b)).toEqual(Array.from({ length: BURST }, (_, i) => i + 1));
    expect(rows.every((r) => r.request.status === 200)).toBe(true);

    const panel = await ext.browser.newPage();
    await panel.goto(ext.panelUrl(tabId));
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
