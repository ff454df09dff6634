// @ts-check
/**
 * The demo site: pages with a real Kaltura player, a legacy stats emitter and a JW OTT ping emitter,
 * plus the analytics endpoints they report to. Plain ESM JavaScript so that Node, vitest, the CLI and
 * `npm run demo` all run it without a build step.
 */
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { variants } from './variants.mjs';

/**
 * @typedef {{ time: number, method: string, url: string, body: string }} ReceivedBeacon
 * @typedef {{ url: string, port: number, received(): ReceivedBeacon[], clearReceived(): void,
 *   close(): Promise<void> }} DemoServer
 * @typedef {{ port?: number, host?: string, tls?: { key: string | Buffer, cert: string | Buffer } }} DemoServerOptions
 */

const demoDir = dirname(fileURLToPath(import.meta.url));
const rootDir = resolve(demoDir, '..');

/** The players come from node_modules, never a CDN: a fixed list, so nothing else there is served. */
const vendorFiles = {
  '/vendor/kaltura-ovp-player.js': 'node_modules/@playkit-js/kaltura-player-js/dist/kaltura-ovp-player.js',
  '/vendor/playkit-kava.js': 'node_modules/@playkit-js/playkit-js-kava/dist/playkit-kava.js',
  // KAVA 0.5.1, installed under the npm alias kava-0-5: an older client, still deployed.
  '/vendor/kava-0-5.js': 'node_modules/kava-0-5/dist/playkit-kava.js',
};

/** @type {Record<string, string>} */
const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.mp4': 'video/mp4',
};

// The smallest transparent GIF, as tracking pixels answer.
const pixel = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': '*',
};

/**
 * Starts the demo site. With `tls` it serves HTTPS (the default-route test maps the real analytics host
 * here, and KAVA then uses the page's protocol).
 * @param {DemoServerOptions} [options]
 * @returns {Promise<DemoServer>}
 */
export async function startDemoServer({ port = 0, host = '127.0.0.1', tls } = {}) {
  /** @type {ReceivedBeacon[]} */
  let log = [];
  const scheme = tls ? 'https' : 'http';

  /** @type {import('node:http').RequestListener} */
  const handle = (req, res) => {
    const chunks = /** @type {Buffer[]} */ ([]);
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? host}`);
      route(req, url, body, res).catch((error) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
  };

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {URL} url
   * @param {string} body
   * @param {import('node:http').ServerResponse} res
   */
  async function route(req, url, body, res) {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const isKaltura = /\/api_v3\/(index\.php|service\/)/.test(path);
    const isJw = /^\/v1\/[^/]+\/ping\.gif$/.test(path);
    if (method === 'OPTIONS') {
      res.writeHead(204, corsHeaders);
      res.end();
      return;
    }
    if (isKaltura || isJw) {
      log.push({ time: Date.now(), method, url: url.href, body });
      if (isKaltura) {
        // Like the real service: 200 with the server's Unix time in seconds.
        res.writeHead(200, { ...corsHeaders, 'content-type': 'text/plain' });
        res.end(String(Math.floor(Date.now() / 1000)));
      } else {
        res.writeHead(200, { ...corsHeaders, 'content-type': 'image/gif', 'content-length': pixel.length });
        res.end(pixel);
      }
      return;
    }
    if (path === '/variants.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(variants, null, 2));
      return;
    }
    const vendor = vendorFiles[/** @type {keyof typeof vendorFiles} */ (path)];
    const file = vendor ? join(rootDir, vendor) : publicFile(path);
    if (!file) return notFound(res);
    await sendFile(file, method, req.headers.range, res);
  }

  const server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handle) : createHttpServer(handle);
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(undefined));
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `${scheme}://${host}:${boundPort}/`,
    port: boundPort,
    received: () => [...log],
    clearReceived() {
      log = [];
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok(undefined));
      }),
  };
}

/**
 * Maps a URL path to a file of demo/public (or the test video), refusing anything outside.
 * @param {string} path
 */
function publicFile(path) {
  const clean = path === '/' ? '/index.html' : decodeURIComponent(path);
  const base = clean.startsWith('/media/') ? demoDir : join(demoDir, 'public');
  const file = resolve(base, `.${clean}`);
  return file.startsWith(`${base}/`) ? file : undefined;
}

/**
 * Sends a file, honouring a single byte range: the video element seeks with range requests.
 * @param {string} file
 * @param {string} method
 * @param {string | undefined} range
 * @param {import('node:http').ServerResponse} res
 */
async function sendFile(file, method, range, res) {
  let data;
  try {
    data = await readFile(file);
  } catch {
    return notFound(res);
  }
  const headers = {
    'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream',
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
  };
  const match = range && /^bytes=(\d*)-(\d*)$/.exec(range);
  let status = 200;
  if (match && (match[1] || match[2])) {
    const start = match[1] ? Number(match[1]) : Math.max(0, data.length - Number(match[2]));
    const end = match[1] && match[2] ? Math.min(Number(match[2]), data.length - 1) : data.length - 1;
    if (start > end || start >= data.length) {
      res.writeHead(416, { 'content-range': `bytes */${data.length}` });
      res.end();
      return;
    }
    status = 206;
    Object.assign(headers, { 'content-range': `bytes ${start}-${end}/${data.length}` });
    data = data.subarray(start, end + 1);
  }
  res.writeHead(status, { ...headers, 'content-length': data.length });
  res.end(method === 'HEAD' ? undefined : data);
}

/** @param {import('node:http').ServerResponse} res */
function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 0;
  const server = await startDemoServer({ port });
  console.log(`Player Inspector demo site: ${server.url}`);
  process.on('SIGINT', () => server.close().then(() => process.exit(0)));
}
