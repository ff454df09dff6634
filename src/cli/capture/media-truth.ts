import type { Page } from 'puppeteer';
import type { MediaEventType, TruthEvent, TruthRecord, TruthVideo } from '../../core/truth/record.js';

/** How long the recorder waits for the page: one that never finished loading answers no evaluation. */
const PAGE_ANSWER_MS = 1000;

/** Waits for a page call to settle, for `PAGE_ANSWER_MS` at most; its failure is no failure of ours. */
function answered(call: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, PAGE_ANSWER_MS);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    call.then(done, done);
  });
}

/**
 * Records what every `<video>` of a puppeteer page really does (the ground truth the `truth/…` rules
 * reconcile beacons with). A script injected before the page's own listens on the document in the capture
 * phase, so it sees the media events of every element (also those created later, and inside shadow roots:
 * `attachShadow` is wrapped before the page runs), before the player's own listeners, and passes them to
 * Node through an exposed binding.
 *
 * Times are the page's `Date.now()` when the event fired: the same wall clock the CDP capture's
 * `wallTime` (`Beacon.time`) is on, and the clock players stamp their beacons with.
 */
export interface MediaTruthRecorder {
  /** The record so far (a live object: it grows while recording). */
  record(): TruthRecord;
  /** Stops recording; later events are ignored. */
  stop(): Promise<void>;
}

export interface MediaTruthOptions {
  /** Called after each recorded event (to judge again). */
  onEvent?(): void;
}

/** What the page sends through the binding, one event per call. */
interface WireEvent extends TruthEvent {
  video: string;
  label: string;
}

const EVENT_TYPES: readonly MediaEventType[] = [
  'loadstart',
  'emptied',
  'durationchange',
  'play',
  'playing',
  'pause',
  'waiting',
  'seeking',
  'seeked',
  'ratechange',
  'ended',
];

let nextBinding = 0;

export async function recordMediaTruth(
  page: Page,
  options: MediaTruthOptions = {},
): Promise<MediaTruthRecorder> {
  const record: TruthRecord = { start: Date.now(), videos: [] };
  const videos = new Map<string, TruthVideo>();
  let stopped = false;
  const binding = `__playerInspectorTruth${process.pid}_${nextBinding++}`;

  await page.exposeFunction(binding, (json: string) => {
    if (stopped) return;
    let wire: WireEvent;
    try {
      wire = JSON.parse(json) as WireEvent;
    } catch {
      return;
    }
    const { video: id, label, ...event } = wire;
    let video = videos.get(id);
    if (!video) {
      video = { id, label, events: [] };
      videos.set(id, video);
      record.videos.push(video);
    }
    video.events.push(event);
    options.onEvent?.();
  });
  const source = `(${pageRecorder.toString()})(${JSON.stringify(binding)}, ${JSON.stringify(EVENT_TYPES)});`;
  const { identifier } = await page.evaluateOnNewDocument(source);
  // A page already loaded (attachInspector after goto) gets the recorder now too.
  await answered(page.evaluate(source));

  return {
    record: () => record,
    async stop() {
      if (stopped) return;
      // Media events fire as tasks (a pause() just called has not fired yet) and bindings arrive
      // asynchronously: one round trip after a task lets those already queued land first.
      await answered(page.evaluate('new Promise((resolve) => setTimeout(resolve, 50))'));
      stopped = true;
      record.end = Date.now();
      await answered(page.removeScriptToEvaluateOnNewDocument(identifier));
      await answered(page.removeExposedFunction(binding));
    },
  };
}

/**
 * Runs in the page (serialised: it may use nothing from this module). Sends each media event of each
 * `<video>` as JSON, with an id per element and a label saying which element it is.
 */
function pageRecorder(binding: string, types: readonly string[]): void {
  const w = window as unknown as Record<string, unknown>;
  const flag = `${binding}Installed`;
  if (w[flag]) return;
  w[flag] = true;
  const send = w[binding] as ((json: string) => void) | undefined;
  if (typeof send !== 'function') return;
  const prefix = window === window.top ? '' : `frame-${Math.random().toString(36).slice(2, 6)}-`;
  const ids = new WeakMap<HTMLVideoElement, string>();
  const last = new WeakMap<HTMLVideoElement, { time: number; position: number }>();
  let count = 0;

  const labelOf = (v: HTMLVideoElement): string => {
    let label = 'video';
    if (v.id) label += `#${v.id}`;
    else if (typeof v.className === 'string' && v.className.trim())
      label += `.${v.className.trim().split(/\s+/).join('.')}`;
    const root = v.getRootNode();
    if (root instanceof ShadowRoot) label += ` (in the shadow root of ${root.host.tagName.toLowerCase()})`;
    if (prefix) label += ` (in frame ${location.href})`;
    return label;
  };
  const ranges = (r: TimeRanges): [number, number][] => {
    const out: [number, number][] = [];
    for (let i = 0; i < r.length; i++) out.push([r.start(i), r.end(i)]);
    return out;
  };

  const report = (v: HTMLVideoElement, type: string) => {
    let id = ids.get(v);
    if (!id) {
      id = `${prefix}video${++count}`;
      ids.set(v, id);
    }
    const now = Date.now();
    const event: Record<string, unknown> = {
      video: id,
      label: labelOf(v),
      time: now,
      type,
      position: v.currentTime,
    };
    if (type === 'seeking') {
      const before = last.get(v);
      if (before) {
        // The playhead moved on since the last timeupdate if it was playing.
        const moved = v.paused ? 0 : ((now - before.time) / 1000) * v.playbackRate;
        event.from = before.position + Math.max(0, moved);
      }
    }
    if (v.playbackRate !== 1 || type === 'ratechange') event.rate = v.playbackRate;
    if (Number.isFinite(v.duration)) event.duration = v.duration;
    if (type === 'loadstart' || type === 'emptied') event.src = v.currentSrc;
    if (type === 'pause' || type === 'ended') event.played = ranges(v.played);
    if (type !== 'seeking') last.set(v, { time: now, position: v.currentTime });
    try {
      send(JSON.stringify(event));
    } catch {
      // The binding is gone (recording stopped): nothing to do.
    }
  };

  const listen = (target: Document | ShadowRoot) => {
    for (const type of [...types, 'timeupdate']) {
      target.addEventListener(
        type,
        (e) => {
          const v = e.target;
          if (v instanceof HTMLVideoElement) report(v, type === 'timeupdate' ? 'sample' : type);
        },
        true,
      );
    }
  };
  listen(document);
  // Media events do not leave a shadow root: listen in each one, as it is attached.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = attach.call(this, init);
    listen(root);
    return root;
  };
  // Installed into a page already loaded (attachInspector after goto): the elements there, as they are
  // now. (A new document is watched from its start: its listeners see every element's first event.)
  if (document.readyState !== 'loading') {
    for (const v of Array.from(document.querySelectorAll('video'))) {
      report(v, 'sample');
      if (!v.paused) report(v, 'playing');
    }
  }
}
