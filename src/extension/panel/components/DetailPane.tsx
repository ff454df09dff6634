import type { Beacon } from '../../../core/beacon.js';
import { bodyText } from '../../../core/capture/body-text.js';
import { redactRequest } from '../../../core/redaction/redactor.js';
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
  /** The toolbar's "Include secrets": copies keep `ks` and other secrets only when it is checked. */
  includeSecrets?: boolean;
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
  includeSecrets = false,
  onClose,
}: Props) {
  const { request } = beacon;
  const body = bodyShown(request);
  // What is shown is the user's own capture; what is copied may be pasted anywhere, so it is redacted.
  const copied = includeSecrets ? request : redactRequest(request);
  const copyTitle = includeSecrets
    ? 'Secrets included (Include secrets is checked)'
    : 'ks and other secrets are redacted in the copy unless Include secrets is checked';
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
        Request URL <CopyButton text={copied.url} label="Copy URL" title={copyTitle} />
      </h3>
      <pre class="raw">{request.url}</pre>
      {body !== undefined && (
        <>
          <h3>
            Request body <CopyButton text={bodyShown(copied) ?? ''} label="Copy body" title={copyTitle} />
          </h3>
          {request.body?.truncatedFrom !== undefined && (
            <p class="sev-warning" data-testid="body-truncated">
              Truncated: only the beginning of this {request.body.truncatedFrom}-byte body was kept.
            </p>
          )}
          <pre class="raw">{body}</pre>
        </>
      )}
    </section>
  );
}

function bodyShown(request: Beacon['request']): string | undefined {
  return request.body ? (bodyText(request) ?? `(binary, base64) ${bodyBase64(request.body)}`) : undefined;
}

function bodyBase64(body: NonNullable<Beacon['request']['body']>): string {
  return body.kind === 'binary' ? body.base64 : body.text;
}
