import { describe, expect, it } from 'vitest';
import {
  type JwPing,
  type JwPlayOptions,
  jwRequests,
  livePings,
  vodPings,
} from '../../../../test/helpers/jw-session.js';
import type { CapturedRequest } from '../../capture/captured-request.js';
import { Inspector } from '../../inspector.js';
import { jw } from './index.js';

function findingsOf(requests: CapturedRequest[]) {
  const inspector = new Inspector({ protocols: [jw] });
  inspector.addAll(requests);
  return inspector.findings();
}

function run(pings: JwPing[], options?: JwPlayOptions) {
  return findingsOf(jwRequests(pings, options));
}

function ruleHits(pings: JwPing[], rule: string, options?: JwPlayOptions) {
  return run(pings, options).filter((f) => f.rule === rule);
}

const vod = (pw: number, ti: number, extra: Record<string, string | number | undefined> = {}) => ({
  vd: 72,
  q: 8,
  pw,
  ti,
  ...extra,
});

/** Setup and Play of a 72 s item, which the cases below continue. */
const START: JwPing[] = [
  { e: 'e', at: 0 },
  { e: 's', at: 1, fields: vod(0, 0) },
];

describe('clean JW plays', () => {
  it('a VOD play with a pre-roll, a seek and the completion has no error or warning', () => {
    const list = run(vodPings());
    expect(list.filter((f) => f.severity !== 'info')).toEqual([]);
    // oaid is absent for a viewer who is not logged in: worth knowing only.
    expect(list.map((f) => f.rule)).toEqual(['jw/missing-doc-field']);
  });

  it('a live play with a pause has no error or warning', () => {
    expect(run(livePings()).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('an older app ending with t pw=128 instead of gab has no error or warning', () => {
    const pings = vodPings().filter((p) => p.e !== 'gab');
    pings.push({ e: 't', at: 67, fields: vod(128, 9) });
    expect(run(pings).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('gives the same findings fed one at a time as in a batch', () => {
    const requests = [
      ...jwRequests(vodPings()),
      ...jwRequests([...START, { e: 't', at: 5, fields: vod(24, 3, { fed: '' }) }, { e: 'x', at: 6 }], {
        pli: 'aaaaaaaaaaaa',
      }),
    ];
    const batch = new Inspector({ protocols: [jw] });
    batch.addAll(requests);
    const single = new Inspector({ protocols: [jw] });
    for (const r of requests) {
      single.add(r);
      single.findings();
    }
    expect(single.findings()).toEqual(batch.findings());
    expect(batch.findings().filter((f) => f.severity !== 'info').length).toBeGreaterThan(2);
  });
});

describe('jw/unknown-event', () => {
  it('fires on a missing or unknown e', () => {
    const hits = ruleHits([...START, { e: 'play', at: 2 }, { e: '', at: 3 }], 'jw/unknown-event');
    expect(hits.map((f) => f.message)).toEqual([
      'Expected e to be one of e, i, s, t, vs, gab, but saw "play".',
      'Expected e to be one of e, i, s, t, vs, gab, but saw none.',
    ]);
  });
  it('is silent on the six events', () => {
    expect(ruleHits(vodPings(), 'jw/unknown-event')).toEqual([]);
  });
});

describe('jw/wrong-endpoint', () => {
  it('fires on an impression outside clienta and a content ping in clienta', () => {
    const hits = ruleHits(
      [
        { e: 'e', at: 0 },
        { e: 'i', at: 1, bucket: 'jwplayer6' },
        { e: 's', at: 2, fields: vod(0, 0), bucket: 'clienta' },
      ],
      'jw/wrong-endpoint',
    );
    expect(hits.map((f) => f.beacons)).toEqual([[1], [2]]);
    expect(hits[0]?.message).toContain('/v1/clienta/ping.gif, but it went to /v1/jwplayer6/ping.gif');
  });
  it('is silent when every ping is in its bucket', () => {
    expect(ruleHits(vodPings(), 'jw/wrong-endpoint')).toEqual([]);
  });
});

describe('jw/missing-required', () => {
  it('fires on a missing common field and missing playback fields', () => {
    const hits = ruleHits(
      [
        { e: 'e', at: 0, fields: { aid: undefined, t: '' } },
        { e: 's', at: 1, fields: { vd: 72, q: 8 } },
        { e: 't', at: 10, fields: { vd: 72, q: 8, pw: 16 } },
      ],
      'jw/missing-required',
    );
    expect(hits.map((f) => f.message)).toEqual([
      'Expected aid, t on this Setup ping, but they are missing or empty.',
      'Expected pw on this Play ping, but it is missing or empty.',
      'Expected ti on this Quantile / time ping, but it is missing or empty.',
    ]);
  });
  it('names a key sent in another case (the near miss present)', () => {
    const hits = ruleHits(
      [{ e: 'e', at: 0, fields: { pli: undefined, PLI: 'f5e4d3c2b1a0' } }],
      'jw/missing-required',
    );
    expect(hits.map((f) => f.message)).toEqual([
      'Expected pli on this Setup ping, but it is missing or empty. pli missing; PLI is present (keys are case-sensitive).',
    ]);
  });
  it('is silent on live pings without ti and on fed sent empty', () => {
    expect(ruleHits(livePings(), 'jw/missing-required', { common: { fed: '' } })).toEqual([]);
  });
});

describe('jw/missing-doc-field', () => {
  it('reports absent av and oaid once per play, as info', () => {
    const hits = ruleHits(vodPings(), 'jw/missing-doc-field', { common: { av: undefined } });
    expect(hits.map((f) => [f.severity, f.beacons])).toEqual([
      ['info', [0]],
      ['info', [0]],
    ]);
    expect(hits.map((f) => f.message.split(' ')[3])).toEqual(['av', 'oaid']);
  });
  it('is silent when a logged-in viewer sends oaid and the app its version', () => {
    expect(ruleHits(vodPings(), 'jw/missing-doc-field', { common: { oaid: '12345' } })).toEqual([]);
  });
});

describe('jw/invalid-value', () => {
  it('fires on each broken format', () => {
    const hits = ruleHits(
      [
        {
          e: 'e',
          at: 0,
          fields: { aid: 'short', emi: 'ABCDEF123456', sa: '1700000000', oos: 'Linux', sdk: 9, pss: 0 },
        },
        { e: 's', at: 1, fields: vod(0, 0) },
        { e: 't', at: 10, fields: vod(130, -1) },
      ],
      'jw/invalid-value',
      { pli: 'f5e4d3c2b1a' },
    );
    expect(hits.map((f) => f.message.match(/^Expected (\w+)/)?.[1])).toEqual([
      'aid',
      'emi',
      'pli',
      'sa',
      'oos',
      'sdk',
      'pss',
      'pw',
      'ti',
    ]);
    // The same bad pli on every ping is one finding that lists them.
    expect(hits[2]?.beacons).toEqual([0, 1, 2]);
    expect(hits[2]?.message).toBe(
      'Expected pli to be 12 characters of [0-9a-z], but saw "f5e4d3c2b1a" on 3 of 3 beacons.',
    );
  });
  it('is silent on the values the reference app sends', () => {
    expect(ruleHits(vodPings(), 'jw/invalid-value', { common: { oos: 'Android TV', sdk: 1 } })).toEqual([]);
  });
});

describe('jw/quantile-mismatch', () => {
  it('is silent on q from the unrounded duration: the web app sends vd=60, q=4 for 59.7 s', () => {
    const pings: JwPing[] = [
      { e: 'e', at: 0 },
      { e: 's', at: 1, fields: { vd: 60, q: 4, pw: 0, ti: 0 } },
      { e: 't', at: 16, fields: { vd: 60, q: 4, pw: 32, ti: 15 } },
    ];
    expect(ruleHits(pings, 'jw/quantile-mismatch')).toEqual([]);
    pings[1] = { e: 's', at: 1, fields: { vd: 61, q: 4, pw: 0, ti: 0 } };
    expect(ruleHits(pings, 'jw/quantile-mismatch').map((f) => f.message)).toEqual([
      'Expected q=8 for vd=61 by the quantile table, but saw q=4.',
    ]);
  });
  it('fires when q does not follow vd, once per play', () => {
    const hits = ruleHits(
      [
        { e: 'e', at: 0 },
        { e: 's', at: 1, fields: vod(0, 0, { q: 4 }) },
        { e: 't', at: 19, fields: vod(32, 18, { q: 4 }) },
      ],
      'jw/quantile-mismatch',
    );
    expect(hits.map((f) => f.message)).toEqual([
      'Expected q=8 for vd=72 by the quantile table, but saw q=4.',
    ]);
  });
  it('fires on a VOD Play not at pw=0, a time ping off its quantile and an end ping without pw=128', () => {
    const hits = ruleHits(
      [
        { e: 'e', at: 0 },
        { e: 's', at: 1, fields: vod(3, 0) },
        { e: 't', at: 14, fields: vod(24, 13) },
        { e: 't', at: 20, fields: vod(32, 5) },
        { e: 'gab', at: 72, fields: vod(127, 40) },
      ],
      'jw/quantile-mismatch',
    );
    expect(hits.map((f) => f.message)).toEqual([
      'Expected pw=0 on the VOD Play (s), but saw pw=3.',
      "Expected the time ping's pw at or just past a multiple of 16 (128/q), but saw pw=24, 8 past 16.",
      'Expected pw=128 on the end ping at the end of the item, but Abandon / complete (gab) carried pw=127.',
    ]);
  });
  it('fires on a live ping without pw=-1', () => {
    const hits = ruleHits(
      [
        { e: 'e', at: 0 },
        { e: 's', at: 1, fields: { vd: 0, q: 0, pw: 0 } },
      ],
      'jw/quantile-mismatch',
    );
    expect(hits.map((f) => f.message)).toEqual(['Expected pw=-1 on a live ping (vd=0), but saw pw=0.']);
  });
  it('is silent on an abandon mid-item, a time ping just past its multiple and one right after a seek', () => {
    const pings: JwPing[] = [
      ...START,
      { e: 't', at: 10, fields: vod(18, 9) },
      { e: 'vs', at: 12, fields: vod(18, 9) },
      { e: 't', at: 15, fields: vod(88, 3) },
      { e: 'gab', at: 20, fields: vod(97, 5) },
    ];
    expect(ruleHits(pings, 'jw/quantile-mismatch')).toEqual([]);
    expect(ruleHits(livePings(), 'jw/quantile-mismatch')).toEqual([]);
  });
});

describe('jw/order', () => {
  it('fires on a play not starting with Setup, time before Play and a second Play', () => {
    const hits = ruleHits(
      [
        { e: 't', at: 0, fields: vod(16, 9) },
        { e: 's', at: 1, fields: vod(16, 0) },
        { e: 's', at: 2, fields: vod(16, 0) },
      ],
      'jw/order',
    );
    expect(hits.map((f) => f.message)).toEqual([
      'Expected the play to start with Setup (e), but its first ping was Quantile / time (t).',
      'Expected Play (s) before Quantile / time (t), but no Play came first.',
      'Expected one Play (s) per play, but saw a second one.',
    ]);
  });
  it('fires on pings after gab, sa going back and pw going back without a seek', () => {
    const hits = ruleHits(
      [
        ...START,
        { e: 't', at: 10, fields: vod(32, 9) },
        { e: 't', at: 9, fields: vod(16, 9) },
        { e: 'gab', at: 20, fields: vod(40, 2) },
        { e: 'i', at: 21 },
      ],
      'jw/order',
    );
    expect(hits.map((f) => f.message)).toEqual([
      `Expected sa never to decrease, but it went from ${1_700_000_010_000} back to ${1_700_000_009_000}.`,
      'Expected pw not to go back without a Seeked (vs) between, but it went from 32 to 16.',
      'Expected nothing but a new Setup (e) after Abandon / complete (gab), but saw Ad impression (i).',
    ]);
  });
  it('is silent on a seek back, and on pre-roll impressions before Play', () => {
    const pings: JwPing[] = [
      { e: 'e', at: 0 },
      { e: 'i', at: 1 },
      { e: 's', at: 2, fields: vod(0, 0) },
      { e: 't', at: 11, fields: vod(16, 9) },
      { e: 'vs', at: 12, fields: vod(16, 9) },
      { e: 't', at: 20, fields: vod(0, 0) },
    ];
    expect(ruleHits(pings, 'jw/order')).toEqual([]);
  });
});

describe('jw/ping-interval', () => {
  it('fires on a VOD ti far from vd/q in steady play', () => {
    const hits = ruleHits(
      [...START, { e: 't', at: 10, fields: vod(16, 9) }, { e: 't', at: 14, fields: vod(32, 4) }],
      'jw/ping-interval',
    );
    expect(hits.map((f) => f.message)).toEqual([
      'Expected ti about 9 s (vd/q) between time pings, but saw ti=4.',
    ]);
  });
  it('fires on live time pings far more often than every 20 s', () => {
    const hits = ruleHits(
      [
        ...START.slice(0, 1),
        { e: 's', at: 1, fields: { vd: 0, q: 0, pw: -1 } },
        { e: 't', at: 6, fields: { vd: 0, q: 0, pw: -1, ti: 5 } },
      ],
      'jw/ping-interval',
    );
    expect(hits.map((f) => f.message)).toEqual([
      'Expected a live time ping about every 20 s of watching, but this one came after ti=5 s.',
    ]);
  });
  it('honours the configured tolerance', () => {
    const inspector = new Inspector({ protocols: [jw], config: { jw: { pingIntervalTolerance: 6 } } });
    inspector.addAll(
      jwRequests([...START, { e: 't', at: 10, fields: vod(16, 9) }, { e: 't', at: 14, fields: vod(32, 4) }]),
    );
    expect(inspector.findings().filter((f) => f.rule === 'jw/ping-interval')).toEqual([]);
  });
  it('honours the configured live interval', () => {
    const inspector = new Inspector({ protocols: [jw], config: { jw: { livePingIntervalSeconds: 30 } } });
    inspector.addAll(jwRequests(livePings()));
    const hits = inspector.findings().filter((f) => f.rule === 'jw/ping-interval');
    expect(hits.map((f) => f.beacons)).toEqual([[2], [3], [5]]);
  });
  it('is silent after a seek, on a first ping after a start at a resume point and on live after a pause', () => {
    const pings: JwPing[] = [
      ...START,
      { e: 't', at: 4, fields: vod(64, 3) },
      { e: 't', at: 13, fields: vod(80, 9) },
      { e: 'vs', at: 14, fields: vod(80, 9) },
      { e: 't', at: 30, fields: vod(96, 20) },
    ];
    expect(ruleHits(pings, 'jw/ping-interval')).toEqual([]);
    expect(ruleHits(livePings(), 'jw/ping-interval')).toEqual([]);
  });
});

// The cases follow the OTT web app's ping script (jwpltx.js): a t on the first tick whose pw reaches the
// next multiple of 128/q; no t between a seek and its vs; s with pw=0 also on a start mid-content.
describe('jw/lost-ping', () => {
  const RULE = 'jw/lost-ping';
  it('fires at the time ping after one or two lost ones, saying how many', () => {
    const hits = ruleHits(
      [
        ...START,
        { e: 't', at: 10, fields: vod(16, 9) },
        { e: 't', at: 28, fields: vod(48, 9) },
        { e: 't', at: 55, fields: vod(96, 9) },
      ],
      RULE,
    );
    expect(hits.map((f) => [f.severity, f.beacons, f.message])).toEqual([
      [
        'error',
        [3],
        'Expected the next time ping one quantile (128/q = 16) after pw=16, but it came at pw=48 with no ' +
          'Seeked (vs) between: 1 time ping (pw=32) lost, or a Seeked (vs) missing.',
      ],
      [
        'error',
        [4],
        'Expected the next time ping one quantile (128/q = 16) after pw=48, but it came at pw=96 with no ' +
          'Seeked (vs) between: 2 time pings (pw=64, 80) lost, or a Seeked (vs) missing.',
      ],
    ]);
  });
  it('judges the second time ping after a seek, and the one after a t at pw=0 (a start at 0)', () => {
    const hits = ruleHits(
      [
        ...START,
        { e: 't', at: 1, fields: vod(0, 0) },
        { e: 't', at: 19, fields: vod(32, 18) },
        { e: 'vs', at: 20, fields: vod(32, 18) },
        { e: 't', at: 25, fields: vod(80, 5) },
        { e: 't', at: 43, fields: vod(112, 9) },
      ],
      RULE,
    );
    expect(hits.map((f) => f.beacons)).toEqual([[3], [6]]);
  });
  it('is silent on a clean play, a start mid-content and after a seek', () => {
    expect(ruleHits(vodPings(), RULE)).toEqual([]);
    const resumed: JwPing[] = [
      ...START,
      { e: 't', at: 1, fields: vod(64, 0) },
      { e: 't', at: 10, fields: vod(80, 9) },
      { e: 't', at: 19, fields: vod(96, 9) },
    ];
    expect(ruleHits(resumed, RULE)).toEqual([]);
    expect(ruleHits(livePings(), RULE)).toEqual([]);
  });
  it('is silent on the end ping and a gab sent within 1 s of a seek, before its vs', () => {
    // Complete and player removal clear the pending vs: the gab follows the seek directly.
    const completed: JwPing[] = [
      ...START,
      { e: 't', at: 10, fields: vod(16, 9) },
      { e: 'gab', at: 11, fields: vod(128, 0) },
    ];
    const removed: JwPing[] = [
      ...START,
      { e: 't', at: 10, fields: vod(16, 9) },
      { e: 'gab', at: 11, fields: vod(90, 1) },
    ];
    const olderApp: JwPing[] = [
      ...START,
      { e: 't', at: 10, fields: vod(16, 9) },
      { e: 't', at: 11, fields: vod(128, 1) },
    ];
    for (const pings of [completed, removed, olderApp]) expect(ruleHits(pings, RULE)).toEqual([]);
  });
  it('does not judge a time ping after the end ping against it (a replay in the same play)', () => {
    const pings: JwPing[] = [
      ...START,
      { e: 't', at: 10, fields: vod(112, 9) },
      { e: 'gab', at: 19, fields: vod(128, 9) },
      { e: 't', at: 40, fields: vod(16, 9) },
      { e: 't', at: 49, fields: vod(32, 9) },
    ];
    expect(ruleHits(pings, RULE)).toEqual([]);
  });
});

describe('jw/constant-changed', () => {
  it('fires when vd or q change after Play, or an app field changes', () => {
    const hits = ruleHits(
      [
        ...START,
        { e: 't', at: 10, fields: vod(16, 9, { vd: 80 }) },
        { e: 't', at: 19, fields: vod(32, 9, { vd: 80, oiid: 'other123' }) },
      ],
      'jw/constant-changed',
    );
    expect(hits.map((f) => f.message)).toEqual([
      'Expected vd to stay "72" within the play, but it changed to "80".',
      'Expected oiid to stay "4fa7c9e1" within the play, but it changed to "other123".',
    ]);
  });
  it('is silent on a whole play, and when oaid appears after a login', () => {
    expect(ruleHits(vodPings(), 'jw/constant-changed')).toEqual([]);
    const pings: JwPing[] = [...START, { e: 't', at: 10, fields: vod(16, 9, { oaid: '42' }) }];
    expect(ruleHits(pings, 'jw/constant-changed')).toEqual([]);
  });
});

describe('jw/empty-value', () => {
  it('warns once per play when fed or av is sent empty', () => {
    const hits = ruleHits(vodPings(), 'jw/empty-value', { common: { fed: '', av: '' } });
    expect(hits.map((f) => [f.severity, f.beacons])).toEqual([
      ['warning', [0]],
      ['warning', [0]],
    ]);
    expect(hits[0]?.message).toBe(
      'Expected a value in fed, but it was sent empty (the item was opened outside a feed, so its feed context is lost).',
    );
  });
  it('is silent when both carry values', () => {
    expect(ruleHits(vodPings(), 'jw/empty-value')).toEqual([]);
  });
});
