// A legacy Kaltura stats emitter: GET /api_v3/index.php?service=stats&action=collect with `event:`-prefixed
// parameters, driven by the real <video> element's events. An emitter, not a real player: no legacy
// Kaltura player runs here. `?client=` reproduces the order and keys of a real client, read from its
// source (docs/real-player.md):
//   html5    the HTML5 v2 player, mwEmbed 2.98 (kAnalytics): Media Loaded before Widget Loaded, event:seek
//            always false, the Seek on `seeked` with the target in event:currentPoint, no event:newPoint
//   kdp      the Flash KDP 3.9.9 (statisticsPlugin): Widget Loaded then Media Loaded, event:seek false on
//            the first Seek and true after it, no event:newPoint
//   android  playkit-android's KalturaStatsPlugin: Widget Loaded then Media Loaded, event:eventTimeStamp
//            (capital S), no event:referrer, playhead and duration in seconds, the URL decoded once
// Without `client`, the emitter as written to the stats document (event:newPoint on the Seek).
// `?bug=quartile-order` swaps two quartiles, `?bug=seek-no-target` sends a Seek without its playhead.
import { onReady, randomGuid } from './demo-common.js';

const search = new URLSearchParams(location.search);
const bug = search.get('bug') || '';
const client = search.get('client') || '';
const video = document.getElementById('video');
const partnerId = 3050741;
const uiconfId = 41234561;
const entryId = '1_pidemo01';
const sessionId = randomGuid().toUpperCase();
const entryDuration = 60;

const Event = {
  widgetLoaded: 1,
  mediaLoaded: 2,
  play: 3,
  bufferStart: 12,
  bufferEnd: 13,
  replay: 16,
  seek: 17,
};
// Percent reached → event type. The bug: 50 and 75 swapped, a typo that sends 6 before 5.
const quartileEvents =
  bug === 'quartile-order'
    ? [
        [25, 4],
        [50, 6],
        [75, 5],
        [100, 7],
      ]
    : [
        [25, 4],
        [50, 5],
        [75, 6],
        [100, 7],
      ];

const duration = () => (Number.isFinite(video.duration) ? video.duration : entryDuration);
// The stale-point bug: the playhead read from a copy that lags 5 s behind.
const milliseconds = () =>
  Math.round(Math.max(0, video.currentTime - (bug === 'stale-point' ? 5 : 0)) * 1000);
const pageWithoutQuery = () => `${location.origin}${location.pathname}`;
/** KDP's event:seek: set by its seek handler after the Seek beacon is built, never reset. */
let kdpSeeked = false;
/** KDP's last seek target, in percent of the duration. */
let kdpSeekPercent = 0;
/** Android's: set before the Seek beacon is built, cleared when the server has answered it. */
let androidSeeking = false;
let firstInSession = true;

/** Each client's parameters, in its order, as [key, value] pairs (values not yet URL-encoded). */
const clients = {
  '': (eventType) => [
    ['service', 'stats'],
    ['action', 'collect'],
    ['clientTag', 'kdp:v2.101'],
    ['event:eventType', eventType],
    ['event:clientVer', '2.101'],
    ['event:currentPoint', milliseconds()],
    ['event:duration', duration()],
    ['event:eventTimestamp', Date.now()],
    ['event:isFirstInSession', String(firstInSession)],
    ['event:objectType', 'KalturaStatsEvent'],
    ['event:partnerId', partnerId],
    ['event:uiconfId', uiconfId],
    ['event:entryId', entryId],
    ['event:widgetId', `_${partnerId}`],
    ['event:sessionId', sessionId],
    ['event:seek', 0],
    ['event:referrer', location.href],
  ],
  // mwEmbed's kAnalytics sendAnalyticsEvent, then mw.KApi: the referrer is encoded by kAnalytics and
  // again by $.param; `hasKanalony` has no prefix; kalsig and the JSONP callback end the query.
  html5: (eventType) => [
    ['service', 'stats'],
    ['action', 'collect'],
    ['event:eventType', eventType],
    ['event:clientVer', '2.98'],
    ['event:currentPoint', milliseconds()],
    ['event:duration', duration()],
    ['event:eventTimestamp', Date.now()],
    ['event:isFirstInSession', 'false'],
    ['event:objectType', 'KalturaStatsEvent'],
    ['event:partnerId', partnerId],
    ['event:sessionId', sessionId],
    ['event:uiconfId', uiconfId],
    ['event:seek', 'false'],
    ['event:entryId', entryId],
    ['event:historyEvents', `0-${eventType}-${eventType}`],
    ['event:widgetId', `_${partnerId}`],
    ['event:referrer', encodeURIComponent(pageWithoutQuery())],
    ['hasKanalony', 'false'],
    ['apiVersion', '3.1'],
    ['clientTag', 'html5:v2.98'],
    ['expiry', '86400'],
    ['format', '9'],
    ['ignoreNull', '1'],
    ['kalsig', '5d41402abc4b2a76b9719d911017c592'],
    ['callback', `kapi_${eventType}`],
  ],
  // KDP's getBasicStatsData, serialised by the AS3 client (int fields left at their minimum are skipped).
  kdp: (eventType) => [
    ['service', 'stats'],
    ['action', 'collect'],
    ['clientTag', 'kdp:v3.9.9'],
    ['event:clientVer', '3.0:v3.9.9'],
    ['event:eventType', eventType],
    ['event:eventTimestamp', Date.now()],
    ['event:sessionId', sessionId],
    ['event:partnerId', partnerId],
    ['event:entryId', entryId],
    ['event:widgetId', `_${partnerId}`],
    ['event:uiconfId', uiconfId],
    ['event:currentPoint', milliseconds()],
    ['event:duration', Math.floor(duration())],
    ['event:seek', String(kdpSeeked)],
    ['event:referrer', escape(pageWithoutQuery())],
    ['event:isFirstInSession', 'false'],
    ['event:objectType', 'KalturaStatsEvent'],
  ],
  // StatsService.getOvpUrl of playkit-android: seconds, event:eventTimeStamp, no referrer.
  android: (eventType) => [
    ['service', 'stats'],
    ['apiVersion', '3.1'],
    ['expiry', '86400'],
    ['clientTag', 'kwidget:vplaykit/android-3.5.0'],
    ['format', '1'],
    ['ignoreNull', '1'],
    ['action', 'collect'],
    ['hasKanalony', 'false'],
    ['event:eventType', eventType],
    ['event:clientVer', 'playkit/android-3.5.0'],
    ['event:currentPoint', Math.floor(video.currentTime)],
    ['event:duration', Math.floor(duration())],
    ['event:eventTimeStamp', Date.now()],
    ['event:isFirstInSession', 'false'],
    ['event:objectType', 'KalturaStatsEvent'],
    ['event:partnerId', partnerId],
    ['event:sessionId', sessionId],
    ['event:uiconfId', uiconfId],
    ['event:seek', String(androidSeeking)],
    ['event:entryId', entryId],
    ['event:widgetId', `_${partnerId}`],
  ],
};
const fieldsOf = clients[client] ?? clients[''];

function send(eventType, extra = []) {
  let pairs = [...fieldsOf(eventType), ...extra];
  if (bug === 'seek-no-target' && eventType === Event.seek)
    pairs = pairs.filter(([key]) => key !== 'event:currentPoint' && key !== 'event:newPoint');
  firstInSession = false;
  // Android decodes its whole URL once before sending: keys keep their colon, values go out raw.
  const query =
    client === 'android'
      ? pairs.map(([key, value]) => `${key}=${value}`).join('&')
      : pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
  const request = new XMLHttpRequest();
  request.open('GET', `/api_v3/index.php?${query}`);
  if (client === 'android') request.onloadend = () => (androidSeeking = false);
  request.send();
}

let played = false;
let ended = false;
let buffering = false;
let reached = new Set();

function percentPlayed() {
  if (!Number.isFinite(video.duration) || video.duration <= 0) return 0;
  return (100 * video.currentTime) / video.duration;
}

/** The emitter's way: every quartile passed, at once, in table order. */
function reportQuartiles() {
  const percent = percentPlayed();
  for (const [limit, eventType] of quartileEvents) {
    if (limit < 100 && percent >= limit && !reached.has(limit)) {
      reached.add(limit);
      send(eventType);
    }
  }
}

/**
 * mwEmbed's and KDP's way: at most one quartile per playhead update, 100 % at 98 %. KDP also skips the
 * quartiles at or before its last seek target.
 */
function reportOneQuartile() {
  const percent = percentPlayed();
  for (const [limit, eventType] of quartileEvents) {
    if (reached.has(limit) || (client === 'kdp' && kdpSeekPercent >= limit)) continue;
    if (percent < (limit === 100 ? 98 : limit)) return;
    reached.add(limit);
    send(eventType);
    return;
  }
}

/** Android's end: the quartiles not yet sent, then 100 %. */
function reportRemainingQuartiles() {
  for (const [limit, eventType] of quartileEvents) {
    if (reached.has(limit)) continue;
    reached.add(limit);
    send(eventType);
  }
}

const whenMetadata = (then) => {
  // The module may run after the metadata has loaded (preload="auto").
  if (video.readyState >= 1) then();
  else video.addEventListener('loadedmetadata', then, { once: true });
};

if (client === 'html5') {
  // KalturaSupport_EntryDataReady (Media Loaded) comes before playerReady, which triggers widgetLoaded.
  whenMetadata(() => {
    send(Event.mediaLoaded);
    send(Event.widgetLoaded);
  });
} else if (client === 'android') {
  // Widget Loaded when the player is READY, Media Loaded with the first PLAYING, just before Play.
  whenMetadata(() => send(Event.widgetLoaded));
} else {
  send(Event.widgetLoaded);
  whenMetadata(() => send(Event.mediaLoaded));
}

video.addEventListener('play', () => {
  if (ended) {
    ended = false;
    // mwEmbed and KDP reset their quartile flags only for a new entry: no quartiles after a replay.
    if (client === '' || client === 'android') reached = new Set();
    send(Event.replay);
  } else if (!played) {
    played = true;
    if (client === 'android') send(Event.mediaLoaded);
    send(Event.play);
  }
});
video.addEventListener('timeupdate', () => {
  if (!played || video.seeking) return;
  if (client === 'html5' || client === 'kdp') reportOneQuartile();
  else reportQuartiles();
});
// The document-shaped emitter and KDP send the Seek as the seek starts (KDP on its scrubber's DO_SEEK,
// then sets its flag); the replay's own seek back to 0 is no user seek for them.
video.addEventListener('seeking', () => {
  if (!played || ended || bug === 'no-seek-event') return;
  if (client === '') send(Event.seek, [['event:newPoint', milliseconds()]]);
  if (client === 'kdp') {
    send(Event.seek);
    kdpSeeked = true;
    kdpSeekPercent = percentPlayed();
  }
});
// mwEmbed sends it on `seeked` (at most one per 2 s); Android on SEEKED, with its flag already set.
let lastSeekSent = 0;
video.addEventListener('seeked', () => {
  if (!played) return;
  if (client === 'html5' && Date.now() - lastSeekSent > 2000) {
    lastSeekSent = Date.now();
    send(Event.seek);
  }
  if (client === 'android' && !ended) {
    androidSeeking = true;
    send(Event.seek);
  }
});
video.addEventListener('waiting', () => {
  if (!played || buffering) return;
  buffering = true;
  send(Event.bufferStart);
});
video.addEventListener('playing', () => {
  if (!buffering) return;
  buffering = false;
  send(Event.bufferEnd);
});
video.addEventListener('ended', () => {
  if (client === 'android') reportRemainingQuartiles();
  else if (client === 'html5' || client === 'kdp') reportOneQuartile();
  else {
    reportQuartiles();
    // The no-complete bug: the end handler is registered on the wrong element and never sends 100 %.
    if (bug !== 'no-complete')
      for (const [limit, eventType] of quartileEvents) if (limit === 100) send(eventType);
  }
  ended = true;
});
// The phantom-seek bug: the start-position logic reports a seek to 0 with the first Play.
if (bug === 'phantom-seek')
  video.addEventListener('play', () => send(Event.seek, [['event:newPoint', 0]]), { once: true });

document.getElementById('variant').textContent = [
  client && `Client: ${client}`,
  bug && `Broken variant: ${bug}`,
]
  .filter(Boolean)
  .join(' · ');
onReady(video, 'stats', bug);
