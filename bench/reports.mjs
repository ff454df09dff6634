// Report rendering on large captures: every format, CPU time per beacon at each size, so a cost that
// grows faster than the capture (a lookup per beacon over every finding) shows as a rising figure.
import { Inspector, REPORT_FORMATS, renderReport } from '../lib/core/index.js';
import { requests } from './beacons.mjs';
import { cpuMs, round } from './core.mjs';

/** KAVA sessions as Kaltura's player sends them, with a tenth of the beacons broken to raise findings. */
function capture(n) {
  const inspector = new Inspector();
  let i = 0;
  for (const r of requests('kava', n)) {
    i += 1;
    inspector.add(i % 10 === 0 ? { ...r, url: r.url.replace(/&position=[^&]*/, '&position=NaN') } : r);
  }
  return inspector;
}

export function reportBench(sizes) {
  const out = [];
  for (const n of sizes) {
    const inspector = capture(n);
    const findings = inspector.findings().length;
    for (const format of REPORT_FORMATS) {
      const t = cpuMs();
      const text = renderReport(format, inspector);
      const ms = cpuMs() - t;
      out.push({
        format,
        n,
        findings,
        ms: Math.round(ms),
        us_per_beacon: round((ms * 1000) / n, 2),
        size_mb: round(text.length / 2 ** 20, 1),
      });
    }
  }
  return out;
}
