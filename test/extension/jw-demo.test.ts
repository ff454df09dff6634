import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pause, play, waitForDemo, waitForPosition } from '../../demo/scenario.mjs';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import {
  type ExtensionBrowser,
  eventually,
  launchWithExtension,
  panelRows,
  storedRows,
  tabIdOf,
} from './support.js';

// JW OTT pings go out with navigator.sendBeacon (POST, empty body, data in the query): the demo's JW
// page, a correct play and then the variant whose pings lack the analytics id.
describe('extension on the demo JW page', () => {
  let ext: ExtensionBrowser;
  let demo: DemoServer;
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    demo = await startDemoServer();
    ext = await launchWithExtension();
    page = await ext.browser.newPage();
    for (const path of ['/jw.html', '/jw.html?bug=no-aid']) {
      await page.goto(new URL(path, demo.url).href);
      await waitForDemo(page);
      await play(page);
      await waitForPosition(page, 2, 60_000);
      await pause(page);
    }
    tabId = await tabIdOf(ext, new URL(demo.url).origin);
  }, 120_000);

  afterAll(async () => {
    await ext?.close();
    await demo?.close();
  });

  it('captures the sendBeacon pings', async () => {
    const rows = await eventually(async () => {
      const all = (await storedRows(await ext.worker())).filter((r) => r.tabId === tabId);
      return all.length >= 4 ? all : undefined;
    }, 'JW pings in the store');
    const pings = rows.filter((r) => r.request.url.includes('/ping.gif'));
    expect(pings.length).toBe(rows.length);
    expect(pings.every((r) => r.request.method === 'POST' && r.request.initiatorType === 'beacon')).toBe(
      true,
    );
    const served = demo.received().filter((r) => r.url.includes('/ping.gif'));
    expect(served.length).toBeGreaterThanOrEqual(pings.length);
  });

  it('lists decoded JW events and flags the pings without an analytics id', async () => {
    const panel = await ext.browser.newPage();
    await panel.goto(ext.panelUrl(tabId));
    const rows = await eventually(async () => {
      const list = await panelRows(panel);
      return list.filter((r) => r.includes('Setup')).length >= 2 ? list : undefined;
    }, 'both plays in the panel');
    expect(rows.every((r) => r.includes('JW'))).toBe(true);
    expect(rows.some((r) => r.includes('Setup · jwplayer6'))).toBe(true);
    expect(rows.some((r) => r.includes('| Play'))).toBe(true);

    await panel.select('select[aria-label="Severity filter"]', 'error');
    const broken = await eventually(async () => {
      const list = await panel.$$eval('.list-body .row', (els) =>
        els.map((r) => ({
          session: r.children[3]?.textContent,
          error: !!r.querySelector('.badge.sev-error'),
        })),
      );
      return list.length > 0 && list.every((r) => r.error) ? list : undefined;
    }, 'pings with errors');
    // Only the second play (the no-aid variant) has errors.
    expect(new Set(broken.map((r) => r.session)).size).toBe(1);
    await panel.click('.list-body .row');
    const detail = await panel.$eval('.detail', (e) => e.textContent ?? '');
    expect(detail).toContain('jw/missing-required');
    expect(detail).toContain('aid');
  });
});
