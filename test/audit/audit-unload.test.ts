import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { attachInspector } from '../../src/cli/api/attach-inspector.js';
import { type LaunchedBrowser, launchChromium } from '../../src/cli/browser/launch.js';
import type { JsonReport } from '../../src/core/report/index.js';
import { runCli } from './helpers/run-cli.js';

// The demo JW emitter sends its Abandon ping (gab) on pagehide when the viewer leaves mid-play, by
// sendBeacon or fetch(keepalive): the capture must end with the page, not before it.
let demo: DemoServer;
let dir: string;
let scenario: string;
let launched: LaunchedBrowser;

beforeAll(async () => {
  demo = await startDemoServer();
  dir = await mkdtemp(join(tmpdir(), 'pi-unload-'));
  scenario = join(dir, 'leave-mid-play.json');
  // Play until the Play ping (s) went out, then leave: the play is abandoned.
  await writeFile(
    scenario,
    JSON.stringify({
      steps: [
        { action: 'waitForPlayer' },
        { action: 'play', expect: [{ protocol: 'jw', name: 's' }] },
        { action: 'wait', seconds: 1 },
      ],
    }),
  );
  launched = await launchChromium({ args: ['--autoplay-policy=no-user-gesture-required'] });
});

afterAll(async () => {
  await launched?.close();
  await demo?.close();
  await rm(dir, { recursive: true, force: true });
});

const gabsReceived = () => demo.received().filter((r) => /[?&]e=gab(&|$)/.test(r.url));

describe('beacons sent while the page is torn down', () => {
  for (const transport of ['beacon', 'fetch'] as const) {
    it(`an audit captures the pagehide ${transport === 'beacon' ? 'sendBeacon' : 'fetch(keepalive)'}`, async () => {
      demo.clearReceived();
      const out = join(dir, transport);
      const url = new URL(`jw.html?unload=${transport}`, demo.url).href;
      const run = await runCli(['audit', url, '--scenario', scenario, '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      expect(gabsReceived()).toHaveLength(1);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as JsonReport;
      const events = report.beacons.map((b) => b.event.code);
      expect(events.at(-1)).toBe('gab');
      expect(report.beacons.at(-1)?.params.pw).not.toBe('128');
      expect(report.summary.errors).toBe(0);
    });
  }

  it('attachInspector: endPage() leaves the page and captures what it sends then', async () => {
    demo.clearReceived();
    const page = await launched.browser.newPage();
    const inspector = await attachInspector(page);
    await page.goto(new URL('jw.html?unload=fetch', demo.url).href);
    await page.waitForFunction('window.playerInspectorDemo && window.playerInspectorDemo.ready');
    await page.evaluate('document.querySelector("video").play()');
    await inspector.waitForEvent({ protocol: 'jw', name: 's' }, { timeout: 20_000 });
    await inspector.endPage();
    expect(page.url()).toBe('about:blank');
    const gab = inspector.beacons().find((b) => b.event.code === 'gab');
    expect(gab?.request.status).toBe(200);
    expect(gabsReceived()).toHaveLength(1);
    expect(inspector.findings().filter((f) => f.severity === 'error')).toEqual([]);
    await page.close();
  });
});
