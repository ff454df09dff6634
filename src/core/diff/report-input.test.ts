import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importHar } from '../capture/har-import.js';
import { Inspector } from '../inspector.js';
import { jsonReport } from '../report/json.js';
import { diffCaptures } from './diff.js';
import { requestsFromReport } from './report-input.js';

function fromHar(name: string): Inspector {
  const inspector = new Inspector();
  inspector.addAll(importHar(readFileSync(`test/fixtures/${name}.har`, 'utf8')).requests);
  return inspector;
}

describe('requestsFromReport', () => {
  it.each(['kaltura', 'stats', 'jw'])(
    'rebuilds the beacons, sessions and findings of %s from its JSON report',
    (name) => {
      const original = fromHar(name);
      const report = JSON.parse(JSON.stringify(jsonReport(original)));
      const rebuilt = new Inspector();
      rebuilt.addAll(requestsFromReport(report, 'report.json'));
      expect(jsonReport(rebuilt)).toEqual(report);
      expect(diffCaptures(original, rebuilt).differences).toEqual([]);
    },
  );

  it('refuses what is no report, and a report without requests, naming the file', () => {
    expect(() => requestsFromReport({ log: {} }, 'a.json')).toThrow(
      'a.json: not a Player Inspector JSON report',
    );
    const old = { beacons: [{ index: 0, time: '2026-01-01T00:00:00Z', params: {} }], summary: {} };
    expect(() => requestsFromReport(old, 'old.json')).toThrow(/old\.json: beacon 0 has no request/);
  });
});
