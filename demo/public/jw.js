// A JW Player OTT ping emitter built to the ping interface (e, s, t, vs, gab), driven by a real <video>
// element's events. Pings go out with navigator.sendBeacon (a POST with an empty body, data in the query
// string) to /v1/jwplayer6/ping.gif on the page's own origin. `?bug=no-aid` breaks it; `?lose=<n>` loses
// the n-th time ping (t) of the first play on the way: the emitter counts it as sent, the server never
// sees it (the next t is one quantile further than it should be). A viewer leaving mid-play sends the
// Abandon ping (gab) on pagehide, with sendBeacon or, with `?unload=fetch`, with fetch(keepalive): the
// two ways a page's last beacon outlives it.
import { onReady, randomHex } from './demo-common.js';

const search = new URLSearchParams(location.search);
const bug = search.get('bug') || '';
const lose = Number(search.get('lose') || 0);
let plays = 0;
const video = document.getElementById('video');
const config = { analyticsId: 'PiDemoAnalytics0Token1', feedId: 'pIfeed01', appVersion: '1.0.0' };
const item = { mediaId: 'pIdemo01', title: 'Player Inspector test video' };
// The bug: the id is read under a key the config never has; null values are skipped when serialising.
const analyticsId = bug === 'no-aid' ? (config.analyticsid ?? null) : config.analyticsId;

/** Quantiles by VOD duration, from the ping interface. */
function quantilesFor(duration) {
  if (duration < 30) return 1;
  if (duration < 60) return 4;
  if (duration < 180) return 8;
  if (duration < 300) return 16;
  return 32;
}

let play; // state of the current play (one pli)

const unloadTransport = search.get('unload') || 'beacon';

function ping(event, extra = {}, transport = 'beacon') {
  const fields = {
    e: event,
    sa: Date.now(),
    aid: analyticsId,
    pss: 1,
    oos: 'Web',
    oosv: 5,
    sdk: 0,
    bun: location.hostname,
    fed: config.feedId,
    id: item.mediaId,
    t: item.title,
    av: config.appVersion,
    emi: play.emi,
    pli: play.pli,
    ...extra,
  };
  const query = Object.entries(fields)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  const bucket = event === 'i' ? 'clienta' : 'jwplayer6';
  if (event === 't' && plays === 1 && ++play.timePings === lose) return;
  const url = `/v1/${bucket}/ping.gif?${query}`;
  if (transport === 'fetch') void fetch(url, { method: 'POST', keepalive: true }).catch(() => undefined);
  else navigator.sendBeacon(url);
}

/** A playlist item is loaded: new embed and play ids, then the Setup ping. */
function setup() {
  plays += 1;
  play = { emi: randomHex(12), pli: randomHex(12), started: false, done: false, seekPending: false };
  play.timePings = 0;
  Object.assign(play, { watched: 0, lastPos: 0, lastPw: 0, lastTi: 0, seekTimer: undefined });
  ping('e');
}

function timed(pw, ti) {
  const vd = Math.round(video.duration);
  play.lastPw = pw;
  play.lastTi = ti;
  return { vd, q: quantilesFor(vd), pw, ti };
}

video.addEventListener('timeupdate', () => {
  if (video.paused || video.seeking || video.ended || !Number.isFinite(video.duration)) return;
  const pos = video.currentTime;
  if (!play.started) {
    play.started = true;
    play.lastPos = pos;
    ping('s', timed(0, 0));
    return;
  }
  const delta = pos - play.lastPos;
  // The ti-counts-seek bug: any forward move of the playhead counts as watched, a seek too.
  if (delta > 0 && (delta < 2 || bug === 'ti-counts-seek')) play.watched += delta;
  play.lastPos = pos;
  // No time ping between a seek and its vs ping.
  if (play.seekPending) return;
  const vd = Math.round(video.duration);
  const step = 128 / quantilesFor(vd);
  // The pw-late bug: pw is computed from a playhead copy 5 s behind.
  const pw = Math.floor((128 * Math.max(0, pos - (bug === 'pw-late' ? 5 : 0))) / vd);
  const next = (Math.floor(play.lastPw / step) + 1) * step;
  if (pw >= next && pw < 128) {
    ping('t', timed(pw, Math.round(play.watched)));
    play.watched = 0;
  }
  // The early-complete bug: "complete" is sent at 90 % (credits), not at the end.
  if (bug === 'early-complete' && !play.done && pos >= 0.9 * vd) complete();
});

// A seek holds time pings back until its vs ping, sent 1 s after the last seeked of a burst (the
// replay's own seek back to 0 is no seek: the play it belongs to has ended).
video.addEventListener('seeking', () => {
  if (play.started && !play.done) play.seekPending = true;
});
video.addEventListener('seeked', () => {
  if (!play.seekPending) return;
  play.lastPos = video.currentTime;
  clearTimeout(play.seekTimer);
  play.seekTimer = setTimeout(() => {
    play.seekPending = false;
    // The no-seek-ping bug: the seek handler returns before sending.
    if (bug === 'no-seek-ping') return;
    // vs repeats the previous ping's pw and ti.
    ping('vs', timed(play.lastPw, play.lastTi));
    // Quantiles skipped by the seek are not reported: count from where the playhead is now.
    play.lastPw = Math.floor((128 * video.currentTime) / Math.round(video.duration));
  }, 1000);
});

function complete() {
  clearTimeout(play.seekTimer);
  play.seekPending = false;
  ping('gab', timed(128, Math.round(play.watched)));
  play.watched = 0;
  play.done = true;
}
video.addEventListener('ended', () => {
  if (!play.done) complete();
});
// The phantom-seek bug: the start-position logic sends a Seeked ping right after the Play ping.
if (bug === 'phantom-seek')
  video.addEventListener('playing', () => setTimeout(() => ping('vs', timed(0, 0)), 500), { once: true });

// Leaving mid-play abandons it: the last ping is sent while the page is torn down.
addEventListener('pagehide', () => {
  if (!play.started || play.done) return;
  play.done = true;
  const pos = Number.isFinite(video.currentTime) ? video.currentTime : 0;
  const pw = Math.min(127, Math.floor((128 * pos) / Math.round(video.duration)));
  ping('gab', timed(pw, Math.round(play.watched)), unloadTransport);
});

// Replay after the end: the item is loaded again as a new play.
video.addEventListener('play', () => {
  if (play.done) setup();
});

setup();
document.getElementById('variant').textContent = [
  bug && `Broken variant: ${bug}`,
  lose && `Loses time ping ${lose}`,
]
  .filter(Boolean)
  .join(' · ');
onReady(video, 'jw', bug);
