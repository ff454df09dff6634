import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page, Target, WebWorker } from 'puppeteer';
import { afterAll, beforeAll } from 'vitest';
import { type LaunchedBrowser, launchChromium } from '../../src/cli/browser/launch.js';
import type { CapturedRequest } from '../../src/core/capture/captured-request.js';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The test command builds first (`npm run build`); a lone run of these tests builds when dist is missing. */
export function ensureBuilt(): void {
  if (existsSync(`${DIST}manifest.json`)) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    stdio: 'ignore',
  });
}

export interface ExtensionBrowser extends LaunchedBrowser {
  extensionId: string;
  /** The background worker's current target (changes after a restart). */
  worker(): Promise<WebWorker>;
  panelUrl(tabId: number, theme?: 'light' | 'dark'): string;
}

export async function launchWithExtension(options: { devtools?: boolean } = {}): Promise<ExtensionBrowser> {
  ensureBuilt();
  const launched = await launchChromium({ extensions: [DIST], devtools: options.devtools ?? false });
  const { browser } = launched;
  const target = await workerTarget(browser);
  const extensionId = new URL(target.url()).host;
  return {
    ...launched,
    extensionId,
    worker: async () => (await (await workerTarget(browser)).worker())!,
    panelUrl: (tabId, theme) =>
      `chrome-extension://${extensionId}/src/extension/panel/panel.html?tabId=${tabId}${theme ? `&theme=${theme}` : ''}`,
  };
}

function workerTarget(browser: Browser): Promise<Target> {
  return browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 20_000 },
  );
}

/** Stops the background worker as the browser does to an idle one, and waits until it is gone. */
export async function stopWorker(ext: ExtensionBrowser): Promise<void> {
  const worker = await ext.worker();
  const gone = new Promise<void>((resolve) => {
    const onDestroyed = (t: Target) => {
      if (t.type() !== 'service_worker') return;
      ext.browser.off('targetdestroyed', onDestroyed);
      resolve();
    };
    ext.browser.on('targetdestroyed', onDestroyed);
  });
  await worker.close();
  await gone;
}

export interface StoredRow {
  tabId: number;
  request: CapturedRequest;
}

/** Reads the background's IndexedDB store from inside the worker: what survives a restart. */
export function storedRows(worker: WebWorker): Promise<StoredRow[]> {
  return worker.evaluate(
    () =>
      new Promise<StoredRow[]>((resolve, reject) => {
        const open = indexedDB.open('player-inspector');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('requests').objectStore('requests').getAll();
          // Closed at once: an open connection would block a test that replaces the database.
          open.result.close();
          all.onsuccess = () => resolve(all.result as StoredRow[]);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Polls until `check` returns a value (not undefined); fails with the last value after the timeout. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    const value = await check().catch((error: unknown) => {
      lastError = ` (last error: ${error instanceof Error ? error.message : String(error)})`;
      return undefined;
    });
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface BeaconSite {
  origin: string;
  received: { method: string; url: string; body: string }[];
  close(): Promise<void>;
}

/**
 * A tiny local site whose page sends beacons on demand the three ways players do: XHR GET (KAVA), an
 * image pixel, and navigator.sendBeacon POST with a form body. The analytics endpoints answer like the
 * real ones (KAVA: 200 with the Unix time; JW: 204).
 */
export async function startBeaconSite(): Promise<BeaconSite> {
  const received: BeaconSite['received'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const url = req.url ?? '/';
      if (url.startsWith('/page.html')) {
        res.setHeader('content-type', 'text/html');
        res.end(PAGE);
        return;
      }
      received.push({ method: req.method ?? 'GET', url, body });
      if (url.startsWith('/api_v3/')) res.end(String(Math.floor(Date.now() / 1000)));
      else if (url.startsWith('/fail')) {
        res.statusCode = 500;
        res.end();
      } else {
        res.statusCode = 204;
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const PAGE = `<!doctype html><html lang="en"><title>beacons</title><body><p>beacon test page</p><script>
window.xhrGet = (url) => new Promise((done) => {
  const x = new XMLHttpRequest();
  x.open('GET', url);
  x.onloadend = () => done(x.status);
  x.send();
});
window.pixel = (url) => new Promise((done) => {
  const img = new Image();
  img.onload = img.onerror = () => done(true);
  img.src = url;
});
window.beacon = (url, body) => navigator.sendBeacon(url, body);
</script></body></html>`;

export interface ExtensionTestBed {
  ext: ExtensionBrowser;
  site: BeaconSite;
  /** A tab on the beacon site's page. */
  page: Page;
}

/**
 * For a whole test file: the beacon site, a fresh Chromium with the built extension and a tab on the
 * site, closed after the file. Its fields are set once the file's tests run.
 */
export function extensionOnBeaconSite(): ExtensionTestBed {
  const bed = {} as ExtensionTestBed;
  beforeAll(async () => {
    bed.site = await startBeaconSite();
    bed.ext = await launchWithExtension();
    bed.page = await bed.ext.browser.newPage();
    await bed.page.goto(`${bed.site.origin}/page.html`);
  });
  afterAll(async () => {
    await bed.ext?.close();
    await bed.site?.close();
  });
  return bed;
}

/** KAVA query string for one event of a session, close to what Kaltura's player sends. */
export function kavaQuery(eventType: number, eventIndex: number, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    service: 'analytics',
    action: 'trackEvent',
    apiVersion: '3.3.0',
    format: '1',
    eventType: String(eventType),
    partnerId: '2504201',
    entryId: '0_n5nbuy6i',
    sessionId: '9b3c6f2e-1d2a-4c4b-8a8e-0c1f2d3e4f50:7a1b2c3d-4e5f-4a6b-9c8d-1e2f3a4b5c6d',
    eventIndex: String(eventIndex),
    referrer: 'http%3A%2F%2F127.0.0.1%2Fpage.html',
    deliveryType: 'url',
    playbackType: 'vod',
    clientVer: '3.17.95',
    clientTag: 'html5:v3.17.95',
    position: '0',
    uiConfId: '44000001',
    ks: 'djJ8MjUwNDIwMXxTECRET',
    ...extra,
  });
  return params.toString();
}

/** The tab id the extension saw for a page: from the stored rows of requests to the page's origin. */
export async function tabIdOf(ext: ExtensionBrowser, origin: string): Promise<number> {
  return eventually(async () => {
    const rows = await storedRows(await ext.worker());
    return rows.find((r) => r.request.url.startsWith(origin))?.tabId;
  }, 'a stored beacon of the page');
}

/** Text of the panel's beacon rows, one string per row. */
export function panelRows(panel: Page | Frame): Promise<string[]> {
  return panel.$$eval('.list-body .row', (rows) =>
    rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim()).join(' | ')),
  );
}

/** Waits until the panel lists exactly `count` rows (`what` names them in the timeout message); returns them. */
export function waitForPanelRows(panel: Page | Frame, count: number, what: string): Promise<string[]> {
  return eventually(async () => {
    const rows = await panelRows(panel);
    return rows.length === count ? rows : undefined;
  }, what);
}

/**
 * Opens the extension's panel in the real DevTools window of `page` (launched with `devtools: true`):
 * finds the DevTools front-end that inspects the page, asks its InspectorView to show our panel, and
 * returns the panel's frame.
 */
export async function openDevToolsPanel(ext: ExtensionBrowser, page: Page): Promise<Frame> {
  const pageUrl = page.url();
  const front = await eventually(async () => {
    for (const target of ext.browser.targets()) {
      if (!target.url().startsWith('devtools://devtools/bundled/devtools_app.html')) continue;
      const devtools = await target.asPage();
      // Evaluated as text: DevTools' own modules are imported inside its page.
      const inspected = await devtools.evaluate(`(async () => {
        const SDK = await import('./core/sdk/sdk.js');
        return SDK.TargetManager.TargetManager.instance().primaryPageTarget()?.inspectedURL() ?? '';
      })()`);
      if (inspected === pageUrl) return devtools;
    }
    return undefined;
  }, 'the DevTools window of the page');
  const prefix = `chrome-extension://${ext.extensionId}`;
  await eventually(
    () =>
      front.evaluate(`(async () => {
        const UI = await import('./ui/legacy/legacy.js');
        const view = UI.InspectorView.InspectorView.instance();
        const id = view.tabbedPane.tabs.map((t) => t.id).find((i) => i.startsWith(${JSON.stringify(prefix)}));
        if (!id) return undefined;
        await view.showPanel(id);
        return true;
      })()`) as Promise<true | undefined>,
    'the Player Inspector panel in DevTools',
  );
  return front.waitForFrame((f) => f.url().startsWith(`${prefix}/src/extension/panel/panel.html`), {
    timeout: 15_000,
  });
}
