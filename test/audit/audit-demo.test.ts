import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import type { JsonReport } from '../../src/core/report/index.js';
import { runCli } from './helpers/run-cli.js';

let demo: DemoServer;
let dir: string;

beforeAll(async () => {
  demo = await startDemoServer();
  dir = await mkdtemp(join(tmpdir(), 'pi-audit-demo-'));
});

afterAll(async () => {
  await demo?.close();
  await rm(dir, { recursive: true, force: true });
});

const page = (path: string) => new URL(path, demo.url).href;
const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

/** Event codes each clean page must send under the default scenario (play, pause, resume, seek, end). */
const EXPECTED_EVENTS: Record<string, string[]> = {
  kava: ['1', '2', '3', '99', '33', '4', '35', '11', '12', '13', '14'],
  'kaltura-stats': ['1', '2', '3', '4', '17', '5', '6', '7'],
  jw: ['e', 's', 't', 'vs', 'gab'],
};

describe('audit of the demo site', () => {
  it('the clean pages pass the default scenario, every expected event named', async () => {
    const out = join(dir, 'clean');
    const urls = ['kaltura.html', 'stats.html', 'jw.html'].map(page);
    const run = await runCli(['audit', ...urls, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.leftovers).toEqual([]);

    const folders = ['1-127.0.0.1-kaltura.html', '2-127.0.0.1-stats.html', '3-127.0.0.1-jw.html'];
    for (const [i, protocol] of ['kava', 'kaltura-stats', 'jw'].entries()) {
      const folder = join(out, folders[i] ?? '');
      const report = await readJson<JsonReport>(join(folder, 'report.json'));
      expect(report.summary.errors).toBe(0);
      expect(report.sessions.map((s) => s.protocol)).toEqual([protocol]);
      const seen = new Set(report.beacons.map((b) => b.event.code));
      for (const code of EXPECTED_EVENTS[protocol] ?? [])
        expect(seen, `${protocol} event ${code}`).toContain(code);
      // The text timeline on stdout names each event the report has.
      for (const b of report.beacons) expect(run.stdout).toContain(b.event.name);
      expect(await readFile(join(folder, 'report.xml'), 'utf8')).toMatch(/<testsuites[\s>]/);
      expect(await readFile(join(folder, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
      const har = await readJson<{ log: { entries: { request: { url: string } }[] } }>(
        join(folder, 'capture.har'),
      );
      expect(har.log.entries.length).toBeGreaterThanOrEqual(report.beacons.length);
    }
    // The seek to 80 % is in the KAVA timeline with its target.
    expect(run.stdout).toMatch(/Seek .*targetPosition=48/);
  }, 300_000);

  it('runs with the built extension loaded too (npm test builds dist/ first)', async () => {
    const scenario = join(dir, 'short.json');
    const steps = [
      { action: 'waitForPlayer' },
      { action: 'play', expect: [{ protocol: 'kava', name: 'View' }] },
    ];
    await writeFile(scenario, JSON.stringify({ steps }));
    const run = await runCli(['audit', page('kaltura.html'), '--scenario', scenario, '--with-extension']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Play Requested[\s\S]*View/);
    expect(run.leftovers).toEqual([]);
  });

  it('a scenario whose expect is not met fails with a clear message', async () => {
    const scenario = join(dir, 'unmet.json');
    await writeFile(
      scenario,
      JSON.stringify({
        steps: [
          { action: 'waitForPlayer' },
          { action: 'play', expect: [{ protocol: 'kava', name: 'Play' }] },
          {
            action: 'seek',
            to: 30,
            expect: [{ protocol: 'kava', name: 'Seek', params: { targetPosition: '31' }, within: 3 }],
          },
        ],
      }),
    );
    const out = join(dir, 'unmet');
    const run = await runCli(['audit', page('kaltura.html'), '--scenario', scenario, '--out', out]);
    expect(run.code, run.stderr).toBe(1);
    const message =
      'After step 3 (seek to 30 s), expected a Kaltura KAVA Seek event with targetPosition=31 within 3 s, but it never came';
    expect(run.stdout).toContain(message);
    const report = await readJson<JsonReport>(join(out, 'report.json'));
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule)).toEqual(['expect/event-missing']);
    expect(errors[0]?.message).toContain(message);
    // It names what did arrive after the step: the real Seek, with its other target.
    expect(errors[0]?.message).toMatch(/arrived: .*kava Seek/);
    // It belongs to the KAVA session, so CI's JUnit reader shows it as a failure.
    expect(errors[0]?.sessionId).toBe(report.sessions[0]?.id);
    expect(await readFile(join(out, 'report.xml'), 'utf8')).toContain(`<failure message="${message}`);
    expect(run.leftovers).toEqual([]);
  });
});
