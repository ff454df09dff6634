// @ts-check
/**
 * Records the test fixtures: plays each demo page and each broken variant in headless Chromium through
 * the viewing scenario (load, play, pause 3 s, resume, seek, play to the end, replay a few seconds),
 * captures the requests over the DevTools protocol and writes HAR 1.2 files to test/fixtures/. Only the
 * page document and the analytics requests are kept, so the files stay small.
 *
 *   npm run record-fixtures [-- --only kaltura,stats-quartile-order] [--out dir]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer';
import { runScenario } from '../demo/scenario.mjs';
import { startDemoServer } from '../demo/server.mjs';
import { variants } from '../demo/variants.mjs';

/**
 * @typedef {import('puppeteer').CDPSession} CDPSession
 * @typedef {import('puppeteer').Protocol.Network.RequestWillBeSentEvent} WillBeSent
 * @typedef {import('puppeteer').Protocol.Network.Response} CdpResponse
 * @typedef {{ id: string, sent?: WillBeSent, extraHeaders?: Record<string, string>, response?: CdpResponse,
 *   responseAt?: number, endAt?: number, error?: string, postData?: string, responseText?: string,
 *   responseSize?: number }} Tracked
 * @typedef {{ name: string, path: string, scenario?: import('../demo/scenario.mjs').ScenarioOptions }} Job
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (/** @type {string} */ name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const outDir = resolve(option('--out') ?? join(root, 'test/fixtures'));
const only = option('--only')?.split(',');

// The same quiet flags as src/cli/browser/launch.ts (this script runs without a build step).
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/** @type {Job[]} */
const jobs = [
  { name: 'kaltura', path: 'kaltura.html' },
  // A pause over 30 s: the real player resets its KAVA session on Resume.
  { name: 'kaltura-long-pause', path: 'kaltura.html', scenario: { pauseMs: 32_000, seekTo: 50 } },
  { name: 'stats', path: 'stats.html' },
  { name: 'jw', path: 'jw.html' },
  ...variants.map((v) => ({ name: `${v.page}-${v.bug}`, path: `${v.page}.html?bug=${v.bug}` })),
].filter((job) => !only || only.includes(job.name));

/** Requests worth keeping: the page itself and what reports analytics. */
const isAnalytics = (/** @type {string} */ url) =>
  /\/api_v3\/(index\.php|service\/)|\/v1\/[^/]+\/ping\.gif/.test(url);

await mkdir(outDir, { recursive: true });
const server = await startDemoServer();
const browser = await puppeteer.launch({ headless: true, args: chromiumFlags });
const browserVersion = (await browser.version()).replace(/^\D+\//, '');
try {
  for (const job of jobs) {
    const started = Date.now();
    const entries = await record(`${server.url}${job.path}`, job.scenario);
    const file = join(outDir, `${job.name}.har`);
    await writeFile(file, harText(entries));
    const beacons = entries.filter((e) => isAnalytics(e.request.url)).length;
    console.log(
      `${job.name}: ${beacons} beacons in ${((Date.now() - started) / 1000).toFixed(0)} s -> ${file}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * Plays one page through the scenario in a fresh browser context and returns its HAR entries.
 * @param {string} url
 * @param {import('../demo/scenario.mjs').ScenarioOptions | undefined} scenario
 */
async function record(url, scenario) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  const capture = captureNetwork(cdp);
  await cdp.send('Network.enable');
  try {
    await page.goto(url, { waitUntil: 'load' });
    await runScenario(page, scenario);
    // Let the last beacons (the pause after the replay) reach the server.
    await new Promise((done) => setTimeout(done, 1500));
    return await capture.entries(
      (t) => t.sent?.type === 'Document' || isAnalytics(t.sent?.request.url ?? ''),
    );
  } finally {
    await context.close();
  }
}

/**
 * Joins the DevTools network events of one page by request id. The ExtraInfo event (the headers really
 * sent) may arrive before or after requestWillBeSent, so either may create the record.
 * @param {CDPSession} cdp
 */
function captureNetwork(cdp) {
  /** @type {Map<string, Tracked>} */
  const tracked = new Map();
  /** @type {Promise<unknown>[]} */
  const fetches = [];
  const get = (/** @type {string} */ id) => {
    let t = tracked.get(id);
    if (!t) {
      t = { id };
      tracked.set(id, t);
    }
    return t;
  };
  /** @type {Tracked[]} */
  const redirected = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    // A redirect reuses the request id: the hop so far becomes an entry of its own.
    const previous = tracked.get(e.requestId);
    if (e.redirectResponse && previous?.sent) {
      redirected.push({
        ...previous,
        response: e.redirectResponse,
        responseAt: e.timestamp,
        endAt: e.timestamp,
      });
      tracked.delete(e.requestId);
    }
    const t = get(e.requestId);
    t.sent = e;
    if (e.request.postData !== undefined) t.postData = e.request.postData;
    else if (e.request.hasPostData) {
      fetches.push(
        cdp
          .send('Network.getRequestPostData', { requestId: e.requestId })
          .then((r) => {
            t.postData = r.postData;
          })
          .catch(() => undefined),
      );
    }
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
    get(e.requestId).extraHeaders = e.headers;
  });
  cdp.on('Network.responseReceived', (e) => {
    const t = get(e.requestId);
    t.response = e.response;
    t.responseAt = e.timestamp;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const t = get(e.requestId);
    t.endAt = e.timestamp;
    t.responseSize = e.encodedDataLength;
    // KAVA's answer (the server's Unix time) is part of the protocol: keep small text bodies.
    if (isAnalytics(t.sent?.request.url ?? '') && t.response?.mimeType.startsWith('text/')) {
      fetches.push(
        cdp
          .send('Network.getResponseBody', { requestId: e.requestId })
          .then((r) => {
            if (!r.base64Encoded) t.responseText = r.body;
          })
          .catch(() => undefined),
      );
    }
  });
  cdp.on('Network.loadingFailed', (e) => {
    const t = get(e.requestId);
    t.endAt = e.timestamp;
    t.error = e.blockedReason ? `${e.errorText} (${e.blockedReason})` : e.errorText;
  });
  return {
    /** @param {(t: Tracked) => boolean} keep */
    async entries(keep) {
      await Promise.all(fetches);
      return [...redirected, ...tracked.values()]
        .filter((t) => t.sent && keep(t))
        .sort((a, b) => (a.sent?.timestamp ?? 0) - (b.sent?.timestamp ?? 0))
        .map(harEntry);
    },
  };
}

/**
 * @param {Record<string, string> | undefined} headers
 * @returns {{ name: string, value: string }[]}
 */
function headerList(headers) {
  return Object.entries(headers ?? {}).flatMap(([name, value]) =>
    String(value)
      .split('\n')
      .map((v) => ({ name, value: v })),
  );
}

/** Secrets never go into a committed file: a `ks` (Kaltura session) value is replaced. */
function redact(/** @type {string} */ text) {
  return text.replace(/((?:^|[?&])ks=)[^&]*/g, '$1REDACTED');
}

/**
 * One HAR 1.2 entry from a joined request.
 * @param {Tracked} t
 */
function harEntry(t) {
  const sent = /** @type {WillBeSent} */ (t.sent);
  const url = redact(sent.request.url);
  const wait = t.responseAt !== undefined ? Math.max(0, (t.responseAt - sent.timestamp) * 1000) : 0;
  const receive =
    t.endAt !== undefined && t.responseAt !== undefined ? Math.max(0, (t.endAt - t.responseAt) * 1000) : 0;
  const total = t.endAt !== undefined ? Math.max(0, (t.endAt - sent.timestamp) * 1000) : wait + receive;
  const requestHeaders = headerList(t.extraHeaders ?? sent.request.headers);
  const contentType = requestHeaders.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
  const status = t.error ? 0 : (t.response?.status ?? 0);
  /** @type {Record<string, unknown>} */
  const entry = {
    startedDateTime: new Date(sent.wallTime * 1000).toISOString(),
    time: round(total),
    request: {
      method: sent.request.method,
      url,
      httpVersion: t.response?.protocol?.toUpperCase() ?? 'HTTP/1.1',
      cookies: [],
      headers: requestHeaders,
      queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
      headersSize: -1,
      bodySize: t.postData !== undefined ? Buffer.byteLength(t.postData) : 0,
      ...(sent.request.method === 'POST'
        ? { postData: { mimeType: contentType, text: redact(t.postData ?? '') } }
        : {}),
    },
    response: {
      status,
      statusText: t.response?.statusText ?? '',
      httpVersion: t.response?.protocol?.toUpperCase() ?? 'HTTP/1.1',
      cookies: [],
      headers: headerList(t.response?.headers),
      content: {
        size: t.responseText?.length ?? t.responseSize ?? 0,
        mimeType: t.response?.mimeType ?? '',
        ...(t.responseText !== undefined ? { text: t.responseText } : {}),
      },
      redirectURL: t.response?.headers.location ?? t.response?.headers.Location ?? '',
      headersSize: -1,
      bodySize: t.responseSize ?? -1,
      ...(t.error ? { _error: t.error } : {}),
    },
    cache: {},
    timings: {
      blocked: -1,
      dns: -1,
      connect: -1,
      ssl: -1,
      send: 0,
      wait: round(wait),
      receive: round(receive),
    },
    _resourceType: (sent.type ?? 'Other').toLowerCase(),
  };
  return entry;
}

/** @param {number} ms */
function round(ms) {
  return Math.round(ms * 1000) / 1000;
}

/**
 * The HAR file's text: one entry per line, so the fixtures stay small and their diffs readable.
 * @param {Record<string, unknown>[]} entries
 */
function harText(entries) {
  const head = {
    version: '1.2',
    creator: { name: 'player-inspector record-fixtures', version: '1' },
    browser: { name: 'Chromium', version: browserVersion },
    pages: [],
  };
  const lines = entries.map((e) => JSON.stringify(e)).join(',\n');
  return `{"log":${JSON.stringify(head).slice(0, -1)},"entries":[\n${lines}\n]}}\n`;
}
