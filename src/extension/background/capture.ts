import browser, { type Runtime, type WebRequest } from 'webextension-polyfill';
import type { CapturedRequest } from '../../core/capture/captured-request.js';
import type { Config } from '../../core/config/config.js';
import { type BackgroundMessage, type PanelMessage, type RequestPatch, SNAPSHOT_CHUNK } from '../wire.js';
import { splitBySize } from './backlog-messages.js';
import { BeaconFilter } from './beacon-filter.js';
import type { Row } from './database.js';
import { PageDocuments } from './page-documents.js';
import { PanelPorts } from './panel-ports.js';
import { requestFromDetails } from './request-from-details.js';
import { RequestStore } from './request-store.js';
import { clearedNotice } from './stored-format.js';
import { TabStates } from './tab-states.js';

/** How long after a worker start completions of unknown requests may belong to stored ones. */
const RESTART_GRACE_MS = 60_000;

/** Completions held for a start event that may still come; the oldest go first. */
const MAX_EARLY = 200;

/** Requests in the first snapshot: a small one reaches the panel, and is validated there, soonest. */
const FIRST_SNAPSHOT = 100;

/** The notice for open panels, in storage.session: it outlives this worker until a panel dismisses it. */
const NOTICE_KEY = 'notice';

/** What a completion (or an error) says about its request. */
type CompletionDetails = Pick<
  WebRequest.OnCompletedDetailsType,
  'requestId' | 'tabId' | 'timeStamp' | 'url' | 'method' | 'type'
>;

/** A request kept since this worker started, until it completes. */
interface Kept {
  tabId: number;
  startTime: number;
  /** Stored already; else a completion arriving meanwhile waits here. */
  stored: boolean;
  patch?: RequestPatch;
}

/** The background's whole job: keep recognised beacons per tab and stream them to open panels. */
export class Capture {
  readonly store = new RequestStore(
    (from) => browser.storage.session.set({ [NOTICE_KEY]: clearedNotice(from) }),
    (row) => this.onRebuilt(row),
  );
  private readonly states = new TabStates((tabId) => this.store.count(tabId));
  private readonly ports = new PanelPorts();
  private readonly documents = new PageDocuments();
  private filter = new BeaconFilter();
  /** Requests kept since this worker started, until they complete: their tab, for the completion. */
  private readonly kept = new Map<string, Kept>();
  private readonly startedAt = Date.now();
  /** Completions of beacon-like requests not seen starting (see `complete`), by request id. */
  private readonly early = new Map<string, { patch: RequestPatch; rebuilt: boolean }>();

  setConfig(config: Config | undefined): void {
    this.filter = new BeaconFilter(config);
  }

  /**
   * Decides synchronously whether to keep a request, so that its completion (which may come before the
   * tab state is read) finds it; stores it once the tab's recording state and cap allow.
   */
  onBeforeRequest(details: WebRequest.OnBeforeRequestDetailsType): void {
    const tabId = details.tabId;
    if (tabId < 0) return;
    const documentId = (details as { documentId?: string }).documentId;
    if (details.type === 'main_frame') {
      void this.onNavigate(tabId);
      return;
    }
    if (this.documents.isLeft(tabId, documentId)) return;
    this.documents.seen(tabId, documentId);
    // A redirect comes back here with the same id: the beacon is already kept as first sent.
    if (this.kept.has(details.requestId)) return;
    const request = requestFromDetails(details);
    if (!this.filter.keeps(request)) return;
    const entry: Kept = { tabId, startTime: request.startTime, stored: false };
    const early = this.early.get(request.id);
    if (early) {
      this.early.delete(request.id);
      // Its completion already stored it (see `complete`).
      if (early.rebuilt) return;
      entry.patch = early.patch;
    }
    this.kept.set(request.id, entry);
    this.store.seen(tabId, request);
    void this.keep(tabId, request, entry, documentId);
  }

  private async keep(
    tabId: number,
    request: CapturedRequest,
    entry: Kept,
    documentId?: string,
  ): Promise<void> {
    const state = await this.states.get(tabId);
    // A navigation may have emptied the tab while its state was read.
    if (this.documents.isLeft(tabId, documentId)) {
      this.kept.delete(request.id);
      this.store.unseen(request.id);
      return;
    }
    if (!state.recording || state.count >= state.cap) {
      this.kept.delete(request.id);
      this.store.unseen(request.id);
      if (state.recording) {
        // Counted before any await: drops that arrive together must not overwrite each other's count.
        state.dropped++;
        await this.states.update(tabId, {});
        this.ports.send(tabId, { type: 'state', state });
      }
      return;
    }
    state.count++;
    if (entry.patch) {
      Object.assign(request, entry.patch);
      this.kept.delete(request.id);
    } else entry.stored = true;
    this.store.add(tabId, request);
    this.ports.send(tabId, { type: 'captured', request });
  }

  onCompleted(details: WebRequest.OnCompletedDetailsType): void {
    this.complete(details, { status: details.statusCode });
  }

  onErrorOccurred(details: WebRequest.OnErrorOccurredDetailsType): void {
    this.complete(details, { status: 0, error: details.error });
  }

  async onMessage(port: Runtime.Port, tabId: number | undefined, message: PanelMessage): Promise<number> {
    if (message.type === 'subscribe') {
      this.ports.add(message.tabId, port);
      await this.sendBacklog(message.tabId);
      return message.tabId;
    }
    if (tabId === undefined) return -1;
    if (message.type === 'clear') await this.clear(tabId);
    else if (message.type === 'dismiss-notice') await browser.storage.session.remove(NOTICE_KEY);
    else {
      const { type: _type, ...change } = message;
      this.ports.send(tabId, { type: 'state', state: await this.states.update(tabId, change) });
    }
    return tabId;
  }

  /**
   * A closed tab's beacons are deleted, and so are the unload beacons it sends while closing: its state
   * says "not recording" from now on (tab ids are not reused within a browser session).
   */
  async forgetTab(tabId: number): Promise<void> {
    (await this.states.get(tabId)).recording = false;
    await this.clear(tabId);
  }

  private complete(details: CompletionDetails, patch: RequestPatch): void {
    const kept = this.kept.get(details.requestId);
    if (kept) patch.duration = Math.max(0, details.timeStamp - kept.startTime);
    if (kept && !kept.stored) {
      // Completed before its tab state was read: stored with the request.
      kept.patch = patch;
      this.store.seenPatch(details.requestId, patch);
      return;
    }
    this.kept.delete(details.requestId);
    const { requestId: id, tabId } = details;
    this.ports.send(tabId, { type: 'completed', id, patch });
    if (kept) {
      this.store.patch(id, patch);
      return;
    }
    if (!this.mayBeStoredByPredecessor(details)) return;
    const rebuilt = this.rebuild(details, patch);
    // A worker that is starting may get a completion before its request's start: hold it for that.
    this.early.set(id, { patch, rebuilt: rebuilt !== undefined });
    if (this.early.size > MAX_EARLY) this.early.delete(this.early.keys().next().value!);
    if (!rebuilt) {
      this.store.patch(id, patch);
      return;
    }
    // Rebuilt only where its start would have been kept.
    void this.states.get(tabId).then((state) => {
      this.store.patch(id, patch, state.recording && state.count < state.cap ? rebuilt : undefined);
    });
  }

  /**
   * The row for a completion whose request's start this worker never saw, stored if no predecessor
   * stored it: the browser loses the events it hands to a worker it is stopping, and only their
   * completions reach the next one. A GET is whole without its start event (it has no body; the send
   * time becomes the completion time); a POST's body came only with the lost event, so it is not rebuilt.
   */
  private rebuild(details: CompletionDetails, patch: RequestPatch): Row | undefined {
    if (details.method !== 'GET') return undefined;
    // Not a request of the page a navigation emptied, which this worker saw and left out.
    if (this.documents.isLeft(details.tabId, (details as { documentId?: string }).documentId))
      return undefined;
    const request = requestFromDetails(details);
    if (!this.filter.keeps(request)) return undefined;
    return { tabId: details.tabId, request: { ...request, ...patch } };
  }

  /** A row the store wrote from its completion alone: the tab counts it and open panels list it. */
  private onRebuilt(row: Row): void {
    void this.states.get(row.tabId).then((state) => {
      state.count++;
      this.ports.send(row.tabId, { type: 'captured', request: row.request });
    });
  }

  /**
   * Right after a (re)start, a completion of a request this worker did not see start either belongs to a
   * request its predecessor stored (the store is patched blind; it ignores ids it does not have) or
   * overtook its start event. Only beacon-like ones count: by URL, or any POST (its body is not in the
   * completion).
   */
  private mayBeStoredByPredecessor(details: CompletionDetails) {
    if (details.tabId < 0 || Date.now() - this.startedAt > RESTART_GRACE_MS) return false;
    const { requestId: id, url, method } = details;
    return method === 'POST' || this.filter.keeps({ id, url, method, startTime: 0 });
  }

  private async onNavigate(tabId: number): Promise<void> {
    const state = await this.states.get(tabId);
    if (state.preserveLog) return;
    this.documents.retire(tabId);
    if (state.count > 0) await this.clear(tabId);
  }

  /**
   * Store, state and open panels are cleared at one point, with no `await` in between: every beacon
   * kept before is gone from all three, every one kept after is in all three.
   */
  private async clear(tabId: number): Promise<void> {
    const state = await this.states.get(tabId);
    const cleared = this.store.clearTab(tabId);
    Object.assign(state, { count: 0, dropped: 0 });
    this.ports.send(tabId, { type: 'cleared' });
    this.ports.send(tabId, { type: 'state', state });
    await Promise.all([cleared, this.states.update(tabId, {})]);
  }

  private async sendBacklog(tabId: number): Promise<void> {
    const state = await this.states.get(tabId);
    const pages = this.store.pages(tabId, SNAPSHOT_CHUNK, FIRST_SNAPSHOT);
    // The first page is read before the notice: opening the store is what may clear data of another format.
    const first = await pages.next();
    const notice = (await browser.storage.session.get(NOTICE_KEY))[NOTICE_KEY];
    const send = (message: BackgroundMessage) => this.ports.send(tabId, message);
    send({ type: 'state', state });
    if (typeof notice === 'string') send({ type: 'notice', text: notice });
    if (first.done) return;
    const post = ({ requests, last }: { requests: CapturedRequest[]; last: boolean }) => {
      const parts = splitBySize(requests);
      for (const [i, part] of parts.entries()) {
        send({ type: 'snapshot', requests: part, last: last && i === parts.length - 1 });
      }
    };
    post(first.value);
    // Each page is posted as soon as it is read.
    for await (const page of pages) post(page);
  }
}
