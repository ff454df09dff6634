import { describe, expect, it } from 'vitest';
import type { CapturedRequest } from '../../../src/core/capture/captured-request.js';
import type { Config } from '../../../src/core/config/config.js';
import { Inspector } from '../../../src/core/inspector.js';
import type { Finding } from '../../../src/core/rules/rule.js';
import { PanelModel } from '../../../src/extension/panel/panel-model.js';
import { jwRequests, vodPings } from '../../helpers/jw-session.js';
import { KavaSession, realPlayerSession, withParams } from '../../helpers/kava-session.js';

/** End-of-capture findings that change as beacons arrive: a session lacks Views until it has three. */
const config: Config = { expect: { events: [{ protocol: 'kava', event: '99', min: 3 }] } };

/** What the panel showed before it kept findings incrementally: everything from scratch. */
function fromScratch(requests: readonly CapturedRequest[]) {
  const inspector = new Inspector({ config });
  inspector.addAll(requests);
  const findings = inspector.findings();
  const findingsByBeacon = new Map<number, Finding[]>();
  for (const f of findings) {
    for (const index of f.beacons) findingsByBeacon.set(index, [...(findingsByBeacon.get(index) ?? []), f]);
  }
  return { findings, findingsByBeacon };
}

/**
 * Two KAVA sessions (one with gaps, a bad value and the same suspicious value on three beacons, which
 * is one finding that grows; one ending early, with a beacon that lost its session id) interleaved with
 * a JW one.
 */
function mixedCapture(): CapturedRequest[] {
  const good = realPlayerSession();
  good[6] = withParams(good[6]!, { sessionId: null });
  const bad = new KavaSession('0a1b2c3d-0000-4000-8000-000000000001:0a1b2c3d-0000-4000-8000-000000000002');
  bad.send(1, 0.5, 0, { customVar1: 'undefined' });
  bad.send(3, 1, 0, { position: 'abc', customVar1: 'undefined' });
  bad.send(99, 1.2, 0, {}, { eventIndex: 7 });
  bad.send(99, 1.4, 0, { customVar1: 'undefined' }, { omit: ['entryId'] });
  const jw = jwRequests(vodPings());
  return [...good, ...bad.requests, ...jw].sort((a, b) => a.startTime - b.startTime);
}

describe('PanelModel findings kept incrementally', () => {
  it('equal the findings computed from scratch after every arrival', () => {
    const requests = mixedCapture();
    const model = new PanelModel(config);
    model.receive({ type: 'snapshot', requests: [], last: true });
    let some = 0;
    requests.forEach((request, i) => {
      model.receive({ type: 'captured', request });
      const expected = fromScratch(requests.slice(0, i + 1));
      const view = model.view();
      expect(view.findings).toEqual(expected.findings);
      expect(new Map([...view.findingsByBeacon].sort(([a], [b]) => a - b))).toEqual(
        new Map([...expected.findingsByBeacon].sort(([a], [b]) => a - b)),
      );
      some = Math.max(some, view.findings.length);
    });
    // The capture must raise findings, or the comparison proves nothing.
    expect(some).toBeGreaterThan(3);
    const view = model.view();
    const grown = view.findings.filter((f) => f.rule === 'beacon/suspicious-value');
    expect(grown).toHaveLength(1);
    expect(grown[0]!.beacons).toHaveLength(3);
    for (const index of grown[0]!.beacons) expect(view.findingsByBeacon.get(index)).toContain(grown[0]);
    expect(view.counts.warning).toBe(view.findings.filter((f) => f.severity === 'warning').length);
    const lost = requests.findIndex(
      (r) => r.url.includes('service=analytics') && !r.url.includes('sessionId='),
    );
    expect(model.inspector.sessionOf(lost)?.id).toBe(model.inspector.sessionOf(0)?.id);
  });

  it('equal the findings computed from scratch when the backlog comes in pages', () => {
    const requests = mixedCapture();
    const model = new PanelModel(config);
    for (let i = 0; i < requests.length; i += 7) {
      const last = i + 7 >= requests.length;
      model.receive({ type: 'snapshot', requests: requests.slice(i, i + 7), last });
      model.view();
    }
    expect(model.view().findings).toEqual(fromScratch(requests).findings);
    model.clear();
    expect(model.view().findings).toEqual([]);
    expect(model.view().findingsByBeacon.size).toBe(0);
  });
});
