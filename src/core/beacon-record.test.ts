import { describe, expect, it } from 'vitest';
import { KavaSession } from '../../test/helpers/kava-session.js';
import { getRequest } from '../../test/helpers/requests.js';
import { Inspector } from './inspector.js';

/** A session longer than the ring of kept decodings, so its first beacons are decoded again when read. */
function longSession(views: number) {
  const session = new KavaSession();
  session.startPlaying();
  for (let i = 1; i <= views; i++) session.send(99, 1.5 + i * 10, i * 10, { playTimeSum: i * 10 });
  return session.requests;
}

describe('beacon parameters decoded on demand', () => {
  it('gives an old beacon the same parameters and values as when it was added', () => {
    const inspector = new Inspector();
    const requests = longSession(300);
    const atAdd = requests.map((r) => {
      const beacon = inspector.add(r);
      return { params: structuredClone(beacon?.params), values: { ...beacon?.values } };
    });
    const beacons = inspector.beacons();
    expect(beacons).toHaveLength(requests.length);
    for (const beacon of beacons) {
      expect(beacon.params).toEqual(atAdd[beacon.index]?.params);
      expect({ ...beacon.values }).toEqual(atAdd[beacon.index]?.values);
    }
    expect(beacons[0]?.values.eventType).toBe('1');
    expect(beacons[0]?.params[0]?.spec?.name).toBeTruthy();
  });

  it('keeps malformed and detail fixed and decodes a broken URL again the same way', () => {
    const inspector = new Inspector();
    const broken = inspector.add(
      getRequest(
        'https://analytics.kaltura.com/api_v3/index.php?service=analytics&action=trackEvent&eventType=1&entryId=%E0%A4%A',
      ),
    );
    for (const r of longSession(100)) inspector.add(r);
    expect(broken?.malformed).toMatch(/percent-encoding/);
    expect(broken?.params.find((p) => p.key === 'entryId')?.decodeError).toMatch(/percent-encoding/);
    expect(broken?.values.entryId).toBe('%E0%A4%A');
  });

  it('shares the event object of a known code, not of codes outside the spec', () => {
    const inspector = new Inspector();
    const views = longSession(3).map((r) => inspector.add(r));
    expect(views.at(-1)?.event).toBe(views.at(-2)?.event);
    const unknown = (n: number) =>
      inspector.add(
        getRequest(
          `https://analytics.kaltura.com/api_v3/index.php?service=analytics&action=trackEvent&eventType=777&eventIndex=${n}`,
        ),
      );
    const [a, b] = [unknown(1), unknown(2)];
    expect(a?.event).toEqual({ code: '777', name: 'Unknown event 777', known: false });
    expect(a?.event).not.toBe(b?.event);
  });

  it('serialises to its plain fields, parameters included', () => {
    const inspector = new Inspector();
    for (const r of longSession(100)) inspector.add(r);
    const first = JSON.parse(JSON.stringify(inspector.beacons()[0]));
    expect(first.values.eventType).toBe('1');
    expect(first.params.length).toBeGreaterThan(5);
    expect(first.request.url).toContain('eventType=1');
  });
});
