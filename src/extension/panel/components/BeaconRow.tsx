import { Component } from 'preact';
import type { Beacon } from '../../../core/beacon.js';
import type { Finding } from '../../../core/rules/rule.js';
import { worstSeverity } from '../filters.js';
import { clockTime, PROTOCOL_SHORT, statusText } from '../format.js';
import { FindingBadges } from './FindingBadges.js';

interface Props {
  beacon: Beacon;
  /** The beacon's response, apart: it is patched into the request in place when it comes late. */
  status: number | undefined;
  error: string | undefined;
  findings: readonly Finding[] | undefined;
  session: string;
  selected: boolean;
  top: number;
  onSelect(index: number): void;
}

/** One row; it renders again only when its props change, so scrolling renders just the rows coming into view. */
export class BeaconRow extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const props = this.props as Props;
    return (Object.keys(next) as (keyof Props)[]).some((key) => next[key] !== props[key]);
  }

  override render({ beacon, status, error, findings, session, selected, top, onSelect }: Props) {
    const failed = status !== undefined && (status === 0 || status >= 400);
    const worst = worstSeverity(findings);
    return (
      // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the list body handles the keyboard for all rows
      <div
        data-index={beacon.index}
        data-selected={selected}
        class={`row${selected ? ' selected' : ''}${worst ? ` row-${worst}` : ''}`}
        style={{ top: `${top}px` }}
        onClick={() => onSelect(beacon.index)}
      >
        <span class="c-time">{clockTime(beacon.time)}</span>
        <span class="c-proto">{PROTOCOL_SHORT[beacon.protocol]}</span>
        <span class="c-event" title={`code ${beacon.event.code}`}>
          {beacon.event.name}
          {beacon.detail && <span class="muted"> · {beacon.detail}</span>}
        </span>
        <span class="c-session" title={beacon.sessionId}>
          {session}
        </span>
        <span class={`c-status${failed ? ' sev-error' : ''}`}>{statusText(status, error)}</span>
        <span class="c-findings">
          <FindingBadges findings={findings} />
        </span>
      </div>
    );
  }
}
