import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runScenario } from '../../demo/scenario.mjs';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { variants } from '../../demo/variants.mjs';
import { type LaunchedBrowser, launchChromium } from '../../src/cli/browser/launch.js';
import { inspect } from './received.js';

// A short scenario (about 17 s of playback): play, pause, resume, seek near the end, end, replay.
// Playing takes real time; a loaded CI machine may need more than the default timeout.
const PLAYING = { timeout: 120_000 };
const SHORT = { playTo: 5, pauseMs: 2000, resumeFor: 2, seekTo: 50, replayFor: 2 };

let server: DemoServer;
let launched: LaunchedBrowser;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer();
  launched = await launchChromium({ args: ['--autoplay-policy=no-user-gesture-required'] });
  browser = launched.browser;
});

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

beforeEach(() => server.clearReceived());

/** Opens a demo page, plays the short scenario, closes the page and waits for the last beacons. */
async function playPage(path: string): Promise<void> {
  const page: Page = await browser.newPage();
  try {
    await page.goto(`${server.url}${path}`);
    await runScenario(page, SHORT);
    await new Promise((done) => setTimeout(done, 1000));
  } finally {
    await page.close();
  }
}

describe('demo site', () => {
  it('serves the index, the variant list and the test video with byte ranges', async () => {
    const index = await fetch(server.url);
    expect(await index.text()).toContain('/kaltura.html');
    const listed = await (await fetch(`${server.url}variants.json`)).json();
    expect(listed).toEqual(variants);
    const range = await fetch(`${server.url}media/test-video.mp4`, { headers: { range: 'bytes=0-99' } });
    expect(range.status).toBe(206);
    expect((await range.arrayBuffer()).byteLength).toBe(100);
    expect((await fetch(`${server.url}../package.json`)).status).toBe(404);
  });

  it('answers analytics requests like the real service and logs them', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await fetch(`${server.url}api_v3/index.php?service=analytics&action=trackEvent`, {
      method: 'POST',
      body: 'eventType=1',
    });
    expect(res.status).toBe(200);
    expect(Number(await res.text())).toBeGreaterThanOrEqual(before);
    const ping = await fetch(`${server.url}v1/jwplayer6/ping.gif?e=e`, { method: 'POST' });
    expect(ping.headers.get('content-type')).toBe('image/gif');
    const log = server.received();
    expect(log.map((r) => [r.method, new URL(r.url).pathname, r.body])).toEqual([
      ['POST', '/api_v3/index.php', 'eventType=1'],
      ['POST', '/v1/jwplayer6/ping.gif', ''],
    ]);
  });

  it(
    'the real Kaltura player sends KAVA beacons with named events to the local server',
    PLAYING,
    async () => {
      await playPage('kaltura.html');
      const inspector = inspect(server.received());
      const beacons = inspector.beacons();
      expect(beacons.length).toBeGreaterThan(8);
      expect(beacons.every((b) => b.protocol === 'kava' && b.event.known)).toBe(true);
      const codes = new Set(beacons.map((b) => b.event.code));
      for (const code of ['1', '2', '3', '99', '33', '4', '35', '14', '34']) expect(codes).toContain(code);
      expect(beacons.find((b) => b.event.code === '3')?.event.name).toMatch(/play/i);
      // One player session, and no beacon lost on the way (the log is in arrival order, not send order).
      expect(new Set(beacons.map((b) => b.sessionId)).size).toBe(1);
      expect(beacons[0]?.sessionId).not.toBe('');
      const indices = beacons.map((b) => Number(b.values.eventIndex)).sort((a, b) => a - b);
      expect(indices).toEqual(indices.map((_, i) => i + 1));
      expect(beacons.every((b) => b.values.partnerId === '3050741')).toBe(true);
    },
  );

  it('the legacy stats page sends stats.collect beacons driven by the video', PLAYING, async () => {
    await playPage('stats.html');
    const beacons = inspect(server.received()).beacons();
    expect(beacons.every((b) => b.protocol === 'kaltura-stats' && b.event.known)).toBe(true);
    const codes = new Set(beacons.map((b) => b.event.code));
    for (const code of ['1', '2', '3', '4', '5', '6', '7', '16', '17']) expect(codes).toContain(code);
    expect(new Set(beacons.map((b) => b.sessionId)).size).toBe(1);
    const seek = beacons.find((b) => b.event.code === '17');
    expect(seek?.values['event:newPoint']).toBe('50000');
  });

  it('the JW page sends OTT pings with sendBeacon, a new play after the end', PLAYING, async () => {
    await playPage('jw.html');
    const received = server.received();
    expect(received.every((r) => r.method === 'POST' && r.body === '')).toBe(true);
    const beacons = inspect(received).beacons();
    expect(beacons.every((b) => b.protocol === 'jw' && b.event.known)).toBe(true);
    const plays = new Map<string, string[]>();
    for (const b of beacons) plays.set(b.sessionId, [...(plays.get(b.sessionId) ?? []), b.event.code]);
    const [first, replay] = [...plays.values()];
    expect(first?.[0]).toBe('e');
    for (const code of ['s', 't', 'vs', 'gab']) expect(first).toContain(code);
    expect(replay?.slice(0, 2)).toEqual(['e', 's']);
    const start = beacons.find((b) => b.event.code === 's');
    expect(start?.values).toMatchObject({ vd: '60', q: '8', pw: '0', bun: '127.0.0.1' });
  });
});
