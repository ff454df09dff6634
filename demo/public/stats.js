// A legacy Kaltura stats emitter as the older HTML5 player (mwEmbed kAnalytics) sends it: GET
// /api_v3/index.php?service=stats&action=collect with `event:`-prefixed parameters (the colon
// percent-encoded), driven by the real <video> element's events. `?bug=quartile-order` breaks it.
import { onReady, randomGuid } from './demo-common.js';

const bug = new URLSearchParams(location.search).get('bug') || '';
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

let firstInSession = true;
function send(eventType, extra = {}) {
  const fields = {
    'event:eventType': eventType,
    'event:clientVer': '2.101',
    // The stale-point bug: the playhead read from a copy that lags 5 s behind.
    'event:currentPoint': Math.round(Math.max(0, video.currentTime - (bug === 'stale-point' ? 5 : 0)) * 1000),
    'event:duration': Number.isFinite(video.duration) ? video.duration : entryDuration,
    'event:eventTimestamp': Date.now(),
    'event:isFirstInSession': String(firstInSession),
    'event:objectType': 'KalturaStatsEvent',
    'event:partnerId': partnerId,
    'event:uiconfId': uiconfId,
    'event:entryId': entryId,
    'event:widgetId': `_${partnerId}`,
    'event:sessionId': sessionId,
    'event:seek': 0,
    'event:referrer': location.href,
    ...extra,
  };
  firstInSession = false;
  const query = new URLSearchParams({ service: 'stats', action: 'collect', clientTag: 'kdp:v2.101' });
  for (const [key, value] of Object.entries(fields)) query.append(key, String(value));
  const request = new XMLHttpRequest();
  request.open('GET', `/api_v3/index.php?${query}`);
  request.send();
}

let played = false;
let ended = false;
let buffering = false;
let reached = new Set();

function reportQuartiles() {
  if (!Number.isFinite(video.duration) || video.duration <= 0) return;
  const percent = (100 * video.currentTime) / video.duration;
  // Quartiles passed by a seek are sent at once, in table order.
  for (const [limit, eventType] of quartileEvents) {
    if (limit < 100 && percent >= limit && !reached.has(limit)) {
      reached.add(limit);
      send(eventType);
    }
  }
}

send(Event.widgetLoaded);
// The module may run after the metadata has loaded (preload="auto").
if (video.readyState >= 1) send(Event.mediaLoaded);
else video.addEventListener('loadedmetadata', () => send(Event.mediaLoaded), { once: true });
video.addEventListener('play', () => {
  if (ended) {
    ended = false;
    reached = new Set();
    send(Event.replay);
  } else if (!played) {
    played = true;
    send(Event.play);
  }
});
video.addEventListener('timeupdate', () => {
  if (played && !video.seeking) reportQuartiles();
});
// Replaying from the end seeks to 0 first: that is no user seek.
video.addEventListener('seeking', () => {
  if (played && !ended && bug !== 'no-seek-event')
    send(Event.seek, { 'event:seek': 1, 'event:newPoint': Math.round(video.currentTime * 1000) });
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
  reportQuartiles();
  // The no-complete bug: the end handler is registered on the wrong element and never sends 100 %.
  if (bug !== 'no-complete')
    for (const [limit, eventType] of quartileEvents) if (limit === 100) send(eventType);
  ended = true;
});
// The phantom-seek bug: the start-position logic reports a seek to 0 with the first Play.
if (bug === 'phantom-seek')
  video.addEventListener('play', () => send(Event.seek, { 'event:seek': 1, 'event:newPoint': 0 }), {
    once: true,
  });

document.getElementById('variant').textContent = bug ? `Broken variant: ${bug}` : '';
onReady(video, 'stats', bug);
