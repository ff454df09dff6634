import type { CapturedRequest } from '../../core/capture/captured-request.js';
import { exportHar } from '../../core/capture/har-export.js';
import type { Inspector } from '../../core/inspector.js';
import { renderReport } from '../../core/report/index.js';
import type { ExportKind } from './components/Toolbar.js';

export interface ExportFile {
  name: string;
  text: string;
  type: string;
}

const FILES: Record<ExportKind, { ext: string; type: string }> = {
  har: { ext: 'har', type: 'application/json' },
  json: { ext: 'json', type: 'application/json' },
  junit: { ext: 'xml', type: 'application/xml' },
  html: { ext: 'html', type: 'text/html' },
};

/** Builds an export with the core's writers; secrets are redacted unless the user asked otherwise. */
export function buildExport(
  kind: ExportKind,
  inspector: Inspector,
  requests: readonly CapturedRequest[],
  includeSecrets: boolean,
  now = new Date(),
): ExportFile {
  const redact = !includeSecrets;
  const text =
    kind === 'har'
      ? JSON.stringify(exportHar(requests, { redact }), null, 2)
      : renderReport(kind, inspector, { redact, title: 'Player Inspector report', generatedAt: now });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return { name: `player-inspector-${stamp}.${FILES[kind].ext}`, text, type: FILES[kind].type };
}
