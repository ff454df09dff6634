import { describe, expect, it } from 'vitest';
import type { CapturedRequest } from '../../../src/core/capture/captured-request.js';
import type { Config } from '../../../src/core/config/config.js';
import { Inspector } from '../../../src/core/inspector.js';
import type { Finding } from '../../../src/core/rules/rule.js';
import { type Filters, filterBeacons, NO_FILTERS } from '../../../src/extension/panel/filters.js';
import { PanelModel } from '../../../src/extension/panel/panel-model.js';
import { jwRequests, vodPings } from '../../helpers/jw-session.js';
import { KavaSession, realPlayerSession } from '../../helpers/kava-session.js';

/** End-of-capture findings that come and go as beacons arrive: a session lacks Views until it has three. */
const config: Config = { expect: { events: [{ protocol: 'kava', event: '99', min: 3 }] } };

/** What the panel listed before it kept the list incrementally: every beacon filtered from scratch. */
function fromScratch(requests: readonly CapturedRequest[], filters: Filters): number[] {
  const inspector = new Inspector({ config });
  inspector.addAll(requests);
  const byBeacon = new Map<number, Finding[]>();
  for (const f of inspector.findings())
    for (const i of f.beacons) byBeacon.set(i, [...(byBeacon.get(i) ?? []), f]);
  return filterBeacons(inspector.beacons(), byBeacon, filters);
}

function mixedCapture(): CapturedRequest[] {
  const bad = new KavaSession('0a1b2c3d-0000-4000-8000-000000000001:0a1b2c3d-0000-4000-8000-000000000002');
  bad.send(1, 0.5, 0);
  bad.send(3, 1, 0, { position: 'abc' });
  bad.send(99, 1.2, 0, {}, { eventIndex: 7 });
  bad.send(99, 1.4, 0, {}, { omit: ['entryId'] });
  const all = [...realPlayerSession(), ...bad.requests, ...jwRequests(vodPings())];
  return all.sort((a, b) => a.startTime - b.startTime);
}

describe('the shown beacons, kept incrementally', () => {
  const cases: [string, Filters][] = [
    ['no filter', NO_FILTERS],
    ['a severity', { ...NO_FILTERS, severity: 'warning' }],
    ['errors only', { ...NO_FILTERS, severity: 'error' }],
    ['a protocol and text', { ...NO_FILTERS, protocols: new Set(['kava']), text: 'view' }],
  ];
  for (const [name, filters] of cases) {
    it(`equal the list filtered from scratch after every arrival: ${name}`, () => {
      const requests = mixedCapture();
      const model = new PanelModel(config);
      model.setFilters(filters);
      model.receive({ type: 'snapshot', requests: [], last: true });
      requests.forEach((request, i) => {
        model.receive({ type: 'captured', request });
        expect([...model.view().shown]).toEqual(fromScratch(requests.slice(0, i + 1), filters));
      });
    });
  }

  it('are filtered again when the filters change, and after a clear', () => {
    const requests = mixedCapture();
    const model = new PanelModel(config);
    model.receive({ type: 'snapshot', requests, last: true });
    expect(model.view().shown).toHaveLength(requests.length);
    const errors: Filters = { ...NO_FILTERS, severity: 'error' };
    model.setFilters(errors);
    expect([...model.view().shown]).toEqual(fromScratch(requests, errors));
    expect(model.view().shown.length).toBeLessThan(requests.length);
    // Typing narrows the list from the one shown; deleting widens it again.
    for (const text of ['v', 'vi', 'view', 'views', 'view', 'play']) {
      const typed: Filters = { ...NO_FILTERS, text };
      model.setFilters(typed);
      expect([...model.view().shown]).toEqual(fromScratch(requests, typed));
    }
    // Two keys between renders: the list narrows from the last one computed.
    model.setFilters({ ...NO_FILTERS, text: 'p' });
    model.view();
    model.setFilters({ ...NO_FILTERS, text: 'pl' });
    model.setFilters({ ...NO_FILTERS, text: 'pla' });
    expect([...model.view().shown]).toEqual(fromScratch(requests, { ...NO_FILTERS, text: 'pla' }));
    model.setFilters(errors);
    model.clear();
    expect(model.view().shown).toEqual([]);
    model.importRequests(requests);
    expect([...model.view().shown]).toEqual(fromScratch(requests, errors));
  });
});
