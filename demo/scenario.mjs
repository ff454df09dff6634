// @ts-check
/**
 * Drives a demo page's <video> through a viewing scenario, waiting on the playhead rather than on the
 * clock so that a slow machine plays the same scenario. Shared by the recorder and the browser tests.
 * @typedef {import('puppeteer').Page} Page
 * @typedef {{ playTo?: number, pauseMs?: number, resumeFor?: number, seekTo?: number, replayFor?: number,
 *   timeoutMs?: number }} ScenarioOptions
 */

/**
 * Waits until the page has set `window.playerInspectorDemo.ready`.
 * @param {Page} page
 * @param {number} [timeoutMs]
 */
export async function waitForDemo(page, timeoutMs = 30_000) {
  await page.waitForFunction(() => /** @type {any} */ (window).playerInspectorDemo?.ready === true, {
    timeout: timeoutMs,
  });
}

/**
 * Load is done by the caller; then: play to `playTo` s, pause `pauseMs`, resume for `resumeFor` s, seek
 * to `seekTo` s, play to the end, replay for `replayFor` s, pause.
 * @param {Page} page
 * @param {ScenarioOptions} [options]
 */
export async function runScenario(page, options = {}) {
  const {
    playTo = 12,
    pauseMs = 3000,
    resumeFor = 3,
    seekTo = 40,
    replayFor = 4,
    timeoutMs = 120_000,
  } = options;
  await waitForDemo(page);
  await play(page);
  await waitForPosition(page, playTo, timeoutMs);
  await pause(page);
  await sleep(pauseMs);
  const resumedAt = await play(page);
  await waitForPosition(page, resumedAt + resumeFor, timeoutMs);
  await seek(page, seekTo);
  await page.waitForFunction(() => document.querySelector('video')?.ended === true, {
    timeout: timeoutMs,
    polling: 200,
  });
  await play(page);
  await waitForPosition(page, replayFor, timeoutMs);
  await pause(page);
}

/**
 * @param {Page} page
 * @returns {Promise<number>} the position playback started from
 */
export function play(page) {
  return page.evaluate(async () => {
    const video = /** @type {HTMLVideoElement} */ (document.querySelector('video'));
    await video.play();
    return video.currentTime;
  });
}

/** @param {Page} page */
export async function pause(page) {
  await page.evaluate(() => document.querySelector('video')?.pause());
}

/**
 * @param {Page} page
 * @param {number} position seconds
 */
export async function seek(page, position) {
  await page.evaluate(
    (to) =>
      new Promise((done) => {
        const video = /** @type {HTMLVideoElement} */ (document.querySelector('video'));
        video.addEventListener('seeked', () => done(undefined), { once: true });
        video.currentTime = to;
      }),
    position,
  );
}

/**
 * @param {Page} page
 * @param {number} position seconds
 * @param {number} timeoutMs
 */
export async function waitForPosition(page, position, timeoutMs) {
  await page.waitForFunction(
    (to) => {
      const video = document.querySelector('video');
      return !!video && (video.currentTime >= to || video.ended);
    },
    { timeout: timeoutMs, polling: 200 },
    position,
  );
}

/** @param {number} ms */
export function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

/**
 * Change media: plays the first entry to `playTo` s, then sets each of `entries` in turn while playing
 * (window.demoChangeMedia on kaltura.html) and plays it to `playTo` s; pauses at the end.
 * @param {Page} page
 * @param {{ entries: string[], playTo?: number, timeoutMs?: number }} options
 */
export async function runChangeMedia(page, { entries, playTo = 16, timeoutMs = 120_000 }) {
  await waitForDemo(page);
  await play(page);
  await waitForPosition(page, playTo, timeoutMs);
  for (const entry of entries) {
    await page.evaluate((id) => /** @type {any} */ (window).demoChangeMedia(id), entry);
    await play(page);
    await waitForPosition(page, playTo, timeoutMs);
  }
  await pause(page);
}

/**
 * Seeks while paused: plays to `playTo` s, then for each pause: pause, seek to `seekTo` after
 * `seekAfterMs`, stay paused `pauseMs` in all, resume and play `resumeFor` s; pauses at the end.
 * @param {Page} page
 * @param {{ pauses: { seekAfterMs: number, seekTo: number, pauseMs: number }[], playTo?: number,
 *   resumeFor?: number, timeoutMs?: number }} options
 */
export async function runPausedSeeks(page, { pauses, playTo = 5, resumeFor = 12, timeoutMs = 120_000 }) {
  await waitForDemo(page);
  await play(page);
  await waitForPosition(page, playTo, timeoutMs);
  for (const { seekAfterMs, seekTo, pauseMs } of pauses) {
    await pause(page);
    await sleep(seekAfterMs);
    await seek(page, seekTo);
    await sleep(pauseMs - seekAfterMs);
    const resumedAt = await play(page);
    await waitForPosition(page, resumedAt + resumeFor, timeoutMs);
  }
  await pause(page);
}
