// @ts-check
/**
 * Records the test fixtures: plays each demo page and each broken variant in headless Chromium through
 * the viewing scenario (load, play, pause 3 s, resume, seek, play to the end, replay a few seconds),
 * captures the requests over the DevTools protocol and writes HAR 1.2 files to test/fixtures/. Only the
 * page document and the analytics requests are kept, so the files stay small; `ks` values are redacted.
 *
 *   npm run record-fixtures [-- --only kaltura,stats-quartile-order] [--out dir]
 *
 * Uses the compiled lib/ (built by `npm ci` / `npm run build:lib`): the same Chromium launcher, CDP
 * capture and HAR export as the audits.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChangeMedia, runPausedSeeks, runScenario } from '../demo/scenario.mjs';
import { startDemoServer } from '../demo/server.mjs';
import { variants } from '../demo/variants.mjs';
import { launchChromium } from '../lib/cli/browser/launch.js';
import { captureRequests } from '../lib/cli/capture/cdp-capture.js';
import { exportHar } from '../lib/core/capture/har-export.js';

/**
 * A page and what to do on it: the viewing scenario (with `scenario` options), or `run` instead.
 * @typedef {{ name: string, path: string, scenario?: import('../demo/scenario.mjs').ScenarioOptions,
 *   run?: (page: import('puppeteer').Page) => Promise<void> }} Job
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (/** @type {string} */ name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const outDir = resolve(option('--out') ?? join(root, 'test/fixtures'));
const only = option('--only')?.split(',');
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

/** @type {Job[]} */
const jobs = [
  { name: 'kaltura', path: 'kaltura.html' },
  // A pause over 30 s: the real player resets its KAVA session on Resume.
  { name: 'kaltura-long-pause', path: 'kaltura.html', scenario: { pauseMs: 32_000, seekTo: 50 } },
  // Change media in the same player: a second entry (the player reuses the session id), and a third.
  {
    name: 'kaltura-change-media',
    path: 'kaltura.html',
    run: (page) => runChangeMedia(page, { entries: ['1_pidemo02'] }),
  },
  {
    name: 'kaltura-change-media-twice',
    path: 'kaltura.html',
    run: (page) => runChangeMedia(page, { entries: ['1_pidemo02', '1_pidemo03'] }),
  },
  // Seeks while paused, each past a quartile (sent while still paused): 8 s paused with a seek 1 s in,
  // then 35 s paused with a seek 2 s in (a session reset).
  {
    name: 'kaltura-seek-paused',
    path: 'kaltura.html',
    run: (page) =>
      runPausedSeeks(page, {
        pauses: [
          { seekAfterMs: 1000, seekTo: 20, pauseMs: 8000 },
          { seekAfterMs: 2000, seekTo: 50, pauseMs: 35_000 },
        ],
      }),
  },
  // The same player with KAVA 0.5.1 (npm alias kava-0-5), through the viewing scenario.
  { name: 'kaltura-kava-0-5', path: 'kaltura-kava-0-5.html' },
  { name: 'stats', path: 'stats.html' },
  // The stats emitter in the order and keys of three real clients (demo/public/stats.js), and the
  // planted order bug in the HTML5 v2 player's order.
  { name: 'stats-html5', path: 'stats.html?client=html5' },
  { name: 'stats-kdp', path: 'stats.html?client=kdp' },
  { name: 'stats-android', path: 'stats.html?client=android' },
  { name: 'stats-html5-quartile-order', path: 'stats.html?client=html5&bug=quartile-order' },
  { name: 'jw', path: 'jw.html' },
  // The second time ping lost on the way; played to 25 s so that the third one comes before the seek.
  { name: 'jw-lost-ping', path: 'jw.html?lose=2', scenario: { playTo: 25 } },
  ...variants.map((v) => ({ name: `${v.page}-${v.bug}`, path: `${v.page}.html?bug=${v.bug}` })),
].filter((job) => !only || only.includes(job.name));

/** Requests worth keeping: what reports analytics (and, below, the page document). */
const isAnalytics = (/** @type {string} */ url) =>
  /\/api_v3\/(index\.php|service\/)|\/v1\/[^/]+\/ping\.gif/.test(url);

await mkdir(outDir, { recursive: true });
const server = await startDemoServer();
const chromium = await launchChromium({ args: ['--autoplay-policy=no-user-gesture-required'] });
try {
  for (const job of jobs) {
    const started = Date.now();
    const requests = await record(
      `${server.url}${job.path}`,
      job.run ?? ((page) => runScenario(page, job.scenario)),
    );
    const file = join(outDir, `${job.name}.har`);
    await writeFile(file, `${JSON.stringify(exportHar(requests, { version }), null, 2)}\n`);
    const beacons = requests.filter((r) => isAnalytics(r.url)).length;
    console.log(
      `${job.name}: ${beacons} beacons in ${((Date.now() - started) / 1000).toFixed(0)} s -> ${file}`,
    );
  }
} finally {
  await chromium.close();
  await server.close();
}

/**
 * @param {string} url
 * @param {(page: import('puppeteer').Page) => Promise<void>} run
 */
async function record(url, run) {
  const context = await chromium.browser.createBrowserContext();
  const page = await context.newPage();
  // KAVA's answer (the server's Unix time) is part of the protocol: keep the analytics response bodies.
  const capture = await captureRequests(page, { responseBody: (r) => isAnalytics(r.url) });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await run(page);
    // Let the last beacons (the pause after the replay) reach the server.
    await new Promise((done) => setTimeout(done, 1500));
    await capture.idle();
    return capture.requests().filter((r) => r.initiatorType === 'document' || isAnalytics(r.url));
  } finally {
    await capture.stop();
    await context.close();
  }
}
