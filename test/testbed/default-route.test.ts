import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { play, waitForDemo, waitForPosition } from '../../demo/scenario.mjs';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { type LaunchedBrowser, launchChromium } from '../../src/cli/browser/launch.js';
import { inspect } from './received.js';

const HOST = 'analytics.kaltura.com';

let dir: string;
let server: DemoServer;
let launched: LaunchedBrowser;

beforeAll(async () => {
  // A throwaway self-signed certificate: the browser below accepts it (this test only).
  dir = await mkdtemp(join(tmpdir(), 'player-inspector-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
    ].concat([`/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST},IP:127.0.0.1`]),
    { stdio: 'ignore' },
  );
  server = await startDemoServer({ tls: { key: await readFile(key), cert: await readFile(cert) } });
  launched = await launchChromium({
    args: [
      '--autoplay-policy=no-user-gesture-required',
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1:${server.port}`,
      '--ignore-certificate-errors',
    ],
  });
});

afterAll(async () => {
  await launched?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('default analytics route', () => {
  it('KAVA with its default serviceUrl reaches analytics.kaltura.com, mapped to the local server', {
    timeout: 120_000,
  }, async () => {
    const page = await launched.browser.newPage();
    try {
      await page.goto(`${server.url}kaltura.html?route=default`);
      await waitForDemo(page);
      await play(page);
      await waitForPosition(page, 3, 30_000);
      // The first View goes out with Play: wait until it has arrived.
      await vi.waitFor(
        () => expect(server.received().some((r) => r.url.includes('eventType=99'))).toBe(true),
        {
          timeout: 10_000,
        },
      );
    } finally {
      await page.close();
    }
    const received = server.received();
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((r) => new URL(r.url).host === HOST)).toBe(true);
    const beacons = inspect(received).beacons();
    const codes = beacons.map((b) => b.event.code);
    for (const code of ['1', '2', '3', '99']) expect(codes).toContain(code);
    expect(beacons.every((b) => b.protocol === 'kava' && b.values.partnerId === '3050741')).toBe(true);
  });
});
