import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import type { Variant } from '../../demo/variants.mjs';
import { folderFor } from '../../src/cli/audit/write-reports.js';
import type { Difference } from '../../src/core/diff/types.js';
import { runCli } from './helpers/run-cli.js';
import { QUICK } from './helpers/scenarios.js';

// Golden-session diff with the real Kaltura player: two separate audits of the clean demo page must
// compare as equivalent; each variant with an `expectedDiff` must differ, naming what it changed.
let demo: DemoServer;
let dir: string;
let variants: Variant[];

beforeAll(async () => {
  demo = await startDemoServer();
  dir = await mkdtemp(join(tmpdir(), 'pi-audit-diff-'));
  variants = ((await (await fetch(new URL('variants.json', demo.url))).json()) as Variant[]).filter(
    (v) => v.expectedDiff,
  );
});

afterAll(async () => {
  await demo?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Audits the URLs in one CLI run; returns each page's output folder. */
async function audit(name: string, urls: string[]): Promise<string[]> {
  const scenario = join(dir, 'scenario.json');
  await writeFile(scenario, JSON.stringify(QUICK));
  const out = join(dir, name);
  const run = await runCli(['audit', ...urls, '--scenario', scenario, '--out', out]);
  expect(run.code, run.stderr).not.toBe(2);
  expect(run.leftovers).toEqual([]);
  return urls.map((url, i) => join(out, urls.length > 1 ? folderFor(url, i) : ''));
}

async function diffJson(baseline: string, candidate: string) {
  const run = await runCli(['diff', baseline, candidate, '--format', 'json']);
  expect(run.code, run.stderr).not.toBe(2);
  const report = JSON.parse(run.stdout) as { equivalent: boolean; differences: Difference[] };
  return { code: run.code, report };
}

describe('diff of real audits of the demo', () => {
  it('finds two audits of the same page equivalent, and each broken variant different where it broke', async () => {
    expect(variants.map((v) => v.bug)).toEqual(
      expect.arrayContaining(['no-session', 'no-play-requested', 'other-partner']),
    );
    const page = (v?: Variant) =>
      new URL(v ? `${v.page}.html?bug=${encodeURIComponent(v.bug)}` : 'kaltura.html', demo.url).href;
    const [golden] = await audit('golden', [page()]);
    const [again, ...broken] = await audit('candidates', [page(), ...variants.map(page)]);

    // Equivalent whether the audit's JSON report or its HAR is compared.
    for (const file of ['report.json', 'capture.har']) {
      const same = await diffJson(join(golden!, file), join(again!, file));
      expect(
        same.report.differences.filter((d) => d.matters),
        file,
      ).toEqual([]);
      expect(same.code).toBe(0);
    }

    for (const [i, variant] of variants.entries()) {
      const { code, report } = await diffJson(join(golden!, 'report.json'), join(broken[i]!, 'report.json'));
      const label = `kaltura?bug=${variant.bug}`;
      expect(code, label).toBe(1);
      const named = report.differences
        .filter((d) => d.matters)
        .flatMap((d) => (d.kind === 'event-missing' ? [d.event?.replace(/ \(\w+\)$/, '')] : [d.param]));
      for (const name of variant.expectedDiff ?? []) expect(named, `${label} names ${name}`).toContain(name);
    }
  }, 400_000);
});
