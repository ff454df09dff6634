import { defineProtocol } from '../define-protocol.js';

// Placeholder until the protocol's spec table and decoder land.
export const jw = defineProtocol({
  id: 'jw',
  label: 'JW Player OTT ping',
  spec: { params: [], events: [], commonRequired: [] },
  recognise: () => false,
  decode: () => ({ eventCode: '', sessionId: '', params: [] }),
  keyParams: [],
  sendTimeParams: [],
  sessionConstants: [],
  rules: [],
  createPlaybackTracker: () => ({ update() {} }),
});
