import { describe, expect, it } from 'vitest';
import type { CapturedRequest } from '../../../src/core/capture/captured-request.js';
import { truthLinesFor } from '../../../src/core/report/truth.js';
import { PanelModel, PENDING_WAIT_MS } from '../../../src/extension/panel/panel-model.js';
import { KavaSession, realPlayerSession } from '../../helpers/kava-session.js';
import { simulateVideo, truthOf } from '../../helpers/truth-video.js';

const pending = (r: CapturedRequest): CapturedRequest => {
  const { status: _status, ...rest } = r;
  return rest;
};

describe('PanelModel', () => {
  it('validates beacons in send order even when their responses come back swapped', () => {
    const session = new KavaSession();
    session.send(1, 0, 0);
    session.send(2, 1, 0);
    session.send(3, 1.5, 0);
    const play = pending(session.send(99, 1.5, 0));
    const [impression, requested, playEvent] = session.requests.map(pending);
    const model = new PanelModel();
    model.receive({ type: 'snapshot', requests: [], last: true });
    for (const r of [impression!, requested!, playEvent!, play])
      model.receive({ type: 'captured', request: r });
    expect(model.view().beacons).toHaveLength(0);
    // View's answer arrives before Play's: nothing is fed until Play's arrives.
    model.receive({ type: 'completed', id: play.id, patch: { status: 200 } });
    for (const r of [impression!, requested!])
      model.receive({ type: 'completed', id: r.id, patch: { status: 200 } });
    expect(model.view().beacons.map((b) => b.event.code)).toEqual(['1', '2']);
    model.receive({ type: 'completed', id: playEvent!.id, patch: { status: 200 } });
    expect(model.view().beacons.map((b) => b.event.code)).toEqual(['1', '2', '3', '99']);
    expect(model.view().findings.filter((f) => f.rule === 'kava/event-index-sequence')).toEqual([]);
  });

  it('validates a beacon without a response after a while, and shows the late status', () => {
    let now = 0;
    const model = new PanelModel({}, () => now);
    model.receive({ type: 'snapshot', requests: [], last: true });
    const request = pending(new KavaSession().send(1, 0, 0));
    model.receive({ type: 'captured', request });
    expect(model.waiting()).toBe(1);
    now += PENDING_WAIT_MS;
    model.pump();
    expect(model.view().beacons).toHaveLength(1);
    expect(model.view().beacons[0]!.request.status).toBeUndefined();
    const before = model.version;
    model.receive({ type: 'completed', id: request.id, patch: { status: 500 } });
    expect(model.version).toBeGreaterThan(before);
    expect(model.view().beacons[0]!.request.status).toBe(500);
  });

  it('holds live beacons until the backlog is complete, and skips ones it already has', () => {
    const requests = realPlayerSession();
    const model = new PanelModel();
    model.receive({ type: 'captured', request: requests[3]! });
    expect(model.view().beacons).toHaveLength(0);
    model.receive({ type: 'snapshot', requests: requests.slice(0, 2), last: false });
    model.receive({ type: 'snapshot', requests: requests.slice(2, 4), last: true });
    expect(model.view().beacons.map((b) => b.request.id)).toEqual(requests.slice(0, 4).map((r) => r.id));

    // After a worker restart the backlog comes again: nothing doubles.
    model.resubscribing();
    model.receive({ type: 'snapshot', requests: requests.slice(0, 5), last: true });
    expect(model.view().beacons).toHaveLength(5);
    expect(model.inspector.summary().sessions).toBe(1);
  });

  it('clears, imports and re-validates with a new config', () => {
    const requests = realPlayerSession();
    const model = new PanelModel();
    model.receive({ type: 'snapshot', requests, last: true });
    expect(model.view().beacons).toHaveLength(requests.length);
    model.setConfig({ expect: { params: [{ param: 'partnerId', equals: '1' }] } });
    expect(model.view().findings.some((f) => f.rule === 'expect/param-value')).toBe(true);
    model.receive({ type: 'cleared' });
    expect(model.view().beacons).toHaveLength(0);
    model.importRequests(requests.slice(0, 3));
    expect(model.view().beacons).toHaveLength(3);
    expect(model.requests()).toHaveLength(3);
  });

  it('an imported audit capture brings its ground truth: truth findings and the real playhead', () => {
    const requests = realPlayerSession();
    // The viewer really paused at 12 s and never again, but the session reports a Pause at 25 s.
    const truth = truthOf([
      simulateVideo([
        { at: 0, action: 'load' },
        { at: 2, action: 'play' },
        { at: 12, action: 'pause' },
        { at: 28, action: 'play' },
      ]),
    ]);
    const model = new PanelModel();
    model.receive({ type: 'snapshot', requests: [], last: true });
    model.importRequests(requests, truth);
    expect(model.inspector.truth()).toBe(truth);
    expect(model.view().findings.some((f) => f.rule.startsWith('truth/'))).toBe(true);
    const session = model.inspector.sessions()[0];
    expect(session && truthLinesFor(model.inspector, session)?.length).toBeGreaterThan(0);
    // A new config re-validates against the same truth; clearing forgets it.
    model.setConfig({});
    expect(model.inspector.truth()).toBe(truth);
    model.receive({ type: 'cleared' });
    expect(model.inspector.truth()).toBeUndefined();
  });
});
