import type { Browser, CDPSession, Page, Protocol } from 'puppeteer';
import type { CapturedRequest, Header, InitiatorType } from '../../core/capture/captured-request.js';

/**
 * Captures a puppeteer page's outgoing requests over the DevTools protocol, as `CapturedRequest`s: the
 * same model the extension and HAR files produce. Independent of the Inspector, so a HAR recorder can use
 * it too. Follows the page across navigations, its out-of-process iframes and workers (auto-attach), and
 * the popups it opens.
 */
export interface CdpCaptureOptions {
  /** Called when a request is sent (its status is not known yet). */
  onRequest?(request: CapturedRequest): void;
  /** Called once a request is complete: finished, failed or redirected. */
  onComplete?(request: CapturedRequest): void;
  /** Also fetch the response body of completed requests that pass this test (text responses only). */
  responseBody?(request: CapturedRequest): boolean;
  /** Capture popups opened by the page (default true). */
  popups?: boolean;
}

export interface CdpCapture {
  /** Every request seen so far, in send order. */
  requests(): CapturedRequest[];
  /** Requests still waiting for their response. */
  pending(): CapturedRequest[];
  /** Resolves when every body fetch in flight is done (so `requests()` is final). */
  idle(): Promise<void>;
  /**
   * From now on also captures the page's requests through the Fetch domain: those its unload
   * handlers send (`sendBeacon`, `fetch(keepalive)` on pagehide) reach the network without any
   * Network event, but they do pass the page's request interception. Call it just before leaving.
   */
  captureLeaving(): Promise<void>;
  stop(): Promise<void>;
}

interface Entry {
  request: CapturedRequest;
  cdpId: string;
  /** Monotonic CDP timestamp (seconds) when sent, for the duration. */
  sentAt: number;
  session: CDPSession;
  hasExtraInfo: boolean;
  done: boolean;
  /** Seen by the Fetch domain only (sent while the page unloaded). */
  leaving?: boolean;
  /** A POST body still being fetched: completion waits for it. */
  bodyFetch?: Promise<unknown>;
}

const RESOURCE_TYPES: Record<string, InitiatorType> = {
  Document: 'document',
  XHR: 'xhr',
  Fetch: 'fetch',
  Ping: 'beacon',
  Image: 'image',
  Script: 'script',
};

export async function captureRequests(page: Page, options: CdpCaptureOptions = {}): Promise<CdpCapture> {
  const all: CapturedRequest[] = [];
  /** Latest entry per (session, CDP request id); a redirect replaces it with a new entry. */
  const entries = new Map<string, Entry>();
  /** Extra-info headers that arrived before their requestWillBeSent. */
  const earlyExtraInfo = new Map<string, Header[]>();
  const redirects = new Map<string, number>();
  const inFlight = new Set<Promise<unknown>>();
  const detachers: (() => void)[] = [];
  let stopped = false;
  let nextSession = 0;

  const track = (work: Promise<unknown>) => {
    const p = work.catch(() => undefined).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  const complete = (entry: Entry) => {
    if (entry.done) return;
    entry.done = true;
    const fetchResponse = entry.request.status && options.responseBody?.(entry.request);
    if (!fetchResponse) {
      options.onComplete?.(entry.request);
      return;
    }
    track(
      entry.session
        .send('Network.getResponseBody', { requestId: entry.cdpId })
        .then((r) => {
          if (!r.base64Encoded) entry.request.responseText = r.body;
        })
        .finally(() => options.onComplete?.(entry.request)),
    );
  };

  /** A body fetch still in flight must land before the request is reported complete. */
  const finish = (entry: Entry) => {
    if (entry.bodyFetch) void entry.bodyFetch.catch(() => undefined).then(() => complete(entry));
    else complete(entry);
  };

  /** Starts capturing on one CDP session (the page, a popup, an iframe or a worker). */
  const watch = (session: CDPSession, tabId: string) => {
    const prefix = `s${nextSession++}:`;
    const key = (requestId: string) => prefix + requestId;

    const onSent = (e: Protocol.Network.RequestWillBeSentEvent) => {
      const k = key(e.requestId);
      const previous = entries.get(k);
      if (previous?.leaving && !e.redirectResponse) return;
      if (previous && e.redirectResponse) {
        previous.request.status = e.redirectResponse.status;
        previous.request.duration = (e.timestamp - previous.sentAt) * 1000;
        finish(previous);
      }
      const hop = previous ? (redirects.get(k) ?? 0) + 1 : 0;
      if (hop) redirects.set(k, hop);
      const request: CapturedRequest = {
        id: hop ? `${k}#${hop}` : k,
        method: e.request.method,
        url: e.request.url + (e.request.urlFragment ?? ''),
        requestHeaders: toHeaders(e.request.headers),
        startTime: Math.round(e.wallTime * 1000),
        tabId,
        initiatorType: RESOURCE_TYPES[e.type ?? ''] ?? 'other',
      };
      const entry: Entry = {
        request,
        cdpId: e.requestId,
        sentAt: e.timestamp,
        session,
        hasExtraInfo: false,
        done: false,
      };
      const early = earlyExtraInfo.get(k);
      if (early) {
        request.requestHeaders = early;
        entry.hasExtraInfo = true;
        earlyExtraInfo.delete(k);
      }
      entries.set(k, entry);
      all.push(request);
      const mime = headerValue(request.requestHeaders, 'content-type');
      const withMime = mime ? { mimeType: mime } : {};
      if (e.request.postData !== undefined) {
        request.body = { kind: 'text', text: e.request.postData, ...withMime };
      } else if (e.request.hasPostData) {
        // Large and sendBeacon bodies are not inlined in the event: ask for them.
        entry.bodyFetch = session.send('Network.getRequestPostData', { requestId: e.requestId }).then((r) => {
          request.body = r.base64Encoded
            ? { kind: 'binary', base64: r.postData, ...withMime }
            : { kind: 'text', text: r.postData, ...withMime };
        });
        track(entry.bodyFetch);
      }
      options.onRequest?.(request);
    };

    const onExtraInfo = (e: Protocol.Network.RequestWillBeSentExtraInfoEvent) => {
      const k = key(e.requestId);
      const entry = entries.get(k);
      // The extra info belongs to the latest hop that has none yet; otherwise it came first.
      if (entry && !entry.hasExtraInfo) {
        entry.request.requestHeaders = toHeaders(e.headers);
        entry.hasExtraInfo = true;
      } else {
        earlyExtraInfo.set(k, toHeaders(e.headers));
      }
    };

    const onResponse = (e: Protocol.Network.ResponseReceivedEvent) => {
      const entry = entries.get(key(e.requestId));
      if (entry) entry.request.status = e.response.status;
    };

    const onFinished = (e: Protocol.Network.LoadingFinishedEvent) => {
      const entry = entries.get(key(e.requestId));
      if (!entry) return;
      entry.request.duration = (e.timestamp - entry.sentAt) * 1000;
      finish(entry);
    };

    const onFailed = (e: Protocol.Network.LoadingFailedEvent) => {
      const entry = entries.get(key(e.requestId));
      if (!entry) return;
      entry.request.status = 0;
      entry.request.error = e.blockedReason ? `${e.errorText} (blocked: ${e.blockedReason})` : e.errorText;
      entry.request.duration = (e.timestamp - entry.sentAt) * 1000;
      finish(entry);
    };

    const onAttached = (child: CDPSession) => {
      track(attachChild(child, tabId));
    };

    /** A request the page sends while leaving, and then its answer, through the Fetch domain. */
    const onPaused = (e: Protocol.Fetch.RequestPausedEvent) => {
      const k = key(e.networkId ?? e.requestId);
      const resume = () =>
        track(session.send('Fetch.continueRequest', { requestId: e.requestId }).catch(() => undefined));
      const entry = entries.get(k);
      if (e.responseStatusCode === undefined && e.responseErrorReason === undefined) {
        if (!entry) {
          const wallTime = Date.now() / 1000;
          onSent({
            requestId: e.networkId ?? e.requestId,
            loaderId: '',
            documentURL: '',
            request: e.request,
            timestamp: wallTime,
            wallTime,
            initiator: { type: 'other' },
            redirectHasExtraInfo: false,
            type: e.resourceType,
          });
          const added = entries.get(k);
          if (added) added.leaving = true;
        }
        resume();
        return;
      }
      if (entry?.leaving) {
        entry.request.status = e.responseStatusCode ?? 0;
        if (e.responseErrorReason) entry.request.error = `net::ERR_${e.responseErrorReason}`;
        entry.request.duration = Date.now() - entry.request.startTime;
        finish(entry);
      }
      resume();
    };

    session.on('Network.requestWillBeSent', onSent);
    session.on('Network.requestWillBeSentExtraInfo', onExtraInfo);
    session.on('Network.responseReceived', onResponse);
    session.on('Network.loadingFinished', onFinished);
    session.on('Network.loadingFailed', onFailed);
    session.on('sessionattached', onAttached);
    session.on('Fetch.requestPaused', onPaused);
    detachers.push(() => {
      session.off('Fetch.requestPaused', onPaused);
      session.off('Network.requestWillBeSent', onSent);
      session.off('Network.requestWillBeSentExtraInfo', onExtraInfo);
      session.off('Network.responseReceived', onResponse);
      session.off('Network.loadingFinished', onFinished);
      session.off('Network.loadingFailed', onFailed);
      session.off('sessionattached', onAttached);
    });
  };

  /** Out-of-process iframes, workers and popups: the child is paused until its Network domain is on. */
  const attachChild = async (child: CDPSession, tabId: string) => {
    if (stopped) return;
    watch(child, tabId);
    await Promise.all([
      child.send('Network.enable').catch(() => undefined),
      child
        .send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true })
        .catch(() => undefined),
    ]);
    await child.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
  };

  // The page itself; its iframes and workers follow through auto-attach.
  const session = await page.createCDPSession();
  const pageTarget = (await session.send('Target.getTargetInfo')).targetInfo.targetId;
  watch(session, pageTarget);
  await session.send('Network.enable');
  await session.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: true,
  });
  detachers.push(() => void session.detach().catch(() => undefined));

  if (options.popups !== false) await followPopups(page.browser(), pageTarget);

  /**
   * Popups are no related target of their opener: a browser-level auto-attach holds every new page
   * until it is looked at, so a popup of ours is captured from its first request; others are let go.
   */
  async function followPopups(browser: Browser, opener: string): Promise<void> {
    const root = await browser.target().createCDPSession();
    const connection = root.connection();
    const ours = new Set([opener]);
    const onAttached = (e: Protocol.Target.AttachedToTargetEvent) => {
      const child = connection?.session(e.sessionId);
      if (!child) return;
      const { targetId, openerId } = e.targetInfo;
      if (!stopped && openerId && ours.has(openerId)) {
        ours.add(targetId);
        track(attachChild(child, targetId));
      } else {
        track(child.send('Runtime.runIfWaitingForDebugger').finally(() => child.detach()));
      }
    };
    root.on('Target.attachedToTarget', onAttached);
    await root.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: true,
      flatten: true,
      filter: [{ type: 'page', exclude: false }],
    });
    detachers.push(() => {
      root.off('Target.attachedToTarget', onAttached);
      void root.detach().catch(() => undefined);
    });
  }

  const idle = async () => {
    while (inFlight.size) await Promise.all([...inFlight]);
  };

  return {
    requests: () => [...all],
    pending: () => [...entries.values()].filter((e) => !e.done).map((e) => e.request),
    idle,
    async captureLeaving() {
      if (stopped) return;
      // The page's own session: the document being left. Requests and answers both pause briefly.
      await session
        .send('Fetch.enable', {
          patterns: [
            { urlPattern: '*', requestStage: 'Request' },
            { urlPattern: '*', requestStage: 'Response' },
          ],
        })
        .catch(() => undefined);
      detachers.push(() => void session.send('Fetch.disable').catch(() => undefined));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await idle();
      for (const detach of detachers.splice(0)) detach();
    },
  };
}

function toHeaders(headers: Protocol.Network.Headers): Header[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value: String(value) }));
}

function headerValue(headers: Header[] | undefined, name: string): string | undefined {
  return headers?.find((h) => h.name.toLowerCase() === name)?.value;
}
