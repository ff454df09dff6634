// HAR import: writes a big HAR like a real capture (most entries are pages, scripts, images and API calls,
// some with large bodies; a few are beacons) and validates it with the CLI in a child process.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requests } from './beacons.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START = Date.parse('2026-01-01T10:00:00Z');

const chromeHeaders = (host) => [
  { name: ':authority', value: host },
  { name: ':method', value: 'GET' },
  { name: ':scheme', value: 'https' },
  { name: 'accept', value: '*/*' },
  { name: 'accept-encoding', value: 'gzip, deflate, br, zstd' },
  { name: 'accept-language', value: 'en-GB,en;q=0.9' },
  { name: 'cache-control', value: 'no-cache' },
  { name: 'referer', value: 'https://www.example.com/watch/episode-1' },
  { name: 'sec-fetch-dest', value: 'empty' },
  { name: 'sec-fetch-mode', value: 'cors' },
  { name: 'sec-fetch-site', value: 'cross-site' },
  {
    name: 'user-agent',
    value:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  },
];

const responseHeaders = [
  { name: 'content-type', value: 'application/json; charset=utf-8' },
  { name: 'cache-control', value: 'max-age=300' },
  { name: 'date', value: 'Thu, 01 Jan 2026 10:00:00 GMT' },
  { name: 'server', value: 'nginx' },
  { name: 'access-control-allow-origin', value: '*' },
];

function entry(i, url, { method = 'GET', postData, content, resourceType = 'fetch', time }) {
  const host = new URL(url).host;
  return {
    _initiator: { type: 'script' },
    _priority: 'High',
    _resourceType: resourceType,
    cache: {},
    connection: String(443 + (i % 7)),
    pageref: 'page_1',
    request: {
      method,
      url,
      httpVersion: 'http/2.0',
      headers: chromeHeaders(host),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: postData ? postData.text.length : 0,
      ...(postData ? { postData } : {}),
    },
    response: {
      status: 200,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: responseHeaders,
      cookies: [],
      content: { size: content.text.length, mimeType: content.mimeType, text: content.text },
      redirectURL: '',
      headersSize: -1,
      bodySize: content.text.length,
      _transferSize: content.text.length + 300,
    },
    serverIPAddress: '192.0.2.10',
    startedDateTime: new Date(time).toISOString(),
    time: 42.5,
    timings: { blocked: 1.2, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 40, receive: 1.2 },
  };
}

/** A JSON API answer of about `size` characters. */
function jsonBody(i, size) {
  const item = { id: i, title: 'Episode title with some words', tags: ['drama', 'series'], score: 0.87 };
  const items = [];
  let length = 0;
  while (length < size) {
    items.push(item);
    length += 90;
  }
  return JSON.stringify({ page: i, items });
}

/**
 * Writes `entries` HAR entries (one in 50 a KAVA beacon; one in 2 000 with a ~500 kB response and a 100 kB
 * request body) and returns the file's size. Written entry by entry: the generator holds none of them.
 */
export function writeHar(path, entries = 100_000) {
  const fd = openSync(path, 'w');
  const beacons = requests('kava', Math.ceil(entries / 50), 8);
  let pending = '{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},';
  pending +=
    '"pages":[{"startedDateTime":"2026-01-01T10:00:00.000Z","id":"page_1","title":"https://www.example.com/watch/episode-1","pageTimings":{}}],"entries":[';
  const big = jsonBody(0, 500_000);
  const bigPost = { mimeType: 'application/json', text: jsonBody(1, 100_000) };
  for (let i = 0; i < entries; i++) {
    const time = START + i * 50;
    let e;
    if (i % 50 === 25) {
      const b = beacons.next().value;
      e = entry(i, b.url, {
        content: { mimeType: 'text/plain', text: b.responseText },
        resourceType: 'xhr',
        time,
      });
    } else if (i % 2000 === 1000) {
      e = entry(i, `https://api.example.com/v1/catalog?page=${i}`, {
        method: 'POST',
        postData: bigPost,
        content: { mimeType: 'application/json', text: big },
        time,
      });
    } else if (i % 4 === 0) {
      e = entry(i, `https://cdn.example.com/media/seg-${i}.m4s`, {
        content: { mimeType: 'video/mp4', text: '' },
        resourceType: 'media',
        time,
      });
    } else if (i % 4 === 1) {
      e = entry(i, `https://img.example.com/thumbs/${i}.jpg?w=320&h=180`, {
        content: { mimeType: 'image/jpeg', text: '' },
        resourceType: 'image',
        time,
      });
    } else {
      e = entry(i, `https://api.example.com/v1/items/${i}?fields=title,tags`, {
        content: { mimeType: 'application/json', text: jsonBody(i, 200) },
        time,
      });
    }
    pending += (i === 0 ? '' : ',') + JSON.stringify(e);
    if (pending.length > 1 << 20) {
      writeSync(fd, pending);
      pending = '';
    }
  }
  writeSync(fd, `${pending}]}}`);
  closeSync(fd);
  return statSync(path).size;
}

/** Runs `player-inspector validate` on the HAR; the child reports its own peak RSS as it exits. */
export function validateHar(path, dir) {
  const rssFile = join(dir, 'usage.json');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--require',
        join(ROOT, 'bench/usage-on-exit.cjs'),
        join(ROOT, 'bin/player-inspector.js'),
        'validate',
        path,
        '--format',
        'json',
        '--out',
        join(dir, 'report.json'),
      ],
      { env: { ...process.env, BENCH_USAGE_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0 && code !== 1)
        return reject(new Error(`validate exited with ${code}: ${stderr.trim()}`));
      const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
      resolve({ seconds, peakRssMb: usage.maxRSS / 1024, beacons: report.summary?.beacons });
    });
  });
}
