// The DevTools panel in real Chromium with 50 000 stored beacons: time to first render, frame times while
// scrolling the list and while 100 beacons/s arrive from the inspected page through the background worker.
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../lib/cli/browser/launch.js';
import { requests } from './beacons.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const STORED = 50_000;
/** Inspected pages are background tabs: without these Chromium throttles their timers to 1 Hz. */
const FOREGROUND_FLAGS = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

const PAGE = `<!doctype html><html lang="en"><title>bench</title><body><script>
window.kava = (url) => new Promise((done) => {
  const x = new XMLHttpRequest();
  x.open('GET', url);
  x.onloadend = () => done(x.status);
  x.send();
});
</script></body></html>`;

/** A local site: the page, and a KAVA endpoint answering like Kaltura's (200, the Unix time). */
async function startSite() {
  let received = 0;
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/page.html')) {
      res.setHeader('content-type', 'text/html');
      res.end(PAGE);
      return;
    }
    received += 1;
    res.end(String(Math.floor(Date.now() / 1000)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    received: () => received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const kavaUrl = (origin, session, index, eventType) =>
  `${origin}/api_v3/index.php?service=analytics&action=trackEvent&apiVersion=3.3.0&format=1` +
  `&eventType=${eventType}&partnerId=2215841&entryId=1_w9zx2eti&sessionId=live-${session}` +
  `&eventIndex=${index}&referrer=https%253A%252F%252F127.0.0.1%252F&deliveryType=url&playbackType=vod` +
  `&clientVer=3.17.95&clientTag=html5%3Av3.17.95&position=0&uiConfId=45145051`;

function serviceWorker(browser) {
  return browser
    .waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
      timeout: 20_000,
    })
    .then(async (t) => ({ target: t, worker: await t.worker() }));
}

/** Writes rows straight into the background's IndexedDB store, as if they had been captured. */
function seed(worker, tabId, rows) {
  return worker.evaluate(
    (tabId, rows) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('player-inspector');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('requests', 'readwrite');
          const store = tx.objectStore('requests');
          for (const request of rows) store.put({ tabId, request });
          tx.oncomplete = () => resolve(rows.length);
          tx.onerror = () => reject(tx.error);
        };
      }),
    tabId,
    rows,
  );
}

async function until(check, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Records requestAnimationFrame intervals in the panel until `stop` is called; returns them (ms). */
const startFrames = (panel) =>
  panel.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stopFrames) requestAnimationFrame(tick);
    };
    window.__stopFrames = false;
    requestAnimationFrame(tick);
  });
const stopFrames = (panel) =>
  panel.evaluate(() => {
    window.__stopFrames = true;
    return window.__frames;
  });

function frameStats(frames) {
  const sorted = [...frames].sort((a, b) => a - b);
  const p = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    frames: frames.length,
    median_ms: round(p(0.5)),
    p95_ms: round(p(0.95)),
    max_ms: round(sorted[sorted.length - 1] ?? 0),
    over_50ms: frames.filter((f) => f > 50).length,
  };
}

const round = (x) => Math.round(x * 10) / 10;

export async function panelBench({ seconds = 5 } = {}) {
  const site = await startSite();
  const launched = await launchChromium({ extensions: [DIST], args: FOREGROUND_FLAGS });
  const { browser } = launched;
  try {
    let { target, worker } = await serviceWorker(browser);
    const extensionId = new URL(target.url()).host;
    const page = await browser.newPage();
    await page.goto(`${site.origin}/page.html`);
    // One real beacon: creates the store and tells which tab id the extension gives the page. Sent again
    // until one is stored: a worker that has just started may not capture the very first.
    const tabId = await until(async () => {
      await page.evaluate((url) => window.kava(url), kavaUrl(site.origin, 0, 1, 1));
      return worker.evaluate(
        () =>
          new Promise((resolve) => {
            const open = indexedDB.open('player-inspector');
            // Only a reader: opening first must not create an empty database the extension then fails
            // to upgrade.
            open.onupgradeneeded = () => open.transaction.abort();
            open.onerror = () => resolve(undefined);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('requests')) {
                db.close();
                resolve(undefined);
                return;
              }
              const all = db.transaction('requests').objectStore('requests').getAll();
              all.onsuccess = () => {
                db.close();
                resolve(all.result[0]?.tabId);
              };
            };
          }),
      );
    }, 'the first stored beacon');

    // 50 000 stored beacons of every protocol (the tab's cap), then a cap above it so live ones are kept.
    const mix = [
      ...requests('kava', STORED * 0.6),
      ...requests('kaltura-stats', STORED * 0.2),
      ...requests('jw', STORED * 0.2 - 1),
    ];
    for (let i = 0; i < mix.length; i += 5000) await seed(worker, tabId, mix.slice(i, i + 5000));
    await worker.evaluate(
      (key) =>
        chrome.storage.session.set({
          [key]: { recording: true, preserveLog: true, dropped: 0, cap: 100_000 },
        }),
      `tab:${tabId}`,
    );
    // A new worker reads the tab's state again (count from the store, the raised cap).
    const gone = new Promise((resolve) => browser.once('targetdestroyed', resolve));
    await worker.close();
    await gone;
    await page.evaluate((url) => window.kava(url), kavaUrl(site.origin, 0, 2, 2));
    ({ worker } = await serviceWorker(browser));

    const panel = await browser.newPage();
    await panel.setViewport({ width: 1280, height: 800 });
    const rowCount = () =>
      panel.evaluate(() => Number(document.querySelector('.list-body')?.getAttribute('aria-rowcount') ?? 0));
    // The first row is timed in the panel itself, from the start of its navigation: polling from here
    // would add a round trip and the poll interval to the figure.
    await panel.evaluateOnNewDocument(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.list-body .row')) return;
        observer.disconnect();
        // The frame that shows the row.
        requestAnimationFrame(() => {
          window.__firstRowAt = performance.now();
        });
      }).observe(document, { childList: true, subtree: true });
    });
    const opened = performance.now();
    await panel.goto(`chrome-extension://${extensionId}/src/extension/panel/panel.html?tabId=${tabId}`);
    const firstRowMs = await until(() => panel.evaluate(() => window.__firstRowAt), 'a row');
    await until(async () => (await rowCount()) >= STORED + 1, 'every stored beacon in the list');
    const allRowsMs = performance.now() - opened;

    // Scrolling: the list moves 15 rows a frame, top to bottom and back, for `seconds`.
    await panel.bringToFront();
    await startFrames(panel);
    await panel.evaluate(
      (ms) =>
        new Promise((resolve) => {
          const list = document.querySelector('.list-body');
          const end = performance.now() + ms;
          // Positions are kept here, not read back: reading layout each frame would force it.
          const max = list.scrollHeight - list.clientHeight;
          let top = 0;
          let step = 300;
          const scroll = (now) => {
            if (top + step > max || top + step < 0) step = -step;
            top += step;
            list.scrollTop = top;
            if (now < end) requestAnimationFrame(scroll);
            else resolve();
          };
          requestAnimationFrame(scroll);
        }),
      seconds * 1000,
    );
    const scrolling = frameStats(await stopFrames(panel));

    // Live: the inspected page sends 10 beacons every 100 ms while the panel shows the list.
    const before = await rowCount();
    await startFrames(panel);
    const sent = await page.evaluate(
      (template, ms) =>
        new Promise((resolve) => {
          let n = 0;
          const pending = [];
          const timer = setInterval(() => {
            for (let i = 0; i < 10; i++) {
              n += 1;
              const url = template
                .replace('{session}', String(1 + Math.floor(n / 100)))
                .replace('{index}', String(1 + (n % 100)));
              pending.push(window.kava(url));
            }
          }, 100);
          setTimeout(() => {
            clearInterval(timer);
            Promise.all(pending).then(() => resolve(n));
          }, ms);
        }),
      kavaUrl(site.origin, '{session}', '{index}', 99),
      seconds * 1000,
    );
    await until(async () => (await rowCount()) >= before + sent, 'every live beacon in the list', 60_000);
    const live = frameStats(await stopFrames(panel));
    return {
      stored: STORED,
      first_row_ms: Math.round(firstRowMs),
      all_rows_ms: Math.round(allRowsMs),
      scrolling,
      live: { ...live, beacons_sent: sent, beacons_shown: (await rowCount()) - before },
    };
  } finally {
    await launched.close();
    await site.close();
  }
}
