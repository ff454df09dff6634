import { describe, expect, it } from 'vitest';
import type { CapturedRequest } from '../../../src/core/capture/captured-request.js';
import type { Config } from '../../../src/core/config/config.js';
import { Inspector } from '../../../src/core/inspector.js';
import type { Finding } from '../../../src/core/rules/rule.js';
import { PanelModel } from '../../../src/extension/panel/panel-model.js';
import { jwRequests, vodPings } from '../../helpers/jw-session.js';
import { KavaSession, realPlayerSession } from '../../helpers/kava-session.js';

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

/** Two KAVA sessions (one with gaps and a bad value, one ending early) interleaved with a JW one. */
function mixedCapture(): CapturedRequest[] {
  const good = realPlayerSession();
  const bad = new KavaSession('0a1b2c3d-0000-4000-8000-000000000001:0a1b2c3d-0000-4000-8000-000000000002');
  bad.send(1, 0.5, 0);
  bad.send(3, 1, 0, { position: 'abc' });
  bad.send(99, 1.2, 0, {}, { eventIndex: 7 });
  bad.send(99, 1.4, 0, {}, { omit: ['entryId'] });
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
