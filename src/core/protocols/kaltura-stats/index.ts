import { defineProtocol } from '../define-protocol.js';

// Placeholder until the protocol's spec table and decoder land.
export const kalturaStats = defineProtocol({
  id: 'kaltura-stats',
  label: 'Kaltura stats',
  spec: { params: [], events: [], commonRequired: [] },
  recognise: () => false,
  decode: () => ({ eventCode: '', sessionId: '', params: [] }),
  keyParams: [],
  sendTimeParams: [],
  sessionConstants: [],
  rules: [],
  createPlaybackTracker: () => ({ update() {} }),
});
