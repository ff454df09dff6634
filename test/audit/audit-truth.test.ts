import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { folderFor } from '../../src/cli/audit/write-reports.js';
import { importHar } from '../../src/core/capture/har-import.js';
import type { JsonReport } from '../../src/core/report/index.js';
import { runCli } from './helpers/run-cli.js';

let demo: DemoServer;
let dir: string;

beforeAll(async () => {
  demo = await startDemoServer();
  dir = await mkdtemp(join(tmpdir(), 'pi-audit-truth-'));
});

afterAll(async () => {
  await demo?.close();
  await rm(dir, { recursive: true, force: true });
});

const page = (path: string) => new URL(path, demo.url).href;
const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

// Play, pause, resume, seek and end: every real event the truth rules judge, in about 20 s of video.
const SCENARIO = {
  steps: [
    { action: 'waitForPlayer' },
    { action: 'play' },
    { action: 'wait', seconds: 5 },
    { action: 'pause' },
    { action: 'wait', seconds: 2 },
    { action: 'play' },
    { action: 'seek', to: '80%' },
    { action: 'wait', until: 'ended', seconds: 20 },
  ],
};

describe('ground truth in audits', () => {
  it('the real Kaltura player, the stats and the JW emitter pass it: no truth finding, a truth section each', async () => {
    const scenario = join(dir, 'scenario.json');
    await writeFile(scenario, JSON.stringify(SCENARIO));
    const out = join(dir, 'clean');
    const urls = ['kaltura.html', 'stats.html', 'jw.html'].map(page);
    const run = await runCli(['audit', ...urls, '--scenario', scenario, '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const [i, url] of urls.entries()) {
      const folder = join(out, folderFor(url, i));
      const report = await readJson<JsonReport>(join(folder, 'report.json'));
      expect(report.findings.filter((f) => f.rule.startsWith('truth/'))).toEqual([]);
      const video = report.truth?.videos[0];
      expect(report.truth?.videos).toHaveLength(1);
      expect(video?.duration).toBe(60);
      // 5 s before the pause, then from 48 s to the end.
      expect(video?.watchedSeconds).toBeGreaterThan(15);
      expect(video?.events.map((e) => e.kind)).toEqual([
        'start',
        'pause',
        'resume',
        'seek',
        'pause',
        'ended',
      ]);
      expect(video?.sessions).toEqual(report.sessions.map((s) => `${s.protocol}:${s.id}`));
      expect(await readFile(join(folder, 'report.html'), 'utf8')).toContain('class="truth-playhead"');
      // The HAR carries the truth too (for the panel and for judging again).
      expect(importHar(await readFile(join(folder, 'capture.har'), 'utf8')).truth?.videos).toHaveLength(1);
    }
    expect(run.stdout).toMatch(
      /Ground truth: video#\S+ \(video1\) played \d+(\.\d+)? s of 60 s, 1 pause\(s\), 1 seek\(s\), ended/,
    );
  }, 300_000);

  it('a page whose KAVA plugin is disabled fails by ground truth: error, exit 1', async () => {
    const scenario = join(dir, 'short.json');
    await writeFile(
      scenario,
      JSON.stringify({
        steps: [
          { action: 'waitForPlayer' },
          { action: 'play' },
          { action: 'seek', to: '90%' },
          { action: 'wait', until: 'ended', seconds: 15 },
        ],
      }),
    );
    const out = join(dir, 'disabled');
    const run = await runCli([
      'audit',
      page('kaltura.html?bug=kava-disabled'),
      '--scenario',
      scenario,
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(
      /truth\/no-beacons.*played \d+(\.\d+)? s but no analytics beacon of any known protocol was sent/,
    );
    const report = await readJson<JsonReport>(join(out, 'report.json'));
    expect(report.summary.beacons).toBe(0);
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([['truth/no-beacons', 'error']]);
  }, 120_000);
});
