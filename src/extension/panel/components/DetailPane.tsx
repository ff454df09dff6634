import type { Beacon } from '../../../core/beacon.js';
import { bodyText } from '../../../core/capture/body-text.js';
import type { Finding, Rule } from '../../../core/rules/rule.js';
import { clockTime, statusText } from '../format.js';
import { CopyButton } from './CopyButton.js';
import { FindingList } from './FindingList.js';
import { ParamTable } from './ParamTable.js';

interface Props {
  beacon: Beacon;
  protocolLabel: string;
  /** The label of the session it was placed in ("S1"). */
  sessionLabel: string;
  /** That session's id: a beacon without one may have joined it by context (core/session/attach.ts). */
  sessionId: string | undefined;
  findings: readonly Finding[];
  rule(id: string): Rule | undefined;
  onClose(): void;
}

/** Everything about one beacon: findings first (why it is here), then its parameters, then the raw request. */
export function DetailPane({
  beacon,
  protocolLabel,
  sessionLabel,
  sessionId,
  findings,
  rule,
  onClose,
}: Props) {
  const { request } = beacon;
  const body = request.body
    ? (bodyText(request) ?? `(binary, base64) ${bodyBase64(request.body)}`)
    : undefined;
  return (
    <section class="detail" aria-label="Beacon detail">
      <header class="detail-head">
        <h2>
          {beacon.event.name} <span class="muted">#{beacon.index + 1}</span>
        </h2>
        <button type="button" class="small" title="Close (Esc)" onClick={onClose}>
          ✕
        </button>
      </header>
      <p class="muted">
        {protocolLabel} · event {beacon.event.code || '(none)'} · {clockTime(beacon.time)} · {request.method}{' '}
        · {statusText(request.status, request.error)} · session {sessionLabel}{' '}
        {beacon.sessionId ||
          (sessionId ? `(none sent: placed in ${sessionId} by entry and partner)` : '(none)')}
      </p>
      {beacon.malformed && <p class="sev-error">Malformed: {beacon.malformed}</p>}
      <h3>Findings</h3>
      <FindingList findings={findings} rule={rule} />
      <h3>Parameters</h3>
      <ParamTable params={beacon.params} />
      <h3>
        Request URL <CopyButton text={request.url} label="Copy URL" />
      </h3>
      <pre class="raw">{request.url}</pre>
      {body !== undefined && (
        <>
          <h3>
            Request body <CopyButton text={body} label="Copy body" />
          </h3>
          <pre class="raw">{body}</pre>
        </>
      )}
    </section>
  );
}

function bodyBase64(body: NonNullable<Beacon['request']['body']>): string {
  return body.kind === 'binary' ? body.base64 : body.text;
}
