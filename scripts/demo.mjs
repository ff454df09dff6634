#!/usr/bin/env node
// @ts-check
/**
 * `npm run demo`: starts the demo site, audits its Kaltura (KAVA), legacy stats and JW pages in
 * headless Chromium with the default scenario, prints each session's timeline and findings, and writes
 * the reports to reports/<page>/. Runs from lib/ (built by `npm ci` through `prepare`).
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pc from 'picocolors';
import { startDemoServer } from '../demo/server.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const lib = (/** @type {string} */ path) => pathToFileURL(resolve(root, 'lib', path)).href;

/** @type {{ path: string, name: string, label: string }[]} */
const PAGES = [
  { path: 'kaltura.html', name: 'kaltura', label: 'Kaltura player with KAVA' },
  { path: 'stats.html', name: 'stats', label: 'Kaltura legacy stats' },
  { path: 'jw.html', name: 'jw', label: 'JW Player OTT pings' },
];

async function main() {
  let modules;
  try {
    modules = await Promise.all([
      import(lib('cli/audit/run-audit.js')),
      import(lib('cli/audit/progress.js')),
      import(lib('cli/audit/write-reports.js')),
      import(lib('core/report/index.js')),
    ]);
  } catch {
    process.stderr.write('demo: lib/ is not built: run `npm run build:lib` (npm ci does it) first\n');
    return 2;
  }
  const [{ runAudits }, { createProgress }, { writeReports }, { renderReport }] = modules;

  const demo = await startDemoServer();
  process.stdout.write(`${pc.bold('Player Inspector demo')}: demo site at ${demo.url}\n`);
  process.stdout.write(
    pc.dim('Each page plays its video: play, 2 Views, pause 3 s, resume, seek to 80 %, to the end.\n\n'),
  );

  /** @type {any} */
  let current;
  const progress = createProgress(process.stderr, () => {
    const s = current?.summary();
    return { beacons: s?.beacons ?? 0, errors: s?.errors ?? 0, warnings: s?.warnings ?? 0 };
  });
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort(new Error('interrupted')));

  /** @type {any[]} */
  let results;
  try {
    results = await runAudits(
      PAGES.map((p) => new URL(p.path, demo.url).href),
      {
        progress,
        signal: controller.signal,
        onAttach: (/** @type {any} */ inspector) => {
          current = inspector;
        },
      },
    );
  } catch (error) {
    progress.stop();
    process.stderr.write(`demo: ${controller.signal.aborted ? 'interrupted' : String(error)}\n`);
    return controller.signal.aborted ? 130 : 2;
  } finally {
    await demo.close();
  }

  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const written = [];
  for (const [i, result] of results.entries()) {
    const page = PAGES[i];
    if (!page) continue;
    process.stdout.write(`\n${pc.bold(pc.underline(page.label))} ${pc.dim(result.url)}\n`);
    if (result.reason) process.stdout.write(`${pc.red('could not audit')}: ${result.reason}\n`);
    if (!result.inspector) continue;
    process.stdout.write(renderReport('text', result.inspector, { color }));
    const paths = await writeReports(resolve(root, 'reports', page.name), result.inspector, page.label);
    written.push({ label: page.label, html: paths.html });
  }

  process.stdout.write(
    `\n${pc.bold('Reports')} (JSON, JUnit, HTML with timelines, HAR with secrets redacted):\n`,
  );
  for (const { label, html } of written) {
    process.stdout.write(`  ${label.padEnd(26)} ${pathToFileURL(html).href}\n`);
  }
  process.stdout.write(`  (folders under ${relative(process.cwd(), resolve(root, 'reports')) || '.'}/)\n`);
  process.stdout.write(
    `\n${pc.bold('The DevTools extension')}: run \`npm run build\`, open chrome://extensions, switch on Developer mode,\n` +
      `"Load unpacked" the dist/ folder, then open DevTools on any page with a player: the Player Inspector tab.\n` +
      `Try it on the demo site: \`node demo/server.mjs\` and open the URL it prints.\n`,
  );
  return Math.max(0, ...results.map((r) => r.exitCode));
}

process.exitCode = await main();
