import md5 from 'blueimp-md5';
import { bodyText } from '../../../capture/body-text.js';
import { defineRule } from '../../../rules/rule.js';
import { queryOf } from '../../define-protocol.js';

/**
 * The document does not say how kalsig is computed: this checks MD5 over the parameters' text as sent
 * (query string, or form body when kalsig came in the body) with the kalsig pair removed.
 */
export function expectedKalsig(text: string): string {
  const rest = text
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && pair.split('=', 1)[0] !== 'kalsig');
  return md5(rest.join('&'));
}

export const kalsigMismatch = defineRule({
  id: 'kava/kalsig-mismatch',
  severity: 'info',
  title: 'kalsig mismatch',
  explanation:
    'kalsig is documented as the MD5 signature of the query string parameters, without a canonical form. Player Inspector computes MD5 over the other parameters as sent; a mismatch is information only (Kaltura’s current player does not send kalsig at all).',
  check(beacon) {
    if (beacon.values.kalsig === undefined) return undefined;
    const param = beacon.params.find((p) => p.key === 'kalsig');
    if (!param) return undefined;
    const text = param.source === 'body' ? (bodyText(beacon.request) ?? '') : queryOf(beacon.request.url);
    const expected = expectedKalsig(text);
    if (param.value.toLowerCase() === expected) return undefined;
    return [
      {
        message: `kalsig is ${param.value}: expected ${expected}, the MD5 of the other parameters as sent.`,
        beacons: [beacon.index],
      },
    ];
  },
});
