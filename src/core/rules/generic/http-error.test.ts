import { describe, expect, it } from 'vitest';
import { toyFindings, toyRequest } from '../../../../test/helpers/toy-protocol.js';

const RULE = 'beacon/http-error';

describe(RULE, () => {
  it('fires on a network error, status 0 and a non-2xx status', () => {
    const findings = toyFindings(
      [
        toyRequest({ e: 's' }, { status: 0, error: 'net::ERR_BLOCKED_BY_CLIENT' }),
        toyRequest({ e: 't' }, { status: 0 }),
        toyRequest({ e: 't', n: 2 }, { status: 404 }),
        toyRequest({ e: 't', n: 3 }, { status: 302 }),
      ],
      RULE,
    );
    expect(findings.map((f) => [f.severity, f.message, f.beacons])).toEqual([
      ['error', 'Expected an HTTP 2xx answer, but the request failed: net::ERR_BLOCKED_BY_CLIENT.', [0]],
      [
        'error',
        'Expected an HTTP 2xx answer, got no answer at all (status 0: blocked or network error).',
        [1],
      ],
      ['error', 'Expected an HTTP 2xx answer, got HTTP 404.', [2]],
      ['error', 'Expected an HTTP 2xx answer, got HTTP 302.', [3]],
    ]);
  });

  it('is one finding when every beacon fails the same way (an ad blocker)', () => {
    const blocked = { status: 0, error: 'net::ERR_BLOCKED_BY_CLIENT' };
    const findings = toyFindings(
      [
        toyRequest({ e: 's' }, blocked),
        toyRequest({ e: 't' }, blocked),
        toyRequest({ e: 't', n: 2 }, blocked),
      ],
      RULE,
    );
    expect(findings.map((f) => [f.message, f.beacons])).toEqual([
      [
        'Expected an HTTP 2xx answer, but the request failed: net::ERR_BLOCKED_BY_CLIENT on 3 of 3 beacons.',
        [0, 1, 2],
      ],
    ]);
  });

  it('is silent on 2xx answers and on pending requests', () => {
    const findings = toyFindings(
      [
        toyRequest({ e: 's' }),
        toyRequest({ e: 't' }, { status: 204 }),
        toyRequest({ e: 't', n: 2 }, { status: undefined }),
      ],
      RULE,
    );
    expect(findings).toEqual([]);
  });
});
