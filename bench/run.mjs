// `npm run bench [-- --json] [-- --only core,incremental,reports,streams,har,panel] [-- --sizes 10000,100000] [-- --protocols kava] [-- --stream-size 1000000]`
// Prints figures, asserts nothing. With --json the last line is one JSON object (docs/performance.md).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { incremental, round, throughput } from './core.mjs';
import { validateHar, writeHar } from './har.mjs';
import { panelBench } from './panel.mjs';
import { reportBench } from './reports.mjs';
import { streamBench } from './streams.mjs';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string', default: 'core,incremental,reports,streams,har,panel' },
    'stream-size': { type: 'string', default: '1000000' },
    sizes: { type: 'string', default: '10000,100000,1000000' },
    protocols: { type: 'string', default: 'kava,kaltura-stats,jw' },
  },
});
const parts = new Set(values.only.split(','));
const sizes = values.sizes.split(',').map(Number);
const protocols = values.protocols.split(',');
const log = (line = '') => console.log(line);
const pad = (v, n) => String(v).padStart(n);

const cpuModel =
  readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model;
const result = {
  date: new Date().toISOString(),
  machine: {
    nproc: cpus().length,
    cpu: cpuModel,
    node: process.version,
    loadavg: (await import('node:os')).loadavg(),
  },
};
log(
  `Player Inspector benchmarks, ${result.date}: ${result.machine.nproc} × ${cpuModel}, node ${process.version}`,
);

if (parts.has('core')) {
  log('\nCore throughput: decode + validate, beside the floor (URLSearchParams over the same URLs)');
  log('protocol           N   beacons/s  floor URLs/s  ratio  µs/beacon  peak heap MB  B/beacon  findings');
  result.core = [];
  // A warm-up run so that the first figures do not include compiling the code.
  for (const p of protocols) throughput(p, 10_000);
  for (const p of protocols) {
    for (const n of sizes) {
      const r = throughput(p, n);
      result.core.push(r);
      log(
        `${p.padEnd(14)}${pad(n, 8)}${pad(r.beacons_per_s, 12)}${pad(r.floor_urls_per_s, 14)}${pad(r.ratio.toFixed(2), 7)}` +
          `${pad(r.us_per_beacon.toFixed(2), 11)}${pad(r.peak_heap_mb, 14)}${pad(r.retained_bytes_per_beacon, 10)}${pad(r.findings, 10)}`,
      );
    }
  }
  const kava = result.core.filter((r) => r.protocol === 'kava').at(-1);
  Object.assign(result, {
    kava_beacons_per_s: kava.beacons_per_s,
    floor_urls_per_s: kava.floor_urls_per_s,
    ratio: kava.ratio,
  });
}

if (parts.has('incremental')) {
  log('\nIncremental (add one, read its findings) against batch (add all, then findings)');
  log('protocol           N  batch µs/beacon  incremental µs/beacon  ratio');
  result.incremental = protocols.map((p) => {
    const r = incremental(p, 20_000);
    log(
      `${p.padEnd(14)}${pad(r.n, 8)}${pad(r.batch_us_per_beacon.toFixed(2), 17)}${pad(r.incremental_us_per_beacon.toFixed(2), 23)}${pad(r.ratio.toFixed(2), 7)}`,
    );
    return r;
  });
  result.incremental_ratio = Math.max(...result.incremental.map((r) => r.ratio));
}

if (parts.has('reports')) {
  log('\nReports on a KAVA capture (a tenth of the beacons broken): CPU time per format');
  log('format          N  findings      ms  µs/beacon  size MB');
  // 1 M beacons would make reports over the 512 MB string limit of V8: the two smaller sizes show the trend.
  result.reports = reportBench(sizes.filter((n) => n <= 100_000));
  for (const r of result.reports) {
    log(
      `${r.format.padEnd(8)}${pad(r.n, 8)}${pad(r.findings, 10)}${pad(r.ms, 8)}${pad(r.us_per_beacon.toFixed(2), 11)}${pad(r.size_mb, 9)}`,
    );
  }
}

if (parts.has('streams')) {
  const n = Number(values['stream-size']);
  log(`\nReports of ${n} KAVA beacons streamed to a file (a child process per format: peak RSS)`);
  log('format          N  exit  seconds  size MB  peak RSS MB');
  const dir = mkdtempSync(join(tmpdir(), 'player-inspector-bench-'));
  try {
    result.streams = await streamBench(n, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const r of result.streams) {
    log(
      `${r.format.padEnd(8)}${pad(r.n, 8)}${pad(r.exit, 6)}${pad(r.seconds, 9)}${pad(r.size_mb, 9)}${pad(r.peak_rss_mb, 13)}`,
    );
  }
}

if (parts.has('har')) {
  const dir = mkdtempSync(join(tmpdir(), 'player-inspector-bench-'));
  try {
    const path = join(dir, 'capture.har');
    const entries = 100_000;
    const bytes = writeHar(path, entries);
    const r = await validateHar(path, dir);
    result.har = {
      entries,
      size_mb: round(bytes / 2 ** 20, 1),
      beacons: r.beacons,
      seconds: round(r.seconds, 2),
      peak_rss_mb: round(r.peakRssMb, 1),
    };
    log(
      `\nHAR import: ${result.har.size_mb} MB, ${entries} entries (${r.beacons} beacons) through \`validate\`: ` +
        `${result.har.seconds} s, peak RSS ${result.har.peak_rss_mb} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (parts.has('panel')) {
  const r = await panelBench();
  result.panel = r;
  log(
    `\nPanel with ${r.stored} stored beacons (Chromium): first row ${r.first_row_ms} ms, all rows ${r.all_rows_ms} ms`,
  );
  const frames = (name, f) =>
    log(
      `  ${name}: ${f.frames} frames, median ${f.median_ms} ms, p95 ${f.p95_ms} ms, max ${f.max_ms} ms, ${f.over_50ms} over 50 ms`,
    );
  frames('scrolling', r.scrolling);
  frames(`${r.live.beacons_sent} live beacons at 100/s`, r.live);
}

if (values.json) log(JSON.stringify(result));
