import { defineRule } from '../../../rules/rule.js';
import { DOC_REQUIRED } from '../spec.js';

const WHY: Record<(typeof DOC_REQUIRED)[number], string> = {
  av: 'the app version',
  oaid: 'the app user id, which the reference web app sends only for logged-in users',
  fed: 'the feed id',
};

export const missingDocField = defineRule({
  id: 'jw/missing-doc-field',
  severity: 'info',
  title: 'Field the document requires is absent',
  explanation:
    'The ping document requires `av` and `oaid` (and `fed`), but real apps leave them out: `oaid` is only ' +
    'sent for logged-in users. Worth knowing, reported once per play, not a defect.',
  createState: () => new Set<string>(),
  check(beacon, _session, reported) {
    const out = [];
    for (const key of DOC_REQUIRED) {
      if (key in beacon.values || reported.has(key)) continue;
      reported.add(key);
      out.push({
        message: `The document requires ${key} (${WHY[key]}) on every ping, but this ping does not carry it (reported once per play).`,
        beacons: [beacon.index],
      });
    }
    return out.length > 0 ? out : undefined;
  },
});
