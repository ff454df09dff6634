import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchChromium } from '../../src/cli/browser/launch.js';
import { captureRequests } from '../../src/cli/capture/cdp-capture.js';
import type { CapturedRequest } from '../../src/core/capture/captured-request.js';
import { startTinySite, type TinySite } from './helpers/tiny-site.js';

let site: TinySite;
let launched: LaunchedBrowser;

beforeAll(async () => {
  site = await startTinySite();
  launched = await launchChromium({ args: ['--autoplay-policy=no-user-gesture-required'] });
});

afterAll(async () => {
  await launched?.close();
  await site?.close();
});

const via = (requests: CapturedRequest[], name: string) =>
  requests.filter((r) => new URL(r.url).searchParams.get('via') === name);

async function until(check: () => boolean, what: string | (() => string)): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never saw ${typeof what === 'string' ? what : what()}`);
}

describe('captureRequests', () => {
  it('captures beacons of every kind with bodies, statuses, failures, iframes and popups', async () => {
    const page = await launched.browser.newPage();
    const completed: CapturedRequest[] = [];
    const capture = await captureRequests(page, { onComplete: (r) => completed.push(r) });
    await page.goto(site.url);
    await page.evaluate('document.getElementById("v").play()');
    await page.click('#popup');
    const done = () => completed.filter((r) => r.url.includes('via='));
    const kinds = ['beacon', 'image', 'fetch', 'xhr', '404', 'refused', 'iframe', 'popup'];
    const missing = () => kinds.filter((v) => !via(done(), v).length);
    await until(
      () => missing().length === 0,
      () => `every request complete (missing: ${missing().join(', ')})`,
    );
    await capture.stop();
    const requests = capture.requests();

    const [beacon] = via(requests, 'beacon');
    expect(beacon).toMatchObject({ method: 'POST', status: 200, initiatorType: 'beacon' });
    expect(beacon?.body).toMatchObject({ kind: 'text', text: 'event=play&ks=secret-ks' });
    expect(beacon?.startTime).toBeGreaterThan(Date.now() - 120_000);
    expect(beacon?.duration).toBeGreaterThanOrEqual(0);
    // The cookie header is only in requestWillBeSentExtraInfo: proof that both events were joined.
    expect(beacon?.requestHeaders?.find((h) => h.name.toLowerCase() === 'cookie')?.value).toBe('visit=1');

    expect(via(requests, 'image')[0]).toMatchObject({ method: 'GET', status: 200, initiatorType: 'image' });
    expect(via(requests, 'fetch')[0]).toMatchObject({ method: 'POST', initiatorType: 'fetch' });
    expect(via(requests, 'fetch')[0]?.body).toMatchObject({
      text: 'event=play',
      mimeType: 'application/x-www-form-urlencoded',
    });
    expect(via(requests, 'xhr')[0]).toMatchObject({ initiatorType: 'xhr', status: 200 });
    expect(via(requests, '404')[0]?.status).toBe(404);
    const refused = via(requests, 'refused')[0];
    expect(refused?.status).toBe(0);
    expect(refused?.error).toMatch(/ERR_/);

    const pageTab = beacon?.tabId;
    expect(via(requests, 'iframe')[0]?.tabId).toBe(pageTab);
    expect(via(requests, 'popup')[0]).toMatchObject({ method: 'POST', initiatorType: 'beacon' });
    expect(via(requests, 'popup')[0]?.tabId).not.toBe(pageTab);
    expect(via(requests, 'popup')[0]?.body).toMatchObject({ text: 'from=popup' });
    // The popup is held until capture is on: even its own document request is there.
    const popupDocument = requests.find((r) => r.url.endsWith('/popup.html'));
    expect(popupDocument).toMatchObject({
      initiatorType: 'document',
      tabId: via(requests, 'popup')[0]?.tabId,
    });

    // Every captured id is unique, and the server saw what was captured.
    expect(new Set(requests.map((r) => r.id)).size).toBe(requests.length);
    expect(site.received.some((r) => r.body === 'event=play&ks=secret-ks')).toBe(true);
    await page.close();
  });

  it('keeps capturing across navigations, and follows redirects', async () => {
    const page = await launched.browser.newPage();
    const capture = await captureRequests(page, { popups: false });
    await page.goto(site.url);
    await page.goto(`${site.url}/no-player.html`);
    await page.evaluate(
      `navigator.sendBeacon('/collect?via=after-nav', 'x=1'); new Image().src = '/redirect?via=redirect';`,
    );
    await until(
      () => via(capture.requests(), 'after-nav').some((r) => r.status === 200),
      'the beacon after navigation',
    );
    await until(() => via(capture.requests(), 'redirected').some((r) => r.status === 200), 'the redirect');
    // A redirect is two requests: the first with its 3xx status, then the next hop under a derived id.
    const [hop1] = via(capture.requests(), 'redirect');
    const [hop2] = via(capture.requests(), 'redirected');
    expect(hop1?.status).toBe(302);
    expect(hop2?.id).toBe(`${hop1?.id}#1`);
    const documents = capture
      .requests()
      .filter((r) => r.initiatorType === 'document' && r.url.startsWith(site.url));
    expect(documents.map((r) => new URL(r.url).pathname)).toEqual(['/', '/no-player.html']);
    await capture.stop();
    await page.close();
  });
});
