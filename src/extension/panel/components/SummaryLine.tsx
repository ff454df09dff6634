import type { Summary } from '../../../core/inspector.js';
import type { TabState } from '../../wire.js';

interface Props {
  summary: Summary;
  shown: number;
  tabState: TabState | undefined;
  waiting: number;
}

/** Counts at the bottom, like DevTools' network status bar. */
export function SummaryLine({ summary, shown, tabState, waiting }: Props) {
  return (
    <footer class="summary">
      <span data-testid="summary-beacons">
        {shown === summary.beacons ? `${summary.beacons} beacons` : `${shown} / ${summary.beacons} beacons`}
      </span>
      <span data-testid="summary-sessions">{summary.sessions} sessions</span>
      <span data-testid="summary-errors" class={summary.errors ? 'sev-error' : undefined}>
        {summary.errors} errors
      </span>
      <span data-testid="summary-warnings" class={summary.warnings ? 'sev-warning' : undefined}>
        {summary.warnings} warnings
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
