import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CapturedRequest } from '../../src/core/capture/captured-request.js';
import { Inspector } from '../../src/core/inspector.js';
import { REPORT_FORMATS, renderReport } from '../../src/core/report/index.js';
import type { Finding } from '../../src/core/rules/rule.js';
import { jwRequests, livePings, vodPings } from '../helpers/jw-session.js';
import { realPlayerSession, resetPlayerSession } from '../helpers/kava-session.js';
import { cleanStatsSession } from '../helpers/stats-session.js';
import { rawComponent } from './hostile.js';

// The rule engine on real-player sessions broken in every way at once: hostile values, missing and
// duplicated parameters, reordered, repeated and mistimed beacons, failed responses. It never throws,
// and feeding one beacon at a time gives the findings of a batch.

const RUNS = 60;

const sessions: (() => CapturedRequest[])[] = [
  () => realPlayerSession(),
  () => resetPlayerSession(),
  () => cleanStatsSession(),
  () => cleanStatsSession({ style: 'bracket' }),
  () => jwRequests(vodPings()),
  () => jwRequests(livePings()),
];

/** Values a rule may choke on. */
const hostileValue = fc.oneof(
  fc.constantFrom(
    '',
    'NaN',
    '-1',
    '0',
    '1e309',
    '-0',
    '0x10',
    ' 1',
    'undefined',
    'null',
    '9'.repeat(400),
    '%',
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc
    .string({ unit: 'binary', maxLength: 20 })
    .map((s) => encodeURIComponent(s.replace(/\p{Surrogate}/gu, '?'))),
  rawComponent,
);

type Mutation =
  | { kind: 'set'; at: number; param: number; value: string }
  | { kind: 'drop'; at: number; param: number }
  | { kind: 'duplicate-param'; at: number; param: number; value: string }
  | { kind: 'repeat'; at: number }
  | { kind: 'swap'; at: number }
  | { kind: 'time'; at: number; time: number }
  | { kind: 'status'; at: number; status: number | undefined };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), param: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), param: fc.nat() }),
  fc.record({
    kind: fc.constant('duplicate-param' as const),
    at: fc.nat(),
    param: fc.nat(),
    value: hostileValue,
  }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('time' as const),
    at: fc.nat(),
    time: fc.oneof(fc.integer({ min: -1e13, max: 1e13 }), fc.constant(0)),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    at: fc.nat(),
    status: fc.constantFrom(0, 204, 404, 500, undefined),
  }),
);

/** Applies a mutation to the raw query text (so broken encodings survive). */
function mutate(requests: CapturedRequest[], m: Mutation): void {
  const i = m.at % requests.length;
  const r = requests[i] as CapturedRequest;
  const q = r.url.indexOf('?');
  const base = r.url.slice(0, q + 1);
  const pairs = r.url.slice(q + 1).split('&');
  const p = 'param' in m ? m.param % pairs.length : 0;
  const key = (pairs[p] ?? '').split('=')[0];
  switch (m.kind) {
    case 'set':
      pairs[p] = `${key}=${m.value}`;
      break;
    case 'drop':
      pairs.splice(p, 1);
      break;
    case 'duplicate-param':
      pairs.push(`${key}=${m.value}`);
      break;
    case 'repeat':
      requests.splice(i, 0, { ...r, id: `${r.id}r` });
      return;
    case 'swap':
      if (i + 1 < requests.length) requests.splice(i, 2, requests[i + 1] as CapturedRequest, r);
      return;
    case 'time':
      requests[i] = { ...r, startTime: m.time };
      return;
    case 'status': {
      const { status: _, ...rest } = r;
      requests[i] = m.status === undefined ? rest : { ...rest, status: m.status };
      return;
    }
  }
  requests[i] = { ...r, url: base + pairs.join('&') };
}

const key = (f: Finding) => JSON.stringify([f.rule, f.severity, f.sessionId, f.beacons, f.message]);

describe('rule engine on broken sessions', () => {
  it('never throws, and one beacon at a time finds what a batch finds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(sessions.length - 1), { minLength: 1, maxLength: 3 }),
        fc.array(mutation, { maxLength: 25 }),
        (picked, mutations) => {
          const requests = picked.flatMap((s) => (sessions[s] as () => CapturedRequest[])());
          for (const m of mutations) mutate(requests, m);

          const batch = new Inspector();
          batch.addAll(requests);
          const findings = batch.findings();

          const one = new Inspector();
          const seen = new Set<string>();
          for (const r of requests) {
            // A mutation may make a request no beacon at all (service= emptied): it is then left out.
            const beacon = one.add(r);
            if (beacon)
              for (const f of one.findingsForBeacon(beacon.index)) expect(f.beacons).toContain(beacon.index);
          }
          for (const b of one.beacons()) for (const f of one.findingsForBeacon(b.index)) seen.add(key(f));
          expect(one.findings().map(key).sort()).toEqual(findings.map(key).sort());
          // Every finding about a beacon is listed with that beacon.
          for (const f of findings) if (f.beacons.length > 0) expect(seen.has(key(f))).toBe(true);
          const perSession = one.sessions().flatMap((s) => one.findingsForSession(s.key));
          expect(perSession.map(key).sort()).toEqual(
            findings
              .filter((f) => f.sessionId !== undefined)
              .map(key)
              .sort(),
          );

          const summary = one.summary();
          expect(summary.errors + summary.warnings + summary.infos).toBe(findings.length);
          for (const format of REPORT_FORMATS) expect(typeof renderReport(format, one)).toBe('string');
        },
      ),
      { numRuns: RUNS },
    );
  });
});
