import type { Scenario } from '../../../src/cli/audit/scenario.js';

/** A short audit that still plays, pauses, resumes, seeks and ends: keeps the real-player suites quick. */
export const QUICK: Scenario = {
  steps: [
    { action: 'waitForPlayer' },
    { action: 'play' },
    { action: 'wait', seconds: 4 },
    { action: 'pause' },
    { action: 'wait', seconds: 1 },
    { action: 'play' },
    { action: 'seek', to: '80%' },
    { action: 'wait', until: 'ended', seconds: 15 },
  ],
};
