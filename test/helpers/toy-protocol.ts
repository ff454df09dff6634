import type { CapturedRequest } from '../../src/core/capture/captured-request.js';
import type { Config } from '../../src/core/config/config.js';
import { Inspector } from '../../src/core/inspector.js';
import { decodeRequestParams, defineProtocol } from '../../src/core/protocols/define-protocol.js';
import type { ParamSpec, ProtocolModule } from '../../src/core/protocols/protocol.js';
import type { Finding } from '../../src/core/rules/rule.js';
import { getRequest, query } from './requests.js';

const params: ParamSpec[] = [
  { key: 'e', name: 'Event', description: 'Event code.', compare: 'value' },
  { key: 'sid', name: 'Session', description: 'Session id.', compare: 'shape' },
  { key: 'aid', name: 'Account', description: 'Account id: constant within a session.', compare: 'value' },
  { key: 'ts', name: 'Send time', description: 'Send time: differs on a retry.', compare: 'shape' },
  {
    key: 'r',
    name: 'Ratio',
    description: 'A ratio the player computes as NaN (0/0).',
    playerValues: ['NaN'],
    compare: 'shape',
  },
];
const lookup = new Map(params.map((p) => [p.key, p]));

/**
 * A minimal protocol for testing the generic rules apart from any real one: `/toy?e=…&sid=…`, `ts` a
 * send-time field, `aid` a session constant. It borrows the `jw` id only because ids are a closed union.
 */
export const toy: ProtocolModule = defineProtocol({
  id: 'jw',
  label: 'Toy',
  spec: {
    params,
    events: [
      { code: 's', name: 'Start' },
      { code: 't', name: 'Tick' },
    ],
    commonRequired: [],
  },
  recognise: (request) => request.url.includes('/toy?'),
  decode(request, url) {
    const { values, params, malformed } = decodeRequestParams(request, url, (k) => lookup.get(k));
    const decoded = { eventCode: values.e ?? '', sessionId: values.sid ?? '', params };
    return malformed === undefined ? decoded : { ...decoded, malformed };
  },
  keyParams: [],
  sendTimeParams: ['ts'],
  sessionConstants: ['aid'],
  rules: [],
  createPlaybackTracker: () => ({ update() {} }),
});

/** A toy beacon of session "one", account 7 unless `values` says otherwise. */
export function toyRequest(values: Record<string, string | number>, init: Partial<CapturedRequest> = {}) {
  return getRequest(`https://collector.example/toy?${query({ sid: 'one', aid: 7, ...values })}`, init);
}

export function toyFindings(requests: readonly CapturedRequest[], rule: string, config?: Config): Finding[] {
  const inspector = new Inspector({ protocols: [toy], ...(config ? { config } : {}) });
  inspector.addAll(requests);
  return inspector.findings().filter((f) => f.rule === rule);
}
