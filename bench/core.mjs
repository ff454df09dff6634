// Core throughput (decode + validate) beside the floor of merely parsing the same URLs, and the cost of
// incremental validation (one beacon at a time, reading its findings) against a batch.
import { Inspector } from '../lib/core/index.js';
import { requests } from './beacons.mjs';

/** Requests are generated outside the timed sections, one chunk at a time, so 1 M never sit in memory. */
const CHUNK = 10_000;
/** Beacons one Inspector retains before the next takes over (a capture file of 100 k beacons). */
export const INSPECTOR_SPAN = 100_000;

/**
 * CPU milliseconds of this process (all its threads, GC helpers included): on a shared machine wall time
 * measures the neighbours, CPU time measures us.
 */
export function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The floor: what any tool pays just to read the parameters of a URL. */
function floor(chunk) {
  let pairs = 0;
  for (const r of chunk) {
    for (const _ of new URLSearchParams(r.url.slice(r.url.indexOf('?') + 1))) pairs += 1;
  }
  return pairs;
}

function* chunks(protocol, n) {
  let chunk = [];
  for (const r of requests(protocol, n)) {
    chunk.push(r);
    if (chunk.length === CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Heap in use after a full collection (needs --expose-gc; outside the timed sections). */
function heapAfterGc() {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

/**
 * Decodes and validates `n` beacons of one protocol. Every beacon stays retained by its Inspector (as the
 * panel and the CLI keep them); past INSPECTOR_SPAN a new Inspector starts, so 1 M beacons fit a default
 * heap. Peak heap is sampled after each chunk (garbage included); the heap each Inspector holds is weighed
 * after a full collection (needs --expose-gc).
 */
export function throughput(protocol, n) {
  const heapBefore = heapAfterGc();
  let coreMs = 0;
  let floorMs = 0;
  let peakHeap = 0;
  let retainedPerBeacon = 0;
  let inspector = new Inspector();
  let beacons = 0;
  let findings = 0;
  let base = heapBefore;
  // Counts an inspector's beacons and findings, and weighs it: the heap grown since it was created
  // (its beacons and the captured requests they keep), after a full collection.
  const retire = () => {
    const t = cpuMs();
    findings += inspector.findings().length;
    coreMs += cpuMs() - t;
    const count = inspector.beacons().length;
    beacons += count;
    retainedPerBeacon = Math.max(retainedPerBeacon, (heapAfterGc() - base) / count);
    inspector = new Inspector();
    base = heapAfterGc();
  };
  for (const chunk of chunks(protocol, n)) {
    let t = cpuMs();
    floor(chunk);
    floorMs += cpuMs() - t;
    if (inspector.beacons().length >= INSPECTOR_SPAN) retire();
    t = cpuMs();
    for (const r of chunk) inspector.add(r);
    coreMs += cpuMs() - t;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - heapBefore);
  }
  retire();
  if (beacons !== n) throw new Error(`${protocol}: ${beacons} of ${n} requests were recognised as beacons`);
  return {
    protocol,
    n,
    findings,
    beacons_per_s: Math.round(n / (coreMs / 1000)),
    floor_urls_per_s: Math.round(n / (floorMs / 1000)),
    ratio: round(floorMs / coreMs, 3),
    us_per_beacon: round((coreMs * 1000) / n, 3),
    peak_heap_mb: round(peakHeap / 2 ** 20, 1),
    retained_bytes_per_beacon: Math.round(retainedPerBeacon),
  };
}

/**
 * Per-beacon cost of the panel's way (add one, then read that beacon's findings) over the CLI's way
 * (add all, then every finding once).
 */
export function incremental(protocol, n, rounds = 3) {
  const list = [...requests(protocol, n)];
  let batchMs = Number.POSITIVE_INFINITY;
  let incrementalMs = Number.POSITIVE_INFINITY;
  let seen = 0;
  // The best of a few rounds: on a shared machine the worst ones measure the neighbours.
  for (let round = 0; round < rounds; round++) {
    globalThis.gc?.();
    const batch = new Inspector();
    let t = cpuMs();
    batch.addAll(list);
    const batchFindings = batch.findings().length;
    batchMs = Math.min(batchMs, cpuMs() - t);
    globalThis.gc?.();
    const one = new Inspector();
    seen = 0;
    t = cpuMs();
    for (const r of list) {
      const beacon = one.add(r);
      seen += one.findingsForBeacon(beacon.index).length;
    }
    incrementalMs = Math.min(incrementalMs, cpuMs() - t);
    if (one.findings().length !== batchFindings) throw new Error(`${protocol}: incremental findings differ`);
  }
  return {
    protocol,
    n,
    findings_seen: seen,
    batch_us_per_beacon: round((batchMs * 1000) / n, 3),
    incremental_us_per_beacon: round((incrementalMs * 1000) / n, 3),
    ratio: round(incrementalMs / batchMs, 2),
  };
}

export function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
