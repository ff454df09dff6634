import type { Severity } from '../../../core/rules/rule.js';
import type { TabState } from '../../wire.js';

interface Props {
  beacons: number;
  sessions: number;
  counts: Readonly<Record<Severity, number>>;
  shown: number;
  tabState: TabState | undefined;
  waiting: number;
}

/** Counts at the bottom, like DevTools' network status bar. */
export function SummaryLine({ beacons, sessions, counts, shown, tabState, waiting }: Props) {
  const { error, warning } = counts;
  return (
    <footer class="summary">
      <span data-testid="summary-beacons">
        {shown === beacons ? `${beacons} beacons` : `${shown} / ${beacons} beacons`}
      </span>
      <span data-testid="summary-sessions">{sessions} sessions</span>
      <span data-testid="summary-errors" class={error ? 'sev-error' : undefined}>
        {error} errors
      </span>
      <span data-testid="summary-warnings" class={warning ? 'sev-warning' : undefined}>
        {warning} warnings
      </span>
      {waiting > 0 && <span>{waiting} awaiting response</span>}
      {tabState && tabState.dropped > 0 && (
        <span class="sev-warning" data-testid="summary-dropped">
          {tabState.dropped} dropped (cap {tabState.cap})
        </span>
      )}
      {tabState && !tabState.recording && <span>recording paused</span>}
    </footer>
  );
}
