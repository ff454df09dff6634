import type { Page } from 'puppeteer';

/** What the page's video element reports. */
export interface VideoState {
  found: boolean;
  /** HTMLMediaElement.readyState: ≥ 1 once the metadata (duration) is known. */
  readyState: number;
  currentTime: number;
  /** Seconds; null while unknown or for live streams (Infinity). */
  duration: number | null;
  paused: boolean;
  ended: boolean;
  /** Set when the element reported a media error. */
  error?: string;
}

/**
 * In-page helpers, sent as source text: this module is compiled without DOM types, and the code runs in
 * the page, not in Node. Finds the `<video>` (itself, or inside the element the selector names) in the
 * document or in same-origin iframes.
 */
const FIND_VIDEO = `(selector) => {
  const pick = (doc) => {
    const el = doc.querySelector(selector);
    if (!el) return null;
    return el instanceof doc.defaultView.HTMLMediaElement ? el : el.querySelector('video, audio');
  };
  const found = pick(document);
  if (found) return found;
  for (const frame of document.querySelectorAll('iframe')) {
    try {
      const inner = frame.contentDocument && pick(frame.contentDocument);
      if (inner) return inner;
    } catch {}
  }
  return null;
}`;

function call(body: string, selector: string, arg?: unknown): string {
  return `(async () => {
    const video = (${FIND_VIDEO})(${JSON.stringify(selector)});
    const arg = ${JSON.stringify(arg ?? null)};
    ${body}
  })()`;
}

const STATE = `
  if (!video) return { found: false, readyState: 0, currentTime: 0, duration: null, paused: true, ended: false };
  const d = video.duration;
  const state = {
    found: true,
    readyState: video.readyState,
    currentTime: video.currentTime,
    duration: Number.isFinite(d) ? d : null,
    paused: video.paused,
    ended: video.ended,
  };
  if (video.error) state.error = 'media error ' + video.error.code + (video.error.message ? ': ' + video.error.message : '');
  return state;`;

// Browsers may refuse unmuted autoplay without a user gesture: retry muted rather than fail the audit.
const PLAY = `
  if (!video) return 'no video element';
  try { await video.play(); return null; } catch (e) {
    if (e && e.name === 'NotAllowedError') {
      video.muted = true;
      try { await video.play(); return null; } catch (e2) { return String(e2 && e2.message || e2); }
    }
    return String(e && e.message || e);
  }`;

const PAUSE = `if (!video) return 'no video element'; video.pause(); return null;`;

// `arg` is seconds or "80%" of the duration.
const SEEK = `
  if (!video) return 'no video element';
  let target = arg;
  if (typeof arg === 'string') {
    if (!Number.isFinite(video.duration)) return 'cannot seek to ' + arg + ': the duration is unknown';
    target = (video.duration * parseFloat(arg)) / 100;
  }
  video.currentTime = target;
  return null;`;

/** Drives an HTML5 video in the page; every method re-finds the element (players may replace it). */
export class VideoDriver {
  constructor(
    private readonly page: Page,
    private readonly selector: string,
  ) {}

  state(selector = this.selector): Promise<VideoState> {
    return this.page.evaluate(call(STATE, selector)) as Promise<VideoState>;
  }

  /** Resolves with an error text, or null when the command was carried out. */
  play(selector = this.selector): Promise<string | null> {
    return this.page.evaluate(call(PLAY, selector)) as Promise<string | null>;
  }

  pause(selector = this.selector): Promise<string | null> {
    return this.page.evaluate(call(PAUSE, selector)) as Promise<string | null>;
  }

  seek(to: number | string, selector = this.selector): Promise<string | null> {
    return this.page.evaluate(call(SEEK, selector, to)) as Promise<string | null>;
  }
}
