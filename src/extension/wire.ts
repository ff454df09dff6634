import type { CapturedRequest } from '../core/capture/captured-request.js';

/**
 * The messages between the background worker and open panels, over a long-lived port. Kept apart so
 * both sides (and tests) agree on one shape.
 */
export const PANEL_PORT = 'player-inspector-panel';

/** Per-tab capture settings and counters. */
export interface TabState {
  recording: boolean;
  /** Keep beacons when the tab navigates (like DevTools' "Preserve log"). */
  preserveLog: boolean;
  /** Beacons stored for the tab. */
  count: number;
  /** Beacons not stored because the tab reached its cap. */
  dropped: number;
  cap: number;
}

/** What a completion adds to a stored request. */
export type RequestPatch = Pick<CapturedRequest, 'status' | 'error' | 'duration'>;

export type PanelMessage =
  | { type: 'subscribe'; tabId: number }
  | { type: 'clear' }
  /** The user closed the notice: it is not shown again. */
  | { type: 'dismiss-notice' }
  | { type: 'settings'; recording?: boolean; preserveLog?: boolean };

export type BackgroundMessage =
  /** Stored requests, in send order, in chunks; `last` marks the end of the backlog. */
  | { type: 'snapshot'; requests: CapturedRequest[]; last: boolean }
  | { type: 'captured'; request: CapturedRequest }
  | { type: 'completed'; id: string; patch: RequestPatch }
  | { type: 'cleared' }
  | { type: 'state'; state: TabState }
  /** Something the user should know that is no beacon (stored data of another version was cleared). */
  | { type: 'notice'; text: string };

/** Requests per stored backlog page; a page is cut further by size into messages (backlog-messages.ts). */
export const SNAPSHOT_CHUNK = 1000;
