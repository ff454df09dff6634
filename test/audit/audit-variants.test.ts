import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import type { Variant } from '../../demo/variants.mjs';
import type { Scenario } from '../../src/cli/audit/scenario.js';
import { folderFor } from '../../src/cli/audit/write-reports.js';
import type { JsonReport } from '../../src/core/report/index.js';
import { runCli } from './helpers/run-cli.js';
import { QUICK } from './helpers/scenarios.js';

let demo: DemoServer;
let dir: string;
let variants: Variant[];

beforeAll(async () => {
  demo = await startDemoServer();
  dir = await mkdtemp(join(tmpdir(), 'pi-audit-variants-'));
  variants = (await (await fetch(new URL('variants.json', demo.url))).json()) as Variant[];
});

afterAll(async () => {
  await demo?.close();
  await rm(dir, { recursive: true, force: true });
});

// Short scenarios keep the suite quick; bugs in View timing need 2 Views, up to 30 s apart.
const VIEWS: Scenario = {
  steps: [
    { action: 'waitForPlayer' },
    { action: 'play' },
    { action: 'wait', seconds: 34, until: { protocol: 'kava', name: 'View', count: 2 } },
    { action: 'seek', to: '80%' },
    { action: 'wait', until: 'ended', seconds: 15 },
  ],
};
const TIMING_RULES = new Set(['kava/view-interval', 'kava/event-index-sequence']);

async function auditVariants(name: string, list: Variant[], scenario: Scenario) {
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(scenario));
  const urls = list.map((v) => new URL(`${v.page}.html?bug=${encodeURIComponent(v.bug)}`, demo.url).href);
  const out = join(dir, name);
  const run = await runCli(['audit', ...urls, '--scenario', file, '--out', out]);
  const reports = await Promise.all(
    urls.map(async (url, i) => {
      const path = join(out, urls.length > 1 ? folderFor(url, i) : '', 'report.json');
      return JSON.parse(await readFile(path, 'utf8')) as JsonReport;
    }),
  );
  return { run, reports };
}

describe('audit of the broken variants', () => {
  it('reports each variant with its documented rule ids, and exits 1 on error-level ones', async () => {
    expect(variants.length).toBeGreaterThan(0);
    const slow = variants.filter((v) => v.expectedRules.some((r) => TIMING_RULES.has(r)));
    // One browser per page plays its quick variants, so the groups run side by side.
    const quick = ['kaltura', 'stats', 'jw']
      .map((p) => variants.filter((v) => v.page === p && !slow.includes(v)))
      .filter((list) => list.length > 0);
    const lists = [...quick, slow];
    const groups = await Promise.all(
      lists.map((list, i) =>
        auditVariants(i < quick.length ? `quick-${i}` : 'views', list, i < quick.length ? QUICK : VIEWS),
      ),
    );
    for (const [i, list] of lists.entries()) {
      const group = groups[i];
      if (!group) throw new Error('missing audit group');
      expect(group.run.leftovers).toEqual([]);
      let anyError = false;
      for (const [j, variant] of list.entries()) {
        const report = group.reports[j] as JsonReport;
        const label = `${variant.page}?bug=${variant.bug}`;
        const rules = new Set(report.findings.map((f) => f.rule));
        for (const id of variant.expectedRules) expect(rules, `${label} reports ${id}`).toContain(id);
        const errorRules = report.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
        for (const id of errorRules)
          expect(variant.expectedRules, `${label}: unexpected ${id}`).toContain(id);
        anyError ||= errorRules.length > 0;
        // The rule ids reach the terminal too.
        for (const id of variant.expectedRules) expect(group.run.stdout).toContain(id);
      }
      expect(group.run.code, group.run.stderr).toBe(anyError ? 1 : 0);
    }
    // Missing fields and broken sequences are errors: at least that group fails the build.
    expect(groups.some((g) => g.run.code === 1)).toBe(true);
  }, 600_000);
});
