import { describe, expect, it } from 'vitest';
import { defaultProtocols, protocolById } from '../protocols/registry.js';

// The diff reads `compare` from the spec tables: rows added later must say it too.
describe('spec tables: how the diff compares each parameter', () => {
  it.each(defaultProtocols.map((p) => [p.id, p] as const))(
    '%s: every row says value, shape or volatile',
    (_, p) => {
      for (const row of p.spec.params) expect(['value', 'shape', 'volatile'], row.key).toContain(row.compare);
    },
  );

  it('compares stable values by value and per-run values by shape', () => {
    const compare = (protocol: 'kava' | 'kaltura-stats' | 'jw', key: string) =>
      protocolById(protocol)?.paramSpec(key)?.compare;
    for (const key of ['partnerId', 'entryId', 'clientVer', 'customVar1', 'uiConfId'])
      expect(compare('kava', key), key).toBe('value');
    for (const key of ['sessionId', 'eventIndex', 'position', 'playTimeSum', 'ks'])
      expect(compare('kava', key), key).toBe('shape');
    for (const key of ['aid', 'id', 'vd', 'q']) expect(compare('jw', key), key).toBe('value');
    for (const key of ['sa', 'emi', 'pli', 'pw', 'ti']) expect(compare('jw', key), key).toBe('shape');
    expect(compare('kaltura-stats', 'event:partnerId')).toBe('value');
    for (const key of ['event:sessionId', 'event:eventTimestamp', 'event:currentPoint'])
      expect(compare('kaltura-stats', key), key).toBe('shape');
  });
});
