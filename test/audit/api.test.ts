import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';
import { attachInspector } from '../../src/cli/api/attach-inspector.js';
import { CHROMIUM_FLAGS } from '../../src/cli/browser/launch.js';
import { startTinySite, type TinySite } from './helpers/tiny-site.js';

// Used the way a QA team's own puppeteer suite would: its own browser, its own page.
let browser: Browser;
let demo: { url: string; close(): Promise<void> };
let site: TinySite;

beforeAll(async () => {
  demo = await startDemoServer();
  site = await startTinySite();
  browser = await puppeteer.launch({
    args: [...CHROMIUM_FLAGS, '--autoplay-policy=no-user-gesture-required'],
  });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await site?.close();
});

describe('attachInspector', () => {
  it('validates the Kaltura demo page while a test drives it', async () => {
    const page = await browser.newPage();
    const inspector = await attachInspector(page);
    await page.goto(new URL('kaltura.html', demo.url).href);
    await page.waitForFunction('window.playerInspectorDemo && window.playerInspectorDemo.ready');
    await page.evaluate('document.querySelector("video").play()');

    const play = await inspector.waitForEvent({ protocol: 'kava', name: 'Play' }, { timeout: 20_000 });
    expect(play.values.eventType).toBe('3');
    const view = await inspector.waitForEvent({ protocol: 'kava', name: '99' }, { timeout: 20_000 });
    expect(view.index).toBeGreaterThan(play.index);
    // Beacons already arrived count; `since` and `count` pick among them and the ones to come.
    const third = await inspector.waitForEvent(
      { protocol: 'kava', params: { position: true } },
      { count: 3 },
    );
    expect(third.index).toBe(2);
    const afterPlay = await inspector.waitForEvent({ protocol: 'kava' }, { since: play.index + 1, count: 2 });
    expect(afterPlay.index).toBe(play.index + 2);

    await page.evaluate('document.querySelector("video").pause()');
    await inspector.waitForEvent({ protocol: 'kava', name: 'Pause clicked' }, { timeout: 10_000 });
    await inspector.detach();

    const events = inspector.beacons().map((b) => b.event.code);
    expect(events.slice(0, 3)).toEqual(['1', '2', '3']);
    expect(inspector.sessions()).toHaveLength(1);
    expect(() => inspector.expectNoErrors()).not.toThrow();
    expect(inspector.findings().filter((f) => f.severity === 'error')).toEqual([]);
    await page.close();
  });

  it('rejects waitForEvent with what did arrive, and expectNoErrors lists the error findings', async () => {
    const page = await browser.newPage();
    const inspector = await attachInspector(page, {
      config: { expect: { events: [{ protocol: 'kava', event: 'Seek' }] } },
    });
    await page.goto(new URL('kaltura.html?bug=no-partner-id', demo.url).href);
    await page.waitForFunction('window.playerInspectorDemo && window.playerInspectorDemo.ready');
    await page.evaluate('document.querySelector("video").play()');
    await inspector.waitForEvent({ protocol: 'kava', name: 'Play' }, { timeout: 20_000 });

    await expect(inspector.waitForEvent({ protocol: 'jw', name: 's' }, { timeout: 500 })).rejects.toThrow(
      /waiting for a JW .* s event; arrived: .*kava Play/,
    );
    await inspector.detach();
    expect(() => inspector.expectNoErrors()).toThrow(/kava\/missing-required: .*partnerId/);
    expect(() => inspector.expectNoErrors()).toThrow(/expect\/event-missing/);
    await page.close();
  });

  it('decodes POST-body beacons, reports failed ones and redacts ks in its reports', async () => {
    const page = await browser.newPage();
    const inspector = await attachInspector(page);
    await page.goto(`${site.url}/kava-post.html`);
    const impression = await inspector.waitForEvent({
      protocol: 'kava',
      name: '1',
      params: { partnerId: '123' },
    });
    expect(impression.request).toMatchObject({ method: 'POST', initiatorType: 'beacon', status: 200 });
    const failed = await inspector.waitForEvent({ protocol: 'kava', name: 'Play Requested' });
    expect(failed.request.status).toBe(0);
    await inspector.detach();

    const httpErrors = inspector.findings().filter((f) => f.rule === 'beacon/http-error');
    expect(httpErrors.map((f) => f.beacons)).toEqual([[failed.index]]);
    expect(() => inspector.expectNoErrors()).toThrow(/beacon\/http-error/);
    for (const format of ['json', 'junit', 'html', 'text'] as const) {
      const report = inspector.report(format);
      expect(report, format).not.toContain('secret-ks');
    }
    expect(inspector.report('json')).toContain('REDACTED');
    await page.close();
  });
});
