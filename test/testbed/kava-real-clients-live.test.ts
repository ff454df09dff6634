import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pause, play, runChangeMedia, waitForDemo, waitForPosition } from '../../demo/scenario.mjs';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { type LaunchedBrowser, launchChromium } from '../../src/cli/browser/launch.js';
import type { Inspector } from '../../src/core/inspector.js';
import { inspect } from './received.js';

// The demo pages of the real KAVA clients, played live and short (the fixtures hold the long runs).
const PLAYING = { timeout: 120_000 };

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

async function played(
  path: string,
  run: (page: import('puppeteer').Page) => Promise<void>,
): Promise<Inspector> {
  server.clearReceived();
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}${path}`);
    await run(page);
    await new Promise((done) => setTimeout(done, 1000));
  } finally {
    await page.close();
  }
  return inspect(server.received());
}

/**
 * Errors, and the findings of `rules` (the rules these behaviours used to trip), that concern `beacons`
 * when given. Other warnings are left to the recorded fixtures: a loaded machine can delay the player's
 * Play past kava/position-not-zero's half second, which says nothing about change media.
 */
function concerned(inspector: Inspector, rules: readonly string[], beacons?: readonly number[]): string[] {
  return inspector
    .findings()
    .filter((f) => f.severity === 'error' || rules.includes(f.rule))
    .filter((f) => beacons === undefined || f.beacons.some((b) => beacons.includes(b)))
    .map((f) => `${f.rule} ${f.beacons}: ${f.message}`);
}

describe('real KAVA clients on the demo site', () => {
  it('change media in the real player: one session id, two playbacks, nothing wrong', PLAYING, async () => {
    const inspector = await played('kaltura.html', (page) =>
      runChangeMedia(page, { entries: ['1_pidemo02'], playTo: 3 }),
    );
    const sessions = inspector.sessions();
    expect(sessions.map((s) => [s.playbackNumber, s.playback.entryId])).toEqual([
      [1, '1_pidemo01'],
      [2, '1_pidemo02'],
    ]);
    expect(sessions[0]!.id).toBe(sessions[1]!.id);
    expect(concerned(inspector, ['session/mixed-ids', 'kava/quartile-repeated'])).toEqual([]);
    const impression = sessions[1]!.beacons[0]!.index;
    expect(concerned(inspector, ['kava/position-not-zero'], [impression])).toEqual([]);
  });

  it(
    'KAVA 0.5.1 in the real player: no View with Play, the first one an interval later',
    PLAYING,
    async () => {
      const inspector = await played('kaltura-kava-0-5.html', async (page) => {
        await waitForDemo(page);
        await play(page);
        await waitForPosition(page, 12, 60_000);
        await pause(page);
      });
      const beacons = inspector.beacons();
      const playBeacon = beacons.find((b) => b.event.code === '3')!;
      const view = beacons.find((b) => b.event.code === '99')!;
      expect(view.time - playBeacon.time).toBeGreaterThan(9000);
      expect(view.values.playbackSpeed).toBeUndefined();
      expect(playBeacon.values.applicationVersion).toBe('pi-demo-1.0');
      expect(concerned(inspector, ['kava/view-interval'])).toEqual([]);
    },
  );
});
