import type { Beacon } from '../../core/beacon.js';
import type { CapturedRequest } from '../../core/capture/captured-request.js';
import type { Config } from '../../core/config/config.js';
import { Inspector } from '../../core/inspector.js';
import type { Finding, Severity } from '../../core/rules/rule.js';
import type { Session } from '../../core/session/session.js';
import type { TruthRecord } from '../../core/truth/record.js';
import type { BackgroundMessage, TabState } from '../wire.js';
import { type Filters, NO_FILTERS } from './filters.js';
import { FindingIndex } from './finding-index.js';
import { ShownList } from './shown-list.js';

/**
 * How long a beacon may wait for its response before it is validated without one. Beacons are fed to
 * the inspector in send order once their status is known, because `beacon/http-error` judges the
 * status and KAVA's sequence rules judge the order (two beacons sent together may complete swapped).
 */
export const PENDING_WAIT_MS = 3000;

/**
 * Derived views of the inspector, brought up to date once per change at the cost of what changed, so
 * that a render with 50 000 beacons does no work in proportion to them.
 */
export interface PanelView {
  beacons: readonly Beacon[];
  /** Indices of the beacons that pass the filters, ascending. */
  shown: readonly number[];
  findingsByBeacon: ReadonlyMap<number, Finding[]>;
  /** Every finding, in `Inspector.findings()` order; built when first read. */
  readonly findings: Finding[];
  /** How many findings there are of each severity. */
  counts: Readonly<Record<Severity, number>>;
  /** A short label per session key ("S1", "S2", …), in the order sessions appeared. */
  sessionLabels: ReadonlyMap<string, string>;
}

/**
 * The panel's state outside Preact: the requests the background streamed (or a HAR supplied), fed in
 * order to one core `Inspector`. Views subscribe and re-render on each change.
 */
export class PanelModel {
  inspector: Inspector;
  /** Grows on every change: a view that rendered an older version must render again. */
  version = 0;
  tabState: TabState | undefined;
  /** A message from the background until the user dismisses it. */
  notice: string | undefined;
  /** Every request known, by id: duplicates (snapshot overlapping live messages) are ignored. */
  private readonly known = new Map<string, CapturedRequest>();
  /** Requests not yet fed, in send order, with when they arrived here. */
  private queue: { request: CapturedRequest; arrived: number }[] = [];
  private fed: CapturedRequest[] = [];
  /** Live messages that arrive while the backlog is still coming, applied after it. */
  private held: BackgroundMessage[] | undefined = [];
  private listeners = new Set<() => void>();
  private cached: PanelView | undefined;
  private index: FindingIndex;
  private shown = new ShownList(NO_FILTERS);
  private labels = new Map<string, string>();
  private sessionCount = 0;
  /** Each fed request and the beacon it became (if any), so a late status marks its session changed. */
  private beaconOf = new Map<CapturedRequest, Beacon | undefined>();
  private truth: TruthRecord | undefined;

  constructor(
    private config: Config = {},
    private readonly now: () => number = Date.now,
  ) {
    this.inspector = new Inspector({ config });
    this.index = new FindingIndex(this.inspector);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get filters(): Filters {
    return this.shown.filters;
  }

  setFilters(filters: Filters): void {
    this.shown = new ShownList(filters, this.shown);
    this.changed();
  }

  view(): PanelView {
    if (this.cached) return this.cached;
    const index = this.index;
    const changed = index.update();
    const beacons = this.inspector.beacons();
    this.cached = {
      beacons,
      shown: this.shown.update(beacons, index.byBeacon, changed),
      findingsByBeacon: index.byBeacon,
      get findings() {
        return index.findings();
      },
      counts: { ...index.counts },
      sessionLabels: this.labels,
    };
    return this.cached;
  }

  /** The port reconnected (worker restart): the backlog comes again; known requests are skipped. */
  resubscribing(): void {
    this.held = [];
  }

  receive(message: BackgroundMessage): void {
    if (this.held && message.type !== 'snapshot' && message.type !== 'state') {
      this.held.push(message);
      return;
    }
    switch (message.type) {
      case 'state':
        this.tabState = message.state;
        this.changed();
        break;
      case 'snapshot':
        for (const r of message.requests) this.addRequest(r);
        if (message.last) {
          const held = this.held ?? [];
          this.held = undefined;
          for (const m of held) this.receive(m);
        }
        break;
      case 'captured':
        this.addRequest(message.request);
        break;
      case 'completed': {
        const request = this.known.get(message.id);
        if (!request) break;
        Object.assign(request, message.patch);
        // A beacon already validated (it waited too long) shows its late status.
        if (!this.beaconOf.has(request)) break;
        const beacon = this.beaconOf.get(request);
        if (beacon) this.index.touched(beacon);
        this.changed();
        break;
      }
      case 'cleared':
        this.clear();
        break;
      case 'notice':
        this.notice = message.text;
        this.changed();
        break;
    }
    this.pump();
  }

  dismissNotice(): void {
    this.notice = undefined;
    this.changed();
  }

  /** Requests from an imported HAR join the capture, in send order. */
  /** Adds imported requests; an audit's HAR also brings what its videos really did (`truth`). */
  importRequests(requests: readonly CapturedRequest[], truth?: TruthRecord): void {
    for (const r of requests) this.known.set(r.id, r);
    if (truth) this.truth = truth;
    this.rebuild();
  }

  setConfig(config: Config): void {
    this.config = config;
    this.rebuild();
  }

  clear(): void {
    this.known.clear();
    this.truth = undefined;
    this.queue = [];
    this.fed = [];
    this.newInspector();
    this.changed();
  }

  /** Every request in send order (fed or waiting), for the HAR export. */
  requests(): CapturedRequest[] {
    return [...this.fed, ...this.queue.map((q) => q.request)];
  }

  /** Feeds the waiting requests whose turn has come; call again later while `waiting()` is non-zero. */
  pump(): void {
    let fedAny = false;
    const now = this.now();
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      const settled = head.request.status !== undefined || now - head.arrived >= PENDING_WAIT_MS;
      if (!settled) break;
      this.queue.shift();
      this.feed(head.request);
      fedAny = true;
    }
    if (fedAny) this.changed();
  }

  waiting(): number {
    return this.queue.length;
  }

  private addRequest(request: CapturedRequest): void {
    if (this.known.has(request.id)) return;
    this.known.set(request.id, request);
    const item = { request, arrived: this.now() };
    // Usually appended; a late one is placed by send time among those still waiting.
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1]!.request.startTime > request.startTime) i--;
    this.queue.splice(i, 0, item);
  }

  private feed(request: CapturedRequest): void {
    this.fed.push(request);
    const beacon = this.inspector.add(request);
    this.beaconOf.set(request, beacon);
    if (!beacon) return;
    this.index.touched(beacon);
    const session = this.inspector.sessionOf(beacon.index);
    if (session && !this.labels.has(session.key)) this.labels.set(session.key, this.newLabel(session));
  }

  /** S1, S2, … per session id; S1.2 for the second playback under S1's id (a change of media). */
  private newLabel(session: Session): string {
    const first = this.labels.get(`${session.protocol}:${session.id}`);
    if (first !== undefined && (session.playbackNumber ?? 1) > 1) return `${first}.${session.playbackNumber}`;
    this.sessionCount += 1;
    return `S${this.sessionCount}`;
  }

  private newInspector(): void {
    this.inspector = new Inspector({ config: this.config });
    // The extension records no truth of its own: only an imported audit capture carries one.
    this.inspector.setTruth(this.truth);
    this.index = new FindingIndex(this.inspector);
    this.shown = new ShownList(this.shown.filters);
    this.labels = new Map();
    this.sessionCount = 0;
    this.beaconOf.clear();
  }

  private rebuild(): void {
    const all = [...this.known.values()].sort((a, b) => a.startTime - b.startTime);
    this.newInspector();
    this.fed = [];
    this.queue = [];
    const arrived = this.now() - PENDING_WAIT_MS;
    for (const request of all) this.queue.push({ request, arrived });
    this.pump();
    this.changed();
  }

  private changed(): void {
    this.version++;
    this.cached = undefined;
    for (const l of this.listeners) l();
  }
}
