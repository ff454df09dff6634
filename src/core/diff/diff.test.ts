import { describe, expect, it } from 'vitest';
import { jwRequests, vodPings } from '../../../test/helpers/jw-session.js';
import { KavaSession, realPlayerSession, withParams } from '../../../test/helpers/kava-session.js';
import type { CapturedRequest } from '../capture/captured-request.js';
import { type Config, resolveConfig } from '../config/config.js';
import { Inspector } from '../inspector.js';
import { diffCaptures } from './diff.js';

function inspect(requests: readonly CapturedRequest[], config?: Config): Inspector {
  const inspector = new Inspector(config ? { config } : {});
  inspector.addAll(requests);
  return inspector;
}

/** The same real-player session again, as a second run sends it: new session id, shifted clock. */
function secondRun(): CapturedRequest[] {
  return realPlayerSession(
    new KavaSession(
      '0a1b2c3d-0000-4000-8000-000000000001:0a1b2c3d-0000-4000-8000-000000000002',
      1_700_000_500_000,
    ),
  );
}

function diff(baseline: readonly CapturedRequest[], candidate: readonly CapturedRequest[], config?: Config) {
  return diffCaptures(inspect(baseline), inspect(candidate), { config: resolveConfig(config).diff });
}

describe('diffCaptures', () => {
  it('finds two runs of the same session equivalent: ids, times and positions are compared by shape', () => {
    const result = diff(realPlayerSession(), secondRun());
    expect(result.differences).toEqual([]);
    expect(result.equivalent).toBe(true);
    expect(result.pairs).toEqual([
      expect.objectContaining({ protocol: 'kava', aligned: 15, baselineBeacons: 15, candidateBeacons: 15 }),
    ]);
  });

  it('reports one missing event as one difference, naming it', () => {
    const candidate = secondRun().filter((r) => !/[?&]eventType=2&/.test(r.url));
    const result = diff(realPlayerSession(), candidate);
    const events = result.differences.filter((d) => d.kind !== 'new-finding');
    expect(events).toEqual([
      expect.objectContaining({ kind: 'event-missing', event: 'Play Requested (2)', matters: true }),
    ]);
    expect(result.equivalent).toBe(false);
  });

  it('reports a changed stable value, and a value that became empty as a change of format', () => {
    const candidate = secondRun().map((r) =>
      withParams(r, { partnerId: 1234, customVar1: r.url.includes('eventType=3&') ? '' : null }),
    );
    const result = diff(
      realPlayerSession().map((r) =>
        withParams(r, { customVar1: r.url.includes('eventType=3&') ? 'gold' : null }),
      ),
      candidate,
    );
    const changed = result.differences.filter((d) => d.kind === 'value-changed');
    expect(changed).toHaveLength(15);
    expect(changed[0]).toMatchObject({ param: 'partnerId', baseline: '2215841', candidate: '1234' });
    expect(result.differences.filter((d) => d.kind === 'format-changed')).toEqual([
      expect.objectContaining({ param: 'customVar1', event: 'Play (3)', baseline: 'gold', candidate: '' }),
    ]);
  });

  it('reports a per-run value that changed kind or went missing', () => {
    const candidate = secondRun().map((r, i) =>
      i === 3 ? withParams(r, { position: 'NaN', bufferTime: null }) : r,
    );
    const result = diff(realPlayerSession(), candidate);
    const kinds = result.differences
      .filter((d) => d.kind !== 'new-finding')
      .map((d) => [d.kind, d.param, d.event]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['param-removed', 'bufferTime', 'View (99)'],
        ['format-changed', 'position', 'View (99)'],
      ]),
    );
    expect(kinds).toHaveLength(2);
  });

  it('does not count a volatile parameter that one run sent and the other left out', () => {
    // Kaltura's player sends sessionStartTime only once the server has answered an earlier beacon.
    const candidate = secondRun().map((r, i) => (i === 5 ? withParams(r, { sessionStartTime: null }) : r));
    expect(diff(realPlayerSession(), candidate).differences).toEqual([]);
    const broken = secondRun().map((r, i) => (i === 5 ? withParams(r, { sessionStartTime: '' }) : r));
    expect(diff(realPlayerSession(), broken).differences.map((d) => [d.kind, d.param])).toEqual([
      ['format-changed', 'sessionStartTime'],
    ]);
  });

  it('reports parameters added, and keeps secrets out of the result', () => {
    const candidate = secondRun().map((r) => withParams(r, { ks: 'djJ8c2VjcmV0', applicationVer: '2.0' }));
    const result = diff(realPlayerSession(), candidate);
    const added = result.differences.filter((d) => d.kind === 'param-added');
    expect(new Set(added.map((d) => d.param))).toEqual(new Set(['ks', 'applicationVer']));
    expect(JSON.stringify(result)).not.toContain('djJ8c2VjcmV0');
  });

  it('reports new findings of the candidate, not those the baseline had too', () => {
    // Both lose eventIndex continuity the same way; the candidate also sends an unknown event.
    const gap = (requests: CapturedRequest[]) =>
      requests.map((r, i) => (i === 5 ? withParams(r, { eventIndex: 40 }) : r));
    const candidate = gap(secondRun());
    const result = diff(gap(realPlayerSession()), candidate);
    expect(result.differences).toEqual([]);
    const worse = [...candidate, withParams(candidate[14]!, { eventType: 77, eventIndex: 16 })];
    const found = diff(gap(realPlayerSession()), worse).differences.filter((d) => d.kind === 'new-finding');
    expect(found.map((d) => d.rule)).toEqual(['kava/unknown-event-type']);
  });

  it('reports a periodic interval that drifts beyond the tolerance', () => {
    const slow = new KavaSession('b', 1_700_000_500_000);
    slow.startPlaying();
    slow.send(99, 1.5, 0);
    slow.send(99, 16.5, 15);
    const base = new KavaSession('a');
    base.startPlaying();
    base.send(99, 1.5, 0);
    base.send(99, 11.5, 10);
    const timing = diff(base.requests, slow.requests).differences.filter((d) => d.kind === 'timing');
    expect(timing).toEqual([
      expect.objectContaining({ event: 'View (99)', baseline: '10 s', candidate: '15 s' }),
    ]);
    expect(
      diff(base.requests, slow.requests, { diff: { timingTolerance: 6 } }).differences.filter(
        (d) => d.kind === 'timing',
      ),
    ).toEqual([]);
  });

  it('lets the config ignore a parameter, allow a value change, ignore events and rules', () => {
    const candidate = secondRun().map((r) => withParams(r, { clientVer: '3.18.0', customVar2: 'x' }));
    const config: Config = {
      diff: {
        allowValueChange: [{ protocol: 'kava', param: 'clientVer' }],
        ignoreParams: [{ param: 'customVar2' }],
      },
    };
    const result = diff(realPlayerSession(), candidate, config);
    expect(result.differences.length).toBeGreaterThan(0);
    expect(
      result.differences.every((d) => d.kind === 'value-changed' && d.param === 'clientVer' && !d.matters),
    ).toBe(true);
    expect(result.equivalent).toBe(true);
    expect(diff(realPlayerSession(), candidate).equivalent).toBe(false);
  });

  it('takes a View that swapped places with a quartile for the same View, not for two differences', () => {
    const base = new KavaSession('a');
    base.startPlaying();
    base.send(11, 9.9, 8.4);
    base.send(99, 11.5, 10);
    const run = new KavaSession('b', 1_700_000_500_000);
    run.startPlaying();
    run.send(99, 11.4, 10);
    run.send(11, 11.5, 10.1);
    expect(diff(base.requests, run.requests).differences).toEqual([]);
    // Events that are not periodic keep their order: a swap there is reported.
    const swapped = new KavaSession('c', 1_700_000_900_000);
    swapped.send(2, 0, 0);
    swapped.send(1, 1, 0);
    swapped.send(3, 1.5, 0);
    const kinds = diff(base.requests.slice(0, 3), swapped.requests).differences.map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['event-missing', 'event-added']));
  });

  it('does not count buffering events by default', () => {
    const base = new KavaSession('a');
    base.startPlaying();
    const run = new KavaSession('b');
    run.startPlaying();
    run.send(45, 2, 0);
    run.send(46, 2.5, 0);
    const result = diff(base.requests, run.requests);
    expect(result.differences.map((d) => [d.kind, d.event, d.matters])).toEqual([
      ['event-added', 'Buffer Start (45)', false],
      ['event-added', 'Buffer End (46)', false],
    ]);
    expect(result.equivalent).toBe(true);
  });

  it('pairs sessions by protocol and order, and reports a session without partner', () => {
    const jw = jwRequests(vodPings());
    const result = diff([...realPlayerSession(), ...jw], secondRun());
    expect(result.differences.map((d) => [d.kind, d.protocol])).toEqual([['session-missing', 'jw']]);
    expect(diff([...realPlayerSession(), ...jw], [...jw, ...secondRun()]).differences).toEqual([]);
  });

  it('pairs by a parameter with `pair`', () => {
    const other = realPlayerSession(new KavaSession('c', 1_700_000_900_000)).map((r) =>
      withParams(r, { entryId: '1_zzzzzzzz' }),
    );
    const baseline = inspect([...realPlayerSession(), ...other]);
    const candidate = inspect([...other.map((r) => ({ ...r, id: `x${r.id}` })), ...secondRun()]);
    expect(diffCaptures(baseline, candidate).equivalent).toBe(false);
    expect(diffCaptures(baseline, candidate, { pair: 'entryId' }).differences).toEqual([]);
  });

  it('in live mode, counts the baseline events the candidate has not reached yet as pending', () => {
    const candidate = secondRun().slice(0, 6);
    const live = diffCaptures(inspect(realPlayerSession()), inspect(candidate), { live: true });
    expect(live.differences).toEqual([]);
    expect(live.pairs[0]).toMatchObject({ aligned: 6, pending: 9 });
    const done = diffCaptures(inspect(realPlayerSession()), inspect(candidate));
    expect(done.differences.filter((d) => d.kind === 'event-missing')).toHaveLength(9);
  });
});
