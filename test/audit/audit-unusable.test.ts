import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { startTinySite, type TinySite } from './helpers/tiny-site.js';

// Audits that cannot run end with exit 2, one line saying why, and no Chromium left behind.
let site: TinySite;
let silent: Server;
const silentSockets = new Set<Socket>();
let silentUrl: string;
let dir: string;

beforeAll(async () => {
  site = await startTinySite();
  dir = await mkdtemp(join(tmpdir(), 'pi-audit-'));
  // Accepts connections and never answers: a page that never loads.
  silent = createServer((socket) => {
    silentSockets.add(socket);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  silentUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});

afterAll(async () => {
  for (const socket of silentSockets) socket.destroy();
  await new Promise((resolve) => silent?.close(resolve));
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The reason is one line on stderr after the progress lines. */
function reason(stderr: string): string {
  const lines = stderr.trim().split('\n');
  return lines.filter((l) => l.startsWith('player-inspector: ')).join('\n');
}

describe('audit that cannot run', () => {
  it('a page without a player', async () => {
    const run = await runCli(['audit', `${site.url}/no-player.html`, '--timeout', '4']);
    expect(run.code).toBe(2);
    expect(reason(run.stderr)).toMatch(
      /^player-inspector: no player: the page has no <video> element after \d+ s$/,
    );
    expect(run.leftovers).toEqual([]);
  });

  it('a URL that does not resolve', async () => {
    const run = await runCli(['audit', 'http://no-such-host.invalid/watch', '--timeout', '4']);
    expect(run.code).toBe(2);
    expect(reason(run.stderr)).toBe(
      'player-inspector: http://no-such-host.invalid/watch does not resolve (net::ERR_NAME_NOT_RESOLVED)',
    );
    expect(run.leftovers).toEqual([]);
  });

  it('a page that never loads', async () => {
    const run = await runCli(['audit', silentUrl, '--timeout', '3']);
    expect(run.code).toBe(2);
    expect(reason(run.stderr)).toBe(`player-inspector: ${silentUrl} did not load within 3 s`);
    expect(run.leftovers).toEqual([]);
  });

  it('an argument that is no page URL', async () => {
    const run = await runCli(['audit', 'example.test/watch']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'player-inspector: example.test/watch is not a URL: did you mean https://example.test/watch?',
    );
  });

  it('a scenario file with a mistake, before any browser starts', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ steps: [{ action: 'play' }, { action: 'seek', to: '120%' }] }));
    const run = await runCli(['audit', site.url, '--scenario', file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `player-inspector: ${file}: steps[1].to must be seconds (a number ≥ 0) or a percentage like "80%"`,
    );
  });

  it('--with-extension on a folder without a built extension', async () => {
    const run = await runCli(['audit', site.url, '--with-extension', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `player-inspector: ${dir} holds no built extension (manifest.json): run \`npm run build\` first`,
    );
  });

  it('a script step that throws, or never finishes, stops the audit', async () => {
    const file = join(dir, 'scripts.json');
    const steps = (script: string) => ({
      steps: [{ action: 'waitForPlayer' }, { action: 'evaluate', script }],
    });
    await writeFile(file, JSON.stringify(steps('alert("hi"); window.noSuchPlayer.play()')));
    const threw = await runCli(['audit', site.url, '--scenario', file, '--timeout', '10']);
    expect(threw.code).toBe(2);
    expect(reason(threw.stderr)).toMatch(
      /^player-inspector: step 2 \(evaluate script\) failed: the script threw: .*reading 'play'/,
    );
    await writeFile(file, JSON.stringify(steps('new Promise(() => {})')));
    const hung = await runCli(['audit', site.url, '--scenario', file, '--timeout', '3']);
    expect(hung.code).toBe(2);
    expect(reason(hung.stderr)).toBe(
      'player-inspector: step 2 (evaluate script) failed: the script did not finish within 3 s',
    );
    expect([...threw.leftovers, ...hung.leftovers]).toEqual([]);
  });

  it('a click target that is missing stops the audit with the step named', async () => {
    const file = join(dir, 'click.json');
    await writeFile(
      file,
      JSON.stringify({ steps: [{ action: 'waitForPlayer' }, { action: 'click', selector: '#nope' }] }),
    );
    const run = await runCli(['audit', site.url, '--scenario', file, '--timeout', '10']);
    expect(run.code).toBe(2);
    expect(reason(run.stderr)).toMatch(/^player-inspector: step 2 \(click #nope\) failed: .*#nope/);
    expect(run.leftovers).toEqual([]);
  });
});
