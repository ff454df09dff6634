import { describe, expect, it } from 'vitest';
import { type JwPing, jwRequests } from '../../../../test/helpers/jw-session.js';
import { KavaSession } from '../../../../test/helpers/kava-session.js';
import { type StatsEvent, statsRequest } from '../../../../test/helpers/stats-session.js';
import { AUDIT_STEPS, simulateVideo, TRUTH_START, truthOf } from '../../../../test/helpers/truth-video.js';
import type { CapturedRequest } from '../../capture/captured-request.js';
import type { Config } from '../../config/config.js';
import { Inspector } from '../../inspector.js';
import type { TruthRecord } from '../record.js';

function truthFindings(requests: readonly CapturedRequest[], truth: TruthRecord, config?: Config) {
  const inspector = new Inspector(config ? { config } : {});
  inspector.addAll(requests);
  inspector.setTruth(truth);
  return inspector.findings().filter((f) => f.rule.startsWith('truth/'));
}

const audit = () => truthOf([simulateVideo(AUDIT_STEPS)]);

/** Parameters to change on one KAVA beacon, or null to leave it out. */
type KavaChange = (type: number, at: number) => { [key: string]: number | undefined } | null;

/** KAVA as Kaltura's player reports the audit's viewing (docs/real-player.md), with `change` applied. */
function kavaBeacons(change: KavaChange = () => ({})) {
  const s = new KavaSession();
  const send = (type: number, at: number, position: number, extra: Record<string, number> = {}) => {
    const changed = change(type, at);
    if (changed === null) return;
    // An empty change (`cond ? {...} : {}`) leaves the beacon as the player sends it.
    const set = Object.entries(changed).filter((e): e is [string, number] => e[1] !== undefined);
    s.send(type, at, position, { ...extra, ...Object.fromEntries(set) });
  };
  send(1, 0.5, 0);
  send(2, 1, 0.003);
  send(3, 1.02, 0.01);
  send(99, 1.02, 0.01, { playTimeSum: 0 });
  send(99, 11.02, 10, { playTimeSum: 10 });
  send(33, 12, 11);
  send(4, 15, 11);
  send(35, 15.5, 48, { targetPosition: 48 });
  for (const q of [11, 12, 13]) send(q, 15.51, 48);
  send(99, 24, 56.5, { playTimeSum: 20 });
  send(14, 27.2, 59.7);
  send(33, 27.52, 60);
  return s.requests;
}

/** The demo's stats emitter for the same viewing. */
function statsBeacons(change: (e: StatsEvent) => StatsEvent | null = (e) => e) {
  const events: StatsEvent[] = [
    { type: 1, at: 0.1, position: 0 },
    { type: 2, at: 0.2, position: 0 },
    { type: 3, at: 1.01, position: 0 },
    { type: 17, at: 15.5, position: 48, fields: { seek: 1, newPoint: 48000 } },
    { type: 4, at: 15.52, position: 48 },
    { type: 5, at: 15.52, position: 48 },
    { type: 6, at: 15.52, position: 48 },
    { type: 7, at: 27.52, position: 60 },
  ];
  return events.flatMap((e) => {
    const out = change(e);
    return out ? [statsRequest(out)] : [];
  });
}

const vod = (pw: number, ti: number) => ({ vd: 60, q: 8, pw, ti });

/** The demo's JW emitter for the same viewing: a time ping every 7.5 s of play (pw multiples of 16). */
function jwBeacons(change: (p: JwPing) => JwPing | null = (p) => p) {
  const pings: JwPing[] = [
    { e: 'e', at: 0.1 },
    { e: 's', at: 1.26, fields: vod(0, 0) },
    { e: 't', at: 8.52, fields: vod(16, 7) },
    { e: 'vs', at: 16.52, fields: vod(16, 7) },
    { e: 't', at: 22.52, fields: vod(112, 11) },
    { e: 'gab', at: 27.52, fields: vod(128, 5) },
  ];
  return jwRequests(pings.flatMap((p) => (change(p) ? [change(p) as JwPing] : [])));
}

const rules = (list: { rule: string }[]) => list.map((f) => f.rule);

describe('truth/… rules on a clean capture', () => {
  it('KAVA, stats and JW reporting what the video did give no truth finding', () => {
    expect(truthFindings(kavaBeacons(), audit())).toEqual([]);
    expect(truthFindings(statsBeacons(), audit())).toEqual([]);
    expect(truthFindings(jwBeacons(), audit())).toEqual([]);
  });

  it('a replay (seek back to 0 by the browser, Replay and Resume) is no finding', () => {
    // play() on an ended video seeks to 0 first, then plays; the viewer pauses 4 s later.
    const steps = [
      ...AUDIT_STEPS,
      { at: 30, action: 'seek' as const, to: 0 },
      { at: 30.03, action: 'play' as const },
      { at: 34, action: 'pause' as const },
    ];
    // The same session id: Kaltura's player keeps it (eventIndex is not judged by the truth rules).
    const replay = new KavaSession();
    replay.send(35, 30.01, 0, { targetPosition: 0 });
    replay.send(34, 30.05, 0.02);
    replay.send(4, 30.06, 0.03);
    replay.send(33, 34, 3.97);
    expect(truthFindings([...kavaBeacons(), ...replay.requests], truthOf([simulateVideo(steps)]))).toEqual(
      [],
    );
  });

  it('without a truth record no truth rule runs', () => {
    const inspector = new Inspector();
    inspector.addAll(kavaBeacons((type) => (type === 33 ? null : {})));
    expect(rules(inspector.findings()).filter((r) => r.startsWith('truth/'))).toEqual([]);
  });
});

describe('truth/no-beacons', () => {
  it('fires when the video played and nothing was sent', () => {
    const list = truthFindings([], audit());
    expect(rules(list)).toEqual(['truth/no-beacons']);
    expect(list[0]?.severity).toBe('error');
    expect(list[0]?.message).toMatch(/video#video1 played 2\d(\.\d)? s but no analytics beacon/);
  });

  it('is silent when the video never played', () => {
    expect(truthFindings([], truthOf([simulateVideo([{ at: 0, action: 'load' }])]))).toEqual([]);
  });
});

describe('truth/event-not-reported', () => {
  it('fires for a real pause KAVA did not report', () => {
    const list = truthFindings(
      kavaBeacons((type, at) => (type === 33 && at < 20 ? null : {})),
      audit(),
    );
    expect(rules(list)).toEqual(['truth/event-not-reported']);
    expect(list[0]?.message).toMatch(
      /^video#video1 paused at 22\.0 s but no Kaltura KAVA beacon reported it/,
    );
  });

  it('fires for a real seek stats and JW did not report', () => {
    expect(
      rules(
        truthFindings(
          statsBeacons((e) => (e.type === 17 ? null : e)),
          audit(),
        ),
      ),
    ).toEqual(['truth/event-not-reported']);
    expect(
      rules(
        truthFindings(
          jwBeacons((p) => (p.e === 'vs' ? null : p)),
          audit(),
        ),
      ),
    ).toEqual(['truth/event-not-reported']);
  });

  it('is silent for the browser’s own pause at the end and for events the protocol has no beacon for', () => {
    // KAVA without the end-of-media Pause; stats and JW send no pause at all.
    expect(
      truthFindings(
        kavaBeacons((type, at) => (type === 33 && at > 20 ? null : {})),
        audit(),
      ),
    ).toEqual([]);
    expect(truthFindings(statsBeacons(), audit())).toEqual([]);
  });

  it('is silent for an event at the very end of a recording still running', () => {
    const truth = audit();
    delete truth.end;
    expect(
      truthFindings(
        kavaBeacons((type, at) => (type === 33 && at > 20 ? null : {})),
        truth,
      ),
    ).toEqual([]);
  });
});

describe('truth/event-not-real', () => {
  it('fires for a KAVA Pause the viewer never made', () => {
    const list = truthFindings(
      kavaBeacons((type, at) => (type === 99 && at < 2 ? { eventType: 33 } : {})),
      audit(),
    );
    expect(rules(list)).toEqual(['truth/event-not-real']);
    expect(list[0]?.message).toMatch(
      /^Pause clicked \(33\) at 11\.0 s, but video#video1 had not paused within 3 s/,
    );
    expect(list[0]?.beacons).toHaveLength(1);
  });

  it('fires for a stats Seek and a JW Seeked that did not happen', () => {
    const phantomStats = statsBeacons();
    phantomStats.push(statsRequest({ type: 17, at: 5, position: 4, fields: { seek: 1, newPoint: 4000 } }));
    expect(rules(truthFindings(phantomStats, audit()))).toContain('truth/event-not-real');
    const phantomJw = jwBeacons((p) => (p.e === 't' && p.at < 10 ? { ...p, e: 'vs' } : p));
    expect(rules(truthFindings(phantomJw, audit()))).toContain('truth/event-not-real');
  });

  it('is silent just after recording began on a video that was already there (its cause is unknown)', () => {
    const phantom = kavaBeacons((type, at) => (type === 99 && at < 2 ? { eventType: 33 } : {}));
    const truth = audit();
    truth.start = TRUTH_START - 1000;
    const video = truth.videos[0];
    if (!video) throw new Error('no video');
    // What the recorder reports for an element it finds on a page already loaded: a sample first.
    video.events = [
      { time: TRUTH_START - 900, type: 'sample', position: 0, duration: 60 },
      ...video.events.filter((e) => e.type !== 'loadstart' && e.type !== 'durationchange'),
    ];
    expect(rules(truthFindings(phantom, truth))).not.toContain('truth/event-not-real');
    // Seen from its load, the same Pause is judged.
    expect(rules(truthFindings(phantom, { ...audit(), start: TRUTH_START - 1000 }))).toContain(
      'truth/event-not-real',
    );
  });

  it('is silent for a beacon within the tolerance of its event, and for Setup pings with no new source', () => {
    const late = kavaBeacons((type, at) => (type === 33 && at < 20 ? { eventIndex: 6 } : {}));
    expect(truthFindings(late, audit())).toEqual([]);
    const setupOnReplay = jwBeacons();
    setupOnReplay.push(...jwRequests([{ e: 'e', at: 29 }], { pli: 'b1c2d3e4f5a6' }));
    expect(truthFindings(setupOnReplay, audit())).toEqual([]);
  });
});

describe('truth/playhead-mismatch', () => {
  it('fires for a KAVA position 5 s off, a stats currentPoint lagging and a JW pw from a late clock', () => {
    const kava = truthFindings(
      kavaBeacons((type, at) => (type === 99 && at > 10 && at < 12 ? { position: 15 } : {})),
      audit(),
    );
    expect(rules(kava)).toEqual(['truth/playhead-mismatch']);
    expect(kava[0]?.message).toMatch(
      /reports position 15 s but the video was at 9 s–10\.3 s \(tolerance 1\.5 s\)/,
    );
    const stats = statsBeacons((e) => (e.type === 7 ? { ...e, position: 55 } : e));
    expect(rules(truthFindings(stats, audit()))).toEqual(['truth/playhead-mismatch']);
    const jw = jwBeacons((p) => (p.e === 't' && p.at > 20 ? { ...p, fields: vod(96, 7) } : p));
    expect(rules(truthFindings(jw, audit()))).toContain('truth/playhead-mismatch');
  });

  it('is silent within the tolerance, and on the Seek that reports its target', () => {
    const near = kavaBeacons((type, at) => (type === 99 && at > 10 && at < 12 ? { position: 11.2 } : {}));
    expect(truthFindings(near, audit())).toEqual([]);
    const strict: Config = { truth: { playheadToleranceSeconds: 0.5 } };
    expect(rules(truthFindings(near, audit(), strict))).toEqual(['truth/playhead-mismatch']);
  });
});

describe('truth/watched-time', () => {
  it('fires when KAVA playTimeSum counts the paused seconds', () => {
    const list = truthFindings(
      kavaBeacons((type, at) => (type === 99 && at > 20 ? { playTimeSum: 23 } : {})),
      audit(),
    );
    expect(rules(list)).toEqual(['truth/watched-time']);
    expect(list[0]?.message).toMatch(
      /playTimeSum grew by 13 s since View \(99\) .* but the video played 9\.\d s in between/,
    );
    expect(list[0]?.beacons).toHaveLength(2);
  });

  it('fires when a JW ti counts a seek as watched', () => {
    const jw = jwBeacons((p) => (p.e === 't' && p.at > 20 ? { ...p, fields: vod(112, 44) } : p));
    expect(rules(truthFindings(jw, audit()))).toEqual(['truth/watched-time']);
  });

  it('is silent after a KAVA session reset (playTimeSum restarts) and within the tolerance', () => {
    const reset = kavaBeacons((type, at) => (type === 99 && at > 20 ? { playTimeSum: 1.5 } : {}));
    expect(truthFindings(reset, audit())).toEqual([]);
    const near = kavaBeacons((type, at) => (type === 99 && at > 20 ? { playTimeSum: 21.5 } : {}));
    expect(truthFindings(near, audit())).toEqual([]);
  });
});

describe('truth/quartile-mismatch', () => {
  it('fires for a quartile reported before the video reached it', () => {
    const list = truthFindings(
      kavaBeacons((type, at) => (type === 99 && at > 10 && at < 12 ? { eventType: 11 } : {})),
      audit(),
    );
    expect(rules(list)).toContain('truth/quartile-mismatch');
    expect(list.find((f) => f.rule === 'truth/quartile-mismatch')?.message).toMatch(
      /reports 25%, but the video had only reached 10\.\d of 60\.0 s/,
    );
  });

  it('fires for a completion the video played through and nobody reported, and for JW’s early complete', () => {
    const stats = truthFindings(
      statsBeacons((e) => (e.type === 7 ? null : e)),
      audit(),
    );
    expect(rules(stats)).toEqual(['truth/quartile-mismatch']);
    expect(stats[0]?.message).toMatch(/played through 100% at 37\.5 s but no Kaltura stats beacon/);
    const jw = jwBeacons((p) => (p.e === 'gab' ? { ...p, at: 21 } : p.e === 't' && p.at > 20 ? null : p));
    expect(rules(truthFindings(jw, audit()))).toContain('truth/quartile-mismatch');
  });

  it('is silent for KAVA’s 100% a little before the end and for quartiles skipped by a seek', () => {
    // kavaBeacons sends 14 at 59.7 s and 25–75% at once after the seek past them.
    expect(truthFindings(kavaBeacons(), audit())).toEqual([]);
    // Without the tolerance, the early 100% would be judged too early.
    const strict: Config = { truth: { quartileToleranceSeconds: 0 } };
    expect(rules(truthFindings(kavaBeacons(), audit(), strict))).toEqual(['truth/quartile-mismatch']);
  });
});

describe('rule severities from the config', () => {
  it('a truth rule can be turned off or downgraded like any other', () => {
    expect(truthFindings([], audit(), { rules: { 'truth/no-beacons': 'off' } })).toEqual([]);
    expect(truthFindings([], audit(), { rules: { 'truth/no-beacons': 'warning' } })[0]?.severity).toBe(
      'warning',
    );
  });
});
