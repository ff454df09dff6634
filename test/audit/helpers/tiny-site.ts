import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small local site for the capture tests: a page with a `<video>` that sends beacons in every way a
 * player can (sendBeacon, image, fetch, XHR), a cross-site iframe, a popup, a 404 and a failing request.
 * `localhost` and `127.0.0.1` are different sites, so the iframe runs out of process.
 */
export interface TinySite {
  url: string;
  /** The same server under the other host name (a cross-site origin). */
  otherOrigin: string;
  received: { method: string; url: string; body: string }[];
  close(): Promise<void>;
}

const VIDEO = new URL('../../../demo/media/test-video.mp4', import.meta.url);

function page(otherOrigin: string): string {
  return `<!doctype html><title>tiny</title>
<video id="v" src="/video.mp4" muted playsinline preload="auto"></video>
<button id="popup">popup</button>
<script>
  document.cookie = 'visit=1';
  const v = document.getElementById('v');
  v.addEventListener('play', () => {
    navigator.sendBeacon('/collect?via=beacon', 'event=play&ks=secret-ks');
    new Image().src = '/collect?via=image&event=play';
    fetch('/collect?via=fetch', { method: 'POST', body: 'event=play', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const x = new XMLHttpRequest(); x.open('GET', '/collect?via=xhr'); x.send();
    fetch('/missing?via=404');
    fetch('http://127.0.0.1:1/refused?via=refused').catch(() => {});
  });
  v.addEventListener('pause', () => navigator.sendBeacon('/collect?via=beacon&event=pause', 'event=pause'));
  document.getElementById('popup').addEventListener('click', () => window.open('/popup.html'));
  const frame = document.createElement('iframe');
  frame.src = '${otherOrigin}/frame.html';
  document.body.append(frame);
</script>`;
}

const FRAME = `<!doctype html><script>setTimeout(() => fetch('/collect?via=iframe'), 300);</script>`;
const POPUP = `<!doctype html><script>setTimeout(() => navigator.sendBeacon('/collect?via=popup', 'from=popup'), 300);</script>`;
// KAVA beacons as a player could send them: a form body in a Blob (fetched by the capture, not inlined),
// with a secret `ks`; and one to a port the browser refuses (a failed beacon).
const KAVA_POST = `<!doctype html><script>
  const common = 'service=analytics&action=trackEvent&partnerId=123&entryId=1_abcdefgh&sessionId=s-1&ks=secret-ks';
  const blob = (extra) => new Blob([common + extra], { type: 'application/x-www-form-urlencoded' });
  navigator.sendBeacon('/api_v3/index.php', blob('&eventType=1&eventIndex=1&position=0'));
  fetch('http://127.0.0.1:1/api_v3/index.php?' + common + '&eventType=2&eventIndex=2&position=0').catch(() => {});
</script>`;
const NO_PLAYER = `<!doctype html><title>no player</title><p>No video here.</p>`;

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startTinySite(): Promise<TinySite> {
  const video = await readFile(VIDEO);
  const received: TinySite['received'] = [];
  let otherOrigin = '';
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = (text: string) => res.writeHead(200, { 'content-type': 'text/html' }).end(text);
    if (path === '/') return html(page(otherOrigin));
    if (path === '/frame.html') return html(FRAME);
    if (path === '/popup.html') return html(POPUP);
    if (path === '/no-player.html') return html(NO_PLAYER);
    if (path === '/kava-post.html') return html(KAVA_POST);
    if (path === '/collect' || path === '/api_v3/index.php') {
      received.push({ method: req.method ?? '', url: req.url ?? '', body: await bodyOf(req) });
      return res
        .writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' })
        .end('1');
    }
    if (path === '/redirect') return res.writeHead(302, { location: '/collect?via=redirected' }).end();
    if (path === '/video.mp4') return serveVideo(req, res, video);
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  otherOrigin = `http://localhost:${port}`;
  return {
    url: `http://127.0.0.1:${port}`,
    otherOrigin,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Range requests, so that Chromium can seek and read the metadata. */
function serveVideo(req: IncomingMessage, res: import('node:http').ServerResponse, video: Buffer): void {
  const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
  if (!range) {
    res.writeHead(200, {
      'content-type': 'video/mp4',
      'accept-ranges': 'bytes',
      'content-length': video.length,
    });
    res.end(video);
    return;
  }
  const start = Number(range[1]);
  const end = range[2] ? Number(range[2]) : video.length - 1;
  res.writeHead(206, {
    'content-type': 'video/mp4',
    'accept-ranges': 'bytes',
    'content-range': `bytes ${start}-${end}/${video.length}`,
    'content-length': end - start + 1,
  });
  res.end(video.subarray(start, end + 1));
}
