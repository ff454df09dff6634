import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BeaconSite,
  type ExtensionBrowser,
  kavaQuery,
  launchWithExtension,
  openDevToolsPanel,
  startBeaconSite,
  waitForPanelRows,
} from './support.js';

// The panel as users see it: inside the real DevTools window of the inspected tab, where it finds the
// tab through chrome.devtools.inspectedWindow and the theme through chrome.devtools.panels.
describe('the real DevTools panel', () => {
  let ext: ExtensionBrowser;
  let site: BeaconSite;

  beforeAll(async () => {
    site = await startBeaconSite();
    ext = await launchWithExtension({ devtools: true });
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it('shows the inspected tab’s beacons, sent before and after it opened', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${site.origin}/page.html`);
    const send = (type: number, index: number) =>
      page.evaluate(
        (url) => (window as never as { xhrGet(u: string): Promise<number> }).xhrGet(url),
        `${site.origin}/api_v3/index.php?${kavaQuery(type, index)}`,
      );
    await send(1, 1);
    const panel = await openDevToolsPanel(ext, page);
    await waitForPanelRows(panel, 1, 'one row');
    await send(2, 2);
    const rows = await waitForPanelRows(panel, 2, 'two rows');
    expect(rows[0]).toContain('Player Impression');
    expect(rows[1]).toContain('Play Requested');
    // DevTools' default theme is the light one.
    expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });
});
