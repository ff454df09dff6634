import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../src/core/capture/body-text.js';
import { exportHar } from '../../src/core/capture/har-export.js';
import { importHar } from '../../src/core/capture/har-import.js';
import { Inspector } from '../../src/core/inspector.js';
import { REPORT_FORMATS, renderReport } from '../../src/core/report/index.js';
import type { ExportKind } from '../../src/extension/panel/components/Toolbar.js';
import { buildExport } from '../../src/extension/panel/exports.js';
import {
  hostileHar,
  hostileSecrets,
  leaks,
  MARKUP,
  RAW_CONTROL,
  SECRET_PLACES,
  type Secrets,
} from '../helpers/hostile-har.js';

// Every output of Player Inspector on the hostile HARs of test/helpers/hostile-har.ts: the four report
// formats, the HAR export and the panel's exports. No secret survives anywhere unless asked for, the
// text report prints no control character, and HTML, JUnit and JSON stay inert.

function inspect(secrets?: Secrets) {
  const hostile = hostileHar(secrets);
  const { requests } = importHar(JSON.stringify(hostile.har));
  const inspector = new Inspector({ config: hostile.config });
  inspector.addAll(requests);
  return { ...hostile, requests, inspector };
}

/** The exported HAR as text, with base64 bodies decoded (bytes as Latin-1), so a hidden secret shows. */
function harText(har: ReturnType<typeof exportHar>): string {
  const bodies = importHar(JSON.stringify(har)).requests.map((r) =>
    r.body?.kind === 'binary' ? (bodyText(r) ?? atob(r.body.base64)) : '',
  );
  return `${JSON.stringify(har)}\n${bodies.join('\n')}`;
}

function everyOutput(secrets?: Secrets): Record<string, string> {
  const { inspector, requests, pageUrl } = inspect(secrets);
  const out: Record<string, string> = {};
  for (const format of REPORT_FORMATS) {
    out[format] = renderReport(format, inspector, { title: `Player Inspector audit of ${pageUrl}` });
  }
  out.har = harText(exportHar(requests));
  for (const kind of ['har', 'json', 'junit', 'html'] as ExportKind[]) {
    const file = buildExport(kind, inspector, requests, false, new Date(0));
    out[`panel ${kind}`] = kind === 'har' ? harText(JSON.parse(file.text)) : file.text;
  }
  return out;
}

describe('secrets on hostile HARs', () => {
  it('are in no output: reports, HAR export, panel exports', () => {
    for (const [name, text] of Object.entries(everyOutput()))
      expect(leaks(text, hostileHar().secrets), name).toEqual([]);
  });

  it('are in no output whatever their characters', () => {
    fc.assert(
      fc.property(hostileSecrets, (secrets) => {
        for (const [name, text] of Object.entries(everyOutput(secrets)))
          expect(leaks(text, secrets), name).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('are replaced by one fingerprint per value, the same in every format', () => {
    const { json, text, html } = everyOutput();
    const report = JSON.parse(json!) as { beacons: { params: Record<string, string> }[] };
    const ks = report.beacons[0]!.params.ks!;
    expect(ks).toMatch(/^REDACTED:[0-9a-f]{4}:upto\d+$/);
    // The findings quoting the ks (expect/param-value) show the placeholder of the very same value.
    expect(report.beacons.filter((b) => b.params.ks === ks)).toHaveLength(1);
    expect(json).toContain(`ks on Player Impression is \\"${ks}\\"`);
    expect(text).toContain(ks);
    expect(html).toContain(ks);
  });

  it('are kept only on request, and the output says so', () => {
    const { inspector, requests, secrets } = inspect();
    const all = SECRET_PLACES.filter((p) => !['setCookie'].includes(p));
    for (const format of REPORT_FORMATS) {
      const text = renderReport(format, inspector, { redact: false });
      expect(text, format).toMatch(/secrets\W{0,4}included/i);
      expect(leaks(text, secrets).length, format).toBeGreaterThan(0);
    }
    const har = JSON.stringify(exportHar(requests, { redact: false }));
    expect(har).toMatch(/Secrets included/);
    expect(leaks(har, secrets)).toEqual(
      expect.arrayContaining(all.filter((p) => !p.startsWith('base64') && p !== 'binaryBody')),
    );
    const panel = buildExport('html', inspector, requests, true, new Date(0)).text;
    expect(panel).toMatch(/secrets included/i);
  });
});

describe('hostile text', () => {
  it('prints no control or bidi character in the text report, showing their escapes', () => {
    const { inspector } = inspect();
    for (const color of [false, true]) {
      const text = renderReport('text', inspector, { color });
      // Colours are the tool's own: the only ESC sequences are SGR colour codes.
      const withoutColours = color ? text.replace(/\x1b\[[0-9;]*m/g, '') : text;
      expect(withoutColours).not.toMatch(RAW_CONTROL);
      expect(text).toContain('\\x1b]0;owned\\x07');
      expect(text).toContain('\\u202egnp.exe');
      expect(text).toContain('\\x9b31m');
      expect(text).toContain('over\\x0dwrite');
    }
  });

  it('keeps HTML inert and JUnit well-formed', () => {
    const { html, junit } = everyOutput();
    expect(html).not.toMatch(/<(script|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<svg[^>]*onload/i);
    for (const m of MARKUP) expect(html).not.toContain(m);
    expect(junit).not.toMatch(/<(script|img|svg)\b/i);
    expect(junit).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('pollutes no prototype through the JSON report or the HAR export', () => {
    const { json, har } = everyOutput();
    const report = JSON.parse(json!) as { beacons: { params: Record<string, unknown> }[] };
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(report.beacons.some((b) => Object.hasOwn(b.params, '__proto__'))).toBe(true);
    expect(Object.getPrototypeOf(report.beacons[0]!.params)).toBe(Object.prototype);
    expect(har).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a redacted HAR export imports back to the same beacons', () => {
    const { requests, inspector } = inspect();
    const again = new Inspector();
    again.addAll(importHar(JSON.stringify(exportHar(requests))).requests);
    expect(again.beacons().map((b) => `${b.protocol} ${b.event.code}`)).toEqual(
      inspector.beacons().map((b) => `${b.protocol} ${b.event.code}`),
    );
  });
});
