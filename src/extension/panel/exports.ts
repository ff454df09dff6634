import type { CapturedRequest } from '../../core/capture/captured-request.js';
import { exportHar } from '../../core/capture/har-export.js';
import type { Inspector } from '../../core/inspector.js';
import type { ExportKind } from './components/Toolbar.js';

export interface ExportFile {
  name: string;
  text: string;
  type: string;
}

/** Builds an export with the core's writers; secrets are redacted unless the user asked otherwise. */
export function buildExport(
  kind: ExportKind,
  inspector: Inspector,
  requests: readonly CapturedRequest[],
  includeSecrets: boolean,
  now = new Date(),
): ExportFile {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const redact = !includeSecrets;
  switch (kind) {
    case 'har':
      return {
        name: `player-inspector-${stamp}.har`,
        text: JSON.stringify(exportHar(requests, { redact }), null, 2),
        type: 'application/json',
      };
    default:
      throw new Error(`export ${kind} is not available yet`);
  }
}
