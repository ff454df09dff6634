import { defineRule } from '../rule.js';

export const httpError = defineRule({
  id: 'beacon/http-error',
  severity: 'error',
  title: 'Beacon failed',
  explanation:
    'A beacon that got no 2xx answer (blocked by an ad blocker or CSP, network error, server error) never reached the analytics backend: the event is lost. A pending request (no answer yet) is not judged.',
  check(beacon) {
    const { status, error } = beacon.request;
    let message: string;
    if (error) message = `Expected an HTTP 2xx answer, but the request failed: ${error}`;
    else if (status === undefined || (status >= 200 && status < 300)) return undefined;
    else {
      const seen = status === 0 ? 'no answer at all (status 0: blocked or network error)' : `HTTP ${status}`;
      message = `Expected an HTTP 2xx answer, got ${seen}`;
    }
    // An ad blocker or a down collector fails every beacon the same way: one finding lists them.
    return [{ message: `${message}.`, beacons: [beacon.index], group: { key: message, message } }];
  },
});
