import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { attachInspector } from '../../src/cli/api/attach-inspector.js';
import { CHROMIUM_FLAGS } from '../../src/cli/browser/launch.js';

let browser: Browser;
let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await puppeteer.launch({
    args: [...CHROMIUM_FLAGS, '--autoplay-policy=no-user-gesture-required'],
  });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** Plays a video for a moment and waits until its playhead moved (or, with `seekTo`, seeks first). */
async function playBriefly(page: Page, handle: string, seekTo?: number) {
  await page.evaluate(
    async (h, to) => {
      const v = (window as unknown as Record<string, HTMLVideoElement>)[h] as HTMLVideoElement;
      v.muted = true;
      await v.play();
      const start = v.currentTime;
      await new Promise<void>((resolve) => {
        const check = () => (v.currentTime > start + 1 ? resolve() : setTimeout(check, 50));
        check();
      });
      if (to !== undefined) {
        v.currentTime = to;
        await new Promise((resolve) => v.addEventListener('seeked', resolve, { once: true }));
      }
      v.pause();
    },
    handle,
    seekTo,
  );
}

describe('the media recorder (ground truth)', () => {
  it('records every <video>: in the document, in a closed shadow root, and one created later', async () => {
    const page = await browser.newPage();
    const inspector = await attachInspector(page);
    await page.goto(demo.url);
    const media = new URL('media/test-video.mp4', demo.url).href;
    await page.evaluate((src) => {
      const w = window as unknown as Record<string, HTMLVideoElement>;
      const plain = document.createElement('video');
      plain.id = 'plain';
      plain.src = src;
      document.body.append(plain);
      w.plain = plain;
      const host = document.createElement('div');
      host.className = 'player-host';
      document.body.append(host);
      const shadow = host.attachShadow({ mode: 'closed' });
      const inner = document.createElement('video');
      inner.src = src;
      shadow.append(inner);
      w.inner = inner;
    }, media);
    await playBriefly(page, 'plain');
    await playBriefly(page, 'inner');
    await page.evaluate((src) => {
      const late = document.createElement('video');
      late.className = 'late one';
      late.src = src;
      document.body.append(late);
      (window as unknown as Record<string, HTMLVideoElement>).late = late;
    }, media);
    await playBriefly(page, 'late', 30);
    await inspector.detach();

    const truth = inspector.truth();
    expect(truth?.end).toBeGreaterThan(truth?.start ?? Number.POSITIVE_INFINITY);
    const labels = truth?.videos.map((v) => v.label) ?? [];
    expect(labels).toEqual(['video#plain', 'video (in the shadow root of div)', 'video.late.one']);
    for (const video of truth?.videos ?? []) {
      const types = video.events.map((e) => e.type);
      for (const type of ['loadstart', 'play', 'playing', 'pause', 'sample'])
        expect(types, `${video.label} ${type}`).toContain(type);
      expect(video.events.find((e) => e.type === 'durationchange')?.duration).toBe(60);
    }
    const seek = truth?.videos[2]?.events.find((e) => e.type === 'seeking');
    expect(seek?.position).toBe(30);
    expect(seek?.from).toBeGreaterThan(0.5);
    expect(seek?.from).toBeLessThan(10);
    // Three videos played and the page sent no beacon: the audit's error.
    const noBeacons = inspector.findings().filter((f) => f.rule === 'truth/no-beacons');
    expect(noBeacons.map((f) => f.message.split(' played')[0])).toEqual(labels);
    expect(JSON.parse(inspector.report('json')).truth.videos).toHaveLength(3);
    await page.close();
  });

  it('stamps media events on the beacons’ clock, and picks up a video already playing when attached late', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('stats.html', demo.url).href);
    await page.waitForFunction('window.playerInspectorDemo && window.playerInspectorDemo.ready');
    await page.evaluate('window.v = document.querySelector("video"); v.muted = true; v.play()');
    await page.waitForFunction('document.querySelector("video").currentTime > 0.5');
    const inspector = await attachInspector(page);
    // Seek (17) is sent from the video's own seeking listener: the same moment as the recorded event.
    await page.evaluate('v.currentTime = 40');
    const seekBeacon = await inspector.waitForEvent(
      { protocol: 'kaltura-stats', name: '17' },
      { timeout: 10_000 },
    );
    await page.evaluate('v.pause()');
    await inspector.detach();

    const events = inspector.truth()?.videos[0]?.events ?? [];
    expect(events[0]?.type).toBe('sample');
    expect(events[1]?.type).toBe('playing');
    const seeking = events.find((e) => e.type === 'seeking');
    expect(seeking?.position).toBe(40);
    expect(Math.abs(seekBeacon.time - (seeking?.time ?? 0))).toBeLessThan(500);
    expect(inspector.findings().filter((f) => f.rule.startsWith('truth/'))).toEqual([]);
    await page.close();
  });

  it('records nothing with truth: false', async () => {
    const page = await browser.newPage();
    const inspector = await attachInspector(page, { truth: false });
    await page.goto(demo.url);
    expect(inspector.truth()).toBeUndefined();
    await inspector.detach();
    await page.close();
  });
});
