import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pause, play, seek, sleep, waitForDemo, waitForPosition } from '../../demo/scenario.mjs';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { type ExtensionBrowser, eventually, launchWithExtension, panelRows, tabIdOf } from './support.js';

// Screenshots land in docs/ only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
  : `${tmpdir()}/player-inspector-screenshots/`;

/**
 * The panel on the demo site's real Kaltura player: a correct session, then the broken variant whose
 * integration sends an empty partnerId, both kept in one tab by "preserve log".
 */
describe('extension panel on the demo Kaltura page', () => {
  let ext: ExtensionBrowser;
  let demo: DemoServer;
  let page: Page;
  let panel: Page;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    demo = await startDemoServer();
    ext = await launchWithExtension();
    page = await ext.browser.newPage();
    await page.goto(new URL('/kaltura.html', demo.url).href);
    await waitForDemo(page);
    await play(page);
    await waitForPosition(page, 4, 60_000);
    await pause(page);
    await sleep(1500);
    await seek(page, 20);
    await play(page);
    await waitForPosition(page, 22, 60_000);
    await pause(page);
    // Navigating away aborts a beacon still in flight (a real beacon/http-error): let the Pause arrive.
    await eventually(
      async () =>
        demo.received().filter((r) => r.url.includes('eventType=33')).length === 2 ? true : undefined,
      'the second Pause at the server',
    );

    await page.goto(new URL('/kaltura.html?bug=no-partner-id', demo.url).href);
    await waitForDemo(page);
    await play(page);
    await waitForPosition(page, 2, 60_000);
    await pause(page);

    const tabId = await tabIdOf(ext, new URL(demo.url).origin);
    panel = await ext.browser.newPage();
    await panel.setViewport({ width: 1280, height: 720 });
    await panel.goto(ext.panelUrl(tabId, 'light'));
  }, 180_000);

  afterAll(async () => {
    await ext?.close();
    await demo?.close();
  });

  it('lists the decoded KAVA events of both sessions', async () => {
    const rows = await eventually(async () => {
      const list = await panelRows(panel);
      return list.filter((r) => r.includes('Pause')).length >= 2 ? list : undefined;
    }, 'both sessions in the panel');
    const events = rows.map((r) => r.split(' | ')[2]);
    for (const name of [
      'Player Impression',
      'Play Requested',
      'Play',
      'View',
      'Pause clicked',
      'Seek',
      'Resume',
    ]) {
      expect(events).toContain(name);
    }
    expect(rows.every((r) => r.includes('KAVA'))).toBe(true);
    expect(rows.some((r) => r.includes(' S1 ')) && rows.some((r) => r.includes(' S2 '))).toBe(true);
    const sessions = await panel.$eval('[data-testid="summary-sessions"]', (e) => e.textContent);
    expect(sessions).toBe('2 sessions');
  });

  it('shows the broken variant findings with the rule explanation in the detail pane', async () => {
    await panel.select('select[aria-label="Severity filter"]', 'error');
    // The filter applies on the next frame: wait until only beacons with an error badge are listed.
    const flagged = await eventually(async () => {
      const list = await panel.$$eval('.list-body .row', (rows) =>
        rows.map((r) => ({
          text: [...r.children].map((c) => c.textContent).join(' | '),
          error: !!r.querySelector('.badge.sev-error'),
        })),
      );
      return list.length > 0 && list.every((r) => r.error) ? list.map((r) => r.text) : undefined;
    }, 'only beacons with errors');
    // Every beacon of the broken session lacks the partner id; the correct session has no error.
    expect(flagged.filter((r) => !/\bS2\b/.test(r))).toEqual([]);
    expect(flagged.length).toBeGreaterThanOrEqual(5);
    await panel.click('.list-body .row');
    const detail = await panel.$eval('.detail', (e) => e.textContent ?? '');
    expect(detail).toContain('kava/missing-required');
    expect(detail).toMatch(/partnerId/);
    // The parameter table names parameters from the spec.
    expect(detail).toContain('Partner ID');
    // Keyboard: Down moves the selection to the next row.
    await panel.focus('.list-body');
    const before = await panel.$eval('.row[data-selected="true"]', (e) => e.getAttribute('data-index'));
    await panel.keyboard.press('ArrowDown');
    const after = await panel.$eval('.row[data-selected="true"]', (e) => e.getAttribute('data-index'));
    expect(Number(after)).toBeGreaterThan(Number(before));
    await panel.screenshot({ path: `${SHOTS}panel-light.png` });
    await panel.select('select[aria-label="Severity filter"]', 'all');
  });

  it('draws a timeline per session, and a marker click selects its beacon', async () => {
    await clickTab(panel, 'Sessions');
    const timelines = await panel.$$('svg.pi-tl');
    expect(timelines).toHaveLength(2);
    const first = await panel.$eval('section.session', (s) => ({
      markers: s.querySelectorAll('.marker').length,
      pauses: s.querySelectorAll('svg.timeline .band-pause').length,
      seeks: s.querySelectorAll('svg.timeline .band-seek').length,
      playhead: s.querySelectorAll('polyline.playhead').length,
      beacons: Number(s.querySelector('[data-testid="session-beacons"]')?.textContent),
    }));
    expect(first.markers).toBe(first.beacons);
    expect(first.pauses).toBeGreaterThanOrEqual(1);
    expect(first.seeks).toBe(1);
    expect(first.playhead).toBeGreaterThanOrEqual(1);
    const errorRings = await panel.$$eval(
      'section.session:nth-of-type(2) svg.timeline .finding-error',
      (e) => e.length,
    );
    expect(errorRings).toBeGreaterThan(0);
    await panel.screenshot({ path: `${SHOTS}timeline.png` });

    await panel.hover('section.session .marker');
    const hover = await panel.$eval('.timeline-hover', (e) => e.textContent ?? '');
    expect(hover).toMatch(/^#\d+ /);
    const index = await panel.$eval('section.session .marker', (e) => e.getAttribute('data-beacon'));
    await panel.click('section.session .marker');
    const selected = await panel.$eval('.row[data-selected="true"]', (e) => e.getAttribute('data-index'));
    expect(selected).toBe(index);
  });

  it('follows the dark theme', async () => {
    const tabId = Number(new URL(panel.url()).searchParams.get('tabId'));
    await panel.goto(ext.panelUrl(tabId, 'dark'));
    await eventually(async () => ((await panelRows(panel)).length > 0 ? true : undefined), 'rows');
    const background = await panel.$eval('body', (b) => getComputedStyle(b).backgroundColor);
    expect(background).toBe('rgb(32, 33, 36)');
    await panel.click('.list-body .row:nth-child(3)');
    await panel.screenshot({ path: `${SHOTS}panel-dark.png` });
  });
});

async function clickTab(panel: Page, name: string): Promise<void> {
  const tabs = await panel.$$('[role="tab"]');
  for (const tab of tabs) {
    if ((await tab.evaluate((e) => e.textContent)) === name) return tab.click();
  }
  throw new Error(`no tab ${name}`);
}
