import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jwQuery } from '../../../../test/helpers/jw-session.js';
import { getRequest } from '../../../../test/helpers/requests.js';
import { Inspector } from '../../inspector.js';
import { jw } from './index.js';

const KEYS = ['e', 'sa', 'aid', 'pss', 'oos', 'sdk', 'vd', 'q', 'pw', 'ti', 'pli', 'fed', 'av', 'zz'];

describe('jw decoding and validation never throw', () => {
  it('on any ping query (random keys, values, broken encodings)', () => {
    const pair = fc.tuple(
      fc.constantFrom(...KEYS),
      fc.oneof(fc.string(), fc.integer().map(String), fc.constant('%E0%A4')),
    );
    fc.assert(
      fc.property(
        fc.array(pair, { maxLength: 12 }),
        fc.constantFrom('s', 't', 'vs', 'gab', 'e', 'i'),
        (pairs, e) => {
          const inspector = new Inspector({ protocols: [jw] });
          const base = `https://ihe.jwpltx.com/v1/jwplayer6/ping.gif?${jwQuery({ e, at: 0 })}`;
          const url = `${base}&${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`;
          inspector.add(getRequest(url));
          inspector.add(getRequest(url.replace('e=', 'x=')));
          expect(() => inspector.findings()).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on any URL string', () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        const inspector = new Inspector({ protocols: [jw] });
        inspector.add(getRequest(`https://ihe.jwpltx.com/v1/${tail}`));
        inspector.add(getRequest(`/v1/jwplayer6/ping.gif?e=${tail}`));
        inspector.add(getRequest(tail));
        expect(() => inspector.findings()).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
