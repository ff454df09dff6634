// Synthetic but realistic beacon sessions for the benchmarks: the shapes of kava.md, kaltura-stats.md and
// jw-ping.md (parameter order, encodings, ~100 beacons per session), with ids varying per session.

const START = 1_700_000_000_000;
export const SESSION_LENGTH = 100;

const hex = (n, width) => n.toString(16).padStart(width, '0').slice(-width);
const enc = encodeURIComponent;

function request(id, url, startTime, extra = {}) {
  return { id: String(id), method: 'GET', url, status: 200, startTime, initiatorType: 'xhr', ...extra };
}

/**
 * One KAVA session of Kaltura's player on a 15 min VOD: 1 → 2 → 3 → 99 every 10 s of play, quartiles,
 * two pauses (Pause / Resume), one seek and one buffering pair; ~100 GET beacons.
 */
function* kavaSession(s) {
  const sessionId = `${hex(s * 2654435761, 8)}-7a3c-4a1e-9c55-${hex(s, 12)}:0c8e7d6f-1a2b-4c3d-8e9f-${hex(s * 7, 12)}`;
  const start = START + s * 1_000_000;
  const base =
    'https://analytics.kaltura.com/api_v3/index.php?service=analytics&action=trackEvent&apiVersion=3.3.0&format=1';
  const referrer = enc(enc('https://www.example.com/watch/episode-1?autoplay=0&list=series'));
  let index = 0;
  let serverStart;
  const send = (eventType, at, position, extra = '') => {
    index += 1;
    const time = start + Math.round(at * 1000);
    const sst = serverStart !== undefined && eventType !== 4 ? `&sessionStartTime=${serverStart}` : '';
    const url =
      `${base}&eventType=${eventType}&partnerId=2215841&entryId=1_w9zx2eti&sessionId=${enc(sessionId)}` +
      `&eventIndex=${index}${sst}&referrer=${referrer}&deliveryType=url&playbackType=vod&clientVer=3.17.95` +
      `&clientTag=html5%3Av3.17.95&position=${position}&uiConfId=45145051${extra}`;
    if (serverStart === undefined || eventType === 4) serverStart = Math.floor(time / 1000);
    return request(`k${s}-${index}`, url, time, { responseText: String(Math.floor(time / 1000)) });
  };
  const view = (playTime) =>
    `&playTimeSum=${playTime}&bufferTime=0&bufferTimeSum=0.3&actualBitrate=1367.1875` +
    '&averageBitrate=1364.9602640000000005&audioLanguage=&captionsLanguage=&soundMode=2&tabMode=2' +
    '&playbackSpeed=1&droppedFramesRatio=0&networkConnectionType=4g&forwardBufferHealth=0.83' +
    `&manifestDownloadTime=112&segmentDownloadTime=340&bandwidth=7.4&targetBuffer=30`;
  const duration = 900;
  yield send(1, 0, 0);
  yield send(2, 2, 0);
  yield send(
    3,
    2.5,
    0,
    '&bufferTime=0&bufferTimeSum=0&actualBitrate=1367.1875&joinTime=0.412&canPlay=0.261&networkConnectionType=4g',
  );
  let at = 2.5;
  let position = 0;
  let quartile = 0;
  yield send(99, at, 0, view(0));
  // 92 more beacons: Views every 10 s, with quartiles, pauses, a seek and buffering folded in.
  for (let n = 1; index < SESSION_LENGTH - 1; n++) {
    at += 10;
    position += 10;
    if (position >= ((quartile + 1) * duration) / 4 - 10 && quartile < 3) {
      quartile += 1;
      yield send(10 + quartile, at - 0.05, position - 0.05);
    }
    // Pauses, a seek and buffering happen between two Views, which keep coming every 10 s of play.
    if (n % 30 === 0) {
      yield send(33, at - 5, position - 5);
      at += 3;
      yield send(4, at - 5, position - 5, '&bufferTime=0.3&bufferTimeSum=0.3&actualBitrate=1367.1875');
    } else if (n === 45) {
      yield send(35, at - 5, position - 5, `&targetPosition=${position + 15}`);
      position += 20;
    } else if (n === 50) {
      yield send(45, at - 5, position - 5);
      yield send(46, at - 4.6, position - 5);
    }
    yield send(99, at, position, view(n * 10));
  }
  yield send(14, at + 1, duration);
}

/** One legacy stats session (KDP style `event%3A` keys): widget, media, play, buffering, quartiles, seeks. */
function* statsSession(s) {
  const sessionId = `BE9F3DA9-4CAD-09AA-${hex(s, 4)}-${hex(s * 2654435761, 12)}`.toUpperCase();
  const start = START + s * 1_000_000;
  let i = 0;
  const send = (type, at, position, fields = '') => {
    i += 1;
    const time = start + Math.round(at * 1000);
    const url =
      `https://stats.kaltura.com/api_v3/index.php?service=stats&action=collect&clientTag=kdp%3Av3.9.9` +
      `&event%3AsessionId=${sessionId}&event%3AeventType=${type}&event%3ApartnerId=1234` +
      `&event%3AentryId=0_abcd1234&event%3AuiconfId=23448199&event%3AwidgetId=_1234&event%3AclientVer=2.88` +
      `&event%3Aduration=900&event%3Areferrer=${enc('https://example.com/watch?v=1')}` +
      `&event%3AeventTimestamp=${time}&event%3AcurrentPoint=${Math.round(position * 1000)}&event%3Aseek=${type === 17}${fields}`;
    return request(`s${s}-${i}`, url, time);
  };
  yield send(1, 0, 0);
  yield send(2, 1, 0);
  yield send(3, 2, 0);
  let at = 2;
  let position = 0;
  // Buffering pairs, full screen pairs and seeks through a 15 min play, quartiles at each quarter.
  for (let n = 1; i < SESSION_LENGTH - 1; n++) {
    at += 9;
    position += 9;
    const q = Math.floor((position / 900) * 4);
    if (q >= 1 && q <= 3 && Math.floor(((position - 9) / 900) * 4) < q) yield send(3 + q, at, position);
    else if (n % 3 === 0) {
      yield send(17, at, position, `&event%3AnewPoint=${Math.round((position + 1) * 1000)}`);
      position += 1;
    } else if (n % 3 === 1) {
      yield send(12, at, position);
      yield send(13, at + 0.5, position);
    } else {
      yield send(14, at, position);
      yield send(15, at + 2, position);
    }
  }
  yield send(7, at + 1, 899);
}

/** One JW OTT web-app play of a 15 min item (q=32): setup, pre-roll, play, time pings, seeks, complete. */
function* jwSession(s) {
  const pli = hex(s * 2654435761 + 17, 12);
  const emi = hex(s * 40503 + 3, 12);
  const start = START + s * 1_000_000;
  let i = 0;
  const send = (e, at, fields = '') => {
    i += 1;
    const time = start + Math.round(at * 1000);
    const bucket = e === 'i' ? 'clienta' : 'jwplayer6';
    const url =
      `https://ihe.jwpltx.com/v1/${bucket}/ping.gif?e=${e}&sa=${time}&aid=AbCdEfGhIjKlMnOpQrSt_1&pss=1` +
      `&oos=Web&oosv=5&sdk=0&bun=app.example.com&fed=Xy12Ab34&id=AbCd1234&t=${enc('Big Buck Bunny')}` +
      `&oiid=4fa7c9e1&av=4.30.0&emi=${emi}&pli=${pli}${fields}`;
    return request(`j${s}-${i}`, url, time, {
      method: 'POST',
      body: { kind: 'text', text: '' },
      initiatorType: 'beacon',
    });
  };
  const vd = 900;
  const q = 32;
  const play = (pw, ti) => `&vd=${vd}&q=${q}&pw=${pw}&ti=${ti}`;
  yield send('e', 0);
  yield send('i', 1);
  yield send('s', 16, play(0, 0));
  let at = 16;
  let pw = 0;
  // A 15 min item has 32 quantiles: replays of the item (new `e`) keep the session near 100 pings.
  while (i < SESSION_LENGTH - 1) {
    at += vd / q;
    pw += 128 / q;
    if (pw >= 128) break;
    yield send('t', at, play(pw, Math.round(vd / q)));
    if (pw === 64) yield send('vs', at + 1, play(pw, Math.round(vd / q)));
  }
  yield send('gab', at, play(128, Math.round(vd / q)));
}

export const PROTOCOLS = {
  kava: kavaSession,
  'kaltura-stats': statsSession,
  jw: jwSession,
};

/**
 * `count` requests of one protocol, session after session; several sessions interleave the way several
 * players on one page would (round robin over `parallel` sessions).
 */
export function* requests(protocol, count, parallel = 4) {
  const make = PROTOCOLS[protocol];
  let next = 0;
  const open = [];
  let produced = 0;
  while (produced < count) {
    while (open.length < parallel) open.push(make(next++));
    const gen = open.shift();
    const item = gen.next();
    if (item.done) continue;
    open.push(gen);
    produced += 1;
    yield item.value;
  }
}
