import type { Browser } from 'puppeteer';
import type { Config } from '../../core/config/config.js';
import { type AttachedInspector, attachInspector } from '../api/attach-inspector.js';
import { launchChromium } from '../browser/launch.js';
import type { Progress } from './progress.js';
import { AuditAbort, runScenario } from './run-scenario.js';
import { defaultScenario, type Scenario } from './scenario.js';

export interface AuditOptions {
  scenario?: Scenario;
  config?: Config;
  /** Seconds for the page to load and show its player, and for waits without a timeout (default 30). */
  timeout?: number;
  headful?: boolean;
  /** Unpacked extension folder to load too (the built `dist/`), for a manual look. */
  extension?: string;
  progress?: Progress;
  /** Called with each page's inspector as soon as it captures (for live counts). */
  onAttach?(inspector: AttachedInspector): void;
  /** Aborting closes the browser and ends the audit (SIGINT, SIGTERM, SIGHUP). */
  signal?: AbortSignal;
}

export interface AuditResult {
  url: string;
  /** 0: no error finding; 1: error findings; 2: the audit could not run (`reason` says why). */
  exitCode: 0 | 1 | 2;
  reason?: string;
  /** The capture and its findings; absent when the page never loaded. */
  inspector?: AttachedInspector;
  /** Things worth telling that are not findings ("the video had not ended after 90 s"). */
  notes: string[];
}

/** Audits each URL in its own tab of one fresh Chromium, which is always closed at the end. */
export async function runAudits(urls: readonly string[], options: AuditOptions = {}): Promise<AuditResult[]> {
  const launched = await launchChromium({
    headless: !options.headful,
    args: ['--autoplay-policy=no-user-gesture-required'],
    // A caller with an abort signal handles Ctrl-C and the other signals itself: it aborts, and the
    // browser is closed and its profile deleted below.
    handleSignals: options.signal === undefined,
    ...(options.extension ? { extensions: [options.extension] } : {}),
  });
  const onAbort = () => void launched.close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const results: AuditResult[] = [];
    for (const url of urls) {
      options.signal?.throwIfAborted();
      results.push(await auditPage(launched.browser, url, options));
    }
    return results;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await launched.close();
  }
}

async function auditPage(browser: Browser, url: string, options: AuditOptions): Promise<AuditResult> {
  const timeout = (options.timeout ?? 30) * 1000;
  const deadline = Date.now() + timeout;
  const notes: string[] = [];
  const progress = options.progress;
  progress?.start(url);
  const page = await browser.newPage();
  // Nobody is there to answer an alert(): it would block the page for the rest of the audit. A
  // "leave this page?" prompt is answered yes: the audit ends by leaving the page.
  page.on('dialog', (dialog) => {
    const answer = dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss();
    void answer.catch(() => undefined);
  });
  const inspector = await attachInspector(page, options.config ? { config: options.config } : {});
  options.onAttach?.(inspector);
  const fail = (reason: string): AuditResult => ({ url, exitCode: 2, reason, notes });
  try {
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout });
      if (response && !response.ok()) return fail(`${url} answered HTTP ${response.status()}`);
    } catch (error) {
      options.signal?.throwIfAborted();
      return fail(loadFailure(url, error, timeout));
    }
    await runScenario(page, inspector, options.scenario ?? defaultScenario, {
      timeout,
      playerTimeout: Math.max(1000, deadline - Date.now()),
      onStep: (i, total, text) => progress?.step(i, total, text),
      onNote: (text) => {
        notes.push(text);
        progress?.log(`  note: ${text}`);
      },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    // Beacons the last step triggers (a "Play reached 100%" sent on `ended`) may still be on their way,
    // and leaving the page sends those of pagehide / beforeunload / visibilitychange (a JW abandon).
    await inspector.endPage();
    const errors = inspector.findings().filter((f) => f.severity === 'error').length;
    return { url, exitCode: errors ? 1 : 0, inspector, notes };
  } catch (error) {
    options.signal?.throwIfAborted();
    if (!(error instanceof AuditAbort)) throw error;
    return { ...fail(error.message), inspector };
  } finally {
    progress?.stop();
    await inspector.detach().catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}

/** One line: why the page did not load. */
function loadFailure(url: string, error: unknown, timeout: number): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `${url} did not load within ${Math.round(timeout / 1000)} s`;
  }
  const net = /net::ERR_[A-Z_]+/.exec(message)?.[0];
  if (net === 'net::ERR_NAME_NOT_RESOLVED') return `${url} does not resolve (${net})`;
  return `could not load ${url}: ${net ?? message.split('\n')[0]}`;
}
