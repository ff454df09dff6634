import type { Page } from 'puppeteer';
import type { Beacon } from '../../core/beacon.js';
import type { CapturedRequest } from '../../core/capture/captured-request.js';
import type { Config } from '../../core/config/config.js';
import { Inspector, type Summary } from '../../core/inspector.js';
import type { ProtocolModule } from '../../core/protocols/protocol.js';
import {
  type RenderReportOptions,
  type ReportFormat,
  type ReportSource,
  renderReport,
} from '../../core/report/index.js';
import type { Finding } from '../../core/rules/rule.js';
import type { Session } from '../../core/session/session.js';
import type { TruthRecord } from '../../core/truth/record.js';
import { type CdpCapture, captureRequests } from '../capture/cdp-capture.js';
import { type MediaTruthRecorder, recordMediaTruth } from '../capture/media-truth.js';
import { describeMatch, type EventMatch, matchesEvent } from './event-match.js';

export type { EventMatch } from './event-match.js';

export interface AttachOptions {
  /** The same config as `player-inspector.config.json` (severities, expectations). */
  config?: Config;
  /** Protocols to recognise (default: all). */
  protocols?: readonly ProtocolModule[];
  /**
   * Milliseconds a beacon may wait for its response before it is validated without one (default 2000).
   * Beacons are validated in send order, so one slow beacon holds back those sent after it.
   */
  gracePeriod?: number;
  /**
   * Record what the page's `<video>` elements really do and reconcile the beacons with it (the
   * `truth/…` rules). Default true.
   */
  truth?: boolean;
}

export interface WaitOptions {
  /** Milliseconds (default 30 000). */
  timeout?: number;
  /** Only beacons from this index on count (default 0: also those already captured). */
  since?: number;
  /** How many matching beacons to wait for (default 1). */
  count?: number;
  /** Stops waiting (rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** Also a `ReportSource`: every report renderer of the core accepts it. */
export interface AttachedInspector extends ReportSource {
  /** The core pipeline, for anything this wrapper does not expose. */
  readonly inspector: Inspector;
  beacons(): readonly Beacon[];
  sessions(): Session[];
  /** Rule findings plus those added with `addFinding` (scenario expectations). */
  findings(): Finding[];
  summary(findings?: readonly Finding[]): Summary;
  /** A report of what was captured so far: `text`, `json`, `junit` or `html` (secrets redacted). */
  report(format: ReportFormat, options?: RenderReportOptions): string;
  /** What the page's videos really did (undefined with `truth: false`). */
  truth(): TruthRecord | undefined;
  /** Every request the page sent, beacons or not (for a HAR export). */
  requests(): CapturedRequest[];
  /** Resolves with the matching beacon; rejects after the timeout, naming what did arrive. */
  waitForEvent(match: EventMatch, options?: WaitOptions): Promise<Beacon>;
  /** Called for every beacon as it is validated; returns an unsubscribe function. */
  onBeacon(listener: (beacon: Beacon) => void): () => void;
  /** Records a finding that no rule raised (an audit's unmet expectation). */
  addFinding(finding: Finding): void;
  /** Validates the beacons still waiting for their response now, as they are. */
  flush(): void;
  /** Throws an Error listing every error finding, if there is any. */
  expectNoErrors(): void;
  /** Stops capturing; beacons still waiting are validated. */
  detach(): Promise<void>;
  /**
   * Ends the capture with the page, as a viewer leaving it does: navigates it to `about:blank`, which
   * runs its `beforeunload`, `visibilitychange` and `pagehide` handlers, captures the beacons they send
   * (`sendBeacon`, `fetch(keepalive)`: a JW `gab`, a Mux `viewend`; the DevTools protocol reports them
   * only to request interception, switched on for this), waits for the network to go quiet (at most
   * `timeout` ms, default 5000), then detaches. The page stays open, on `about:blank`.
   */
  endPage(options?: { timeout?: number }): Promise<void>;
}

/** How long the network must stay quiet after the page is left before the capture ends. */
const QUIET_MS = 1000;

/**
 * Captures a puppeteer page's analytics beacons and validates them as they arrive.
 *
 * ```ts
 * const inspector = await attachInspector(page, { config });
 * await page.goto(url);
 * await inspector.waitForEvent({ protocol: 'kava', name: 'Play' });
 * inspector.expectNoErrors();
 * ```
 */
export async function attachInspector(page: Page, options: AttachOptions = {}): Promise<AttachedInspector> {
  const inspector = new Inspector({
    ...(options.config ? { config: options.config } : {}),
    ...(options.protocols ? { protocols: options.protocols } : {}),
  });
  const grace = options.gracePeriod ?? 2000;
  const extraFindings: Finding[] = [];
  const listeners = new Set<(beacon: Beacon) => void>();
  /** Recognised requests not validated yet, in send order, with whether they may go now. */
  const queue: { request: CapturedRequest; ready: boolean; timer?: NodeJS.Timeout }[] = [];

  const drain = (all = false) => {
    while (queue.length && (all || queue[0]?.ready)) {
      const item = queue.shift();
      if (!item) break;
      clearTimeout(item.timer);
      const beacon = inspector.add(item.request);
      if (beacon) for (const listener of listeners) listener(beacon);
    }
  };

  const capture: CdpCapture = await captureRequests(page, {
    onRequest(request) {
      // A body the capture is still fetching may be what makes a POST a beacon: decide when complete.
      const bodyPending = request.body === undefined && request.method === 'POST';
      if (!bodyPending && !inspector.recognise(request)) return;
      const item: (typeof queue)[number] = { request, ready: false };
      item.timer = setTimeout(() => {
        item.ready = true;
        drain();
      }, grace);
      queue.push(item);
    },
    onComplete(request) {
      const item = queue.find((q) => q.request === request);
      if (!item) return;
      item.ready = true;
      drain();
    },
  });

  const recorder: MediaTruthRecorder | undefined =
    options.truth === false
      ? undefined
      : await recordMediaTruth(page, { onEvent: () => inspector.setTruth(recorder?.record()) });
  inspector.setTruth(recorder?.record());

  const findings = () => [...inspector.findings(), ...extraFindings];

  const attached: AttachedInspector = {
    inspector,
    protocols: inspector.protocols,
    rulesFor: (protocolId) => inspector.rulesFor(protocolId),
    beacons: () => inspector.beacons(),
    sessions: () => inspector.sessions(),
    findings,
    summary: (list = findings()) => inspector.summary(list),
    report: (format, reportOptions) => renderReport(format, attached, reportOptions),
    truth: () => inspector.truth(),
    requests: () => capture.requests(),
    onBeacon(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    addFinding(finding) {
      extraFindings.push(finding);
    },
    flush: () => drain(true),
    waitForEvent(match, { timeout = 30_000, since = 0, count = 1, signal } = {}) {
      // Each beacon is matched once: matching a parameter decodes an old beacon again.
      const found: Beacon[] = [];
      let next = Math.max(0, since);
      const nth = () => {
        const all = inspector.beacons();
        for (; next < all.length; next++)
          if (matchesEvent(all[next] as Beacon, match)) found.push(all[next] as Beacon);
        return found[count - 1];
      };
      const already = nth();
      if (already) return Promise.resolve(already);
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<Beacon>((resolve, reject) => {
        const stop = () => {
          listeners.delete(onBeacon);
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        };
        const onAbort = () => {
          stop();
          reject(signal?.reason);
        };
        const onBeacon = () => {
          const beacon = nth();
          if (!beacon) return;
          stop();
          resolve(beacon);
        };
        const timer = setTimeout(() => {
          stop();
          const seen = inspector.beacons().filter((b) => b.index >= since);
          reject(
            new Error(`Timed out after ${timeout} ms waiting for ${describeMatch(match)}; ${seenText(seen)}`),
          );
        }, timeout);
        listeners.add(onBeacon);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    expectNoErrors() {
      drain(true);
      const errors = findings().filter((f) => f.severity === 'error');
      if (!errors.length) return;
      const lines = errors.map((f) => `  ${f.rule}: ${f.message}`);
      throw new Error(`${errors.length} analytics error finding(s):\n${lines.join('\n')}`);
    },
    async detach() {
      await recorder?.stop();
      inspector.setTruth(recorder?.record());
      await capture.stop();
      drain(true);
      listeners.clear();
    },
    async endPage({ timeout = 5000 } = {}) {
      const deadline = Date.now() + timeout;
      await capture.captureLeaving();
      await page.goto('about:blank', { timeout }).catch(() => undefined);
      await quiet(capture, deadline);
      await attached.detach();
    },
  };
  return attached;
}

/** Resolves once no request has been sent or is pending for `QUIET_MS`, or at the deadline. */
async function quiet(capture: CdpCapture, deadline: number): Promise<void> {
  let seen = capture.requests().length;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = capture.requests().length;
    if (now !== seen || capture.pending().length > 0) {
      seen = now;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= QUIET_MS) return;
  }
}

function seenText(beacons: readonly Beacon[]): string {
  if (!beacons.length) return 'no beacon arrived.';
  const names = beacons.slice(-12).map((b) => `${b.protocol} ${b.event.name}`);
  return `arrived: ${beacons.length > 12 ? '…, ' : ''}${names.join(', ')}.`;
}
