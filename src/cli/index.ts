// The package's library entry (`import … from 'player-inspector'`): the core API, for Node.
export * from '../core/index.js';
export {
  type AttachedInspector,
  type AttachOptions,
  attachInspector,
  type EventMatch,
  type WaitOptions,
} from './api/attach-inspector.js';
