import type { TruthRule } from '../context.js';
import { eventNotReal } from './event-not-real.js';
import { eventNotReported } from './event-not-reported.js';
import { noBeacons } from './no-beacons.js';
import { playheadMismatch } from './playhead-mismatch.js';
import { quartileMismatch } from './quartile-mismatch.js';
import { watchedTime } from './watched-time.js';

/** The `truth/…` rules: run when a capture carries a truth record (audits, attachInspector). */
export const truthRules: readonly TruthRule[] = [
  noBeacons,
  eventNotReported,
  eventNotReal,
  playheadMismatch,
  watchedTime,
  quartileMismatch,
];
