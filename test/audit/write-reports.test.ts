import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AttachedInspector } from '../../src/cli/api/attach-inspector.js';
import { folderFor, writeReports } from '../../src/cli/audit/write-reports.js';
import { importHar } from '../../src/core/capture/har-import.js';
import { Inspector } from '../../src/core/inspector.js';
import { hostileHar, leaks } from '../helpers/hostile-har.js';

// What an audit writes for a page whose URL carries a ks: no file, title or folder name holds it.
// (No browser here: the captured requests come from the hostile HAR generator.)

const tmp = mkdtempSync(join(tmpdir(), 'pi-reports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('audit reports of a page with a ks in its URL', () => {
  const { har, config, pageUrl, secrets } = hostileHar();
  const { requests } = importHar(JSON.stringify(har));
  const inspector = new Inspector({ config });
  inspector.addAll(requests);
  const attached = Object.assign(Object.create(inspector) as Inspector, {
    requests: () => requests,
  }) as unknown as AttachedInspector;

  it('names the report folder without the ks', () => {
    const folder = folderFor(pageUrl, 1);
    expect(folder).toMatch(/^2-player\.example-watch-ks-REDACTED-[0-9a-f]{4}-upto\d+/);
    expect(leaks(folder, secrets)).toEqual([]);
  });

  it('writes the title and all four files without any secret', async () => {
    const dir = join(tmp, folderFor(pageUrl, 0));
    const paths = await writeReports(dir, attached, `Player Inspector audit of ${pageUrl}`);
    expect(readdirSync(dir).sort()).toEqual(['capture.har', 'report.html', 'report.json', 'report.xml']);
    for (const path of Object.values(paths))
      expect(leaks(readFileSync(path, 'utf8'), secrets), path).toEqual([]);
    const html = readFileSync(paths.html, 'utf8');
    expect(html).toMatch(
      /<title>Player Inspector audit of https:\/\/player\.example\/watch\?ks=REDACTED:[0-9a-f]{4}:upto\d+&amp;lang=en<\/title>/,
    );
  });
});
