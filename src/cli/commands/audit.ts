import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import pc from 'picocolors';
import type { Config } from '../../core/config/config.js';
import { parseConfig } from '../../core/config/validate-config.js';
import { renderReport } from '../../core/report/index.js';
import { createProgress } from '../audit/progress.js';
import { type AuditResult, runAudits } from '../audit/run-audit.js';
import { parseScenario, type Scenario } from '../audit/scenario.js';
import { folderFor, writeReports } from '../audit/write-reports.js';

interface AuditFlags {
  scenario?: string;
  out?: string;
  config?: string;
  timeout: number;
  headful?: boolean;
  withExtension?: string | boolean;
}

/**
 * `player-inspector audit <url…>`: plays each page's video through a scenario in Chromium, validates
 * the beacons, prints each session's timeline and writes reports. Exit 0: no error finding; 1: error
 * findings; 2: the audit could not run (bad arguments, page or player missing).
 */
export function auditCommand(): Command {
  return new Command('audit')
    .description(
      "open pages in Chromium, play their video through a scenario and validate the player's beacons",
    )
    .argument('<url...>', 'pages to audit (each in its own tab)')
    .option(
      '--scenario <file>',
      'scenario JSON file (default: play, pause, resume, seek to 80 %, play to the end)',
    )
    .option('--out <dir>', 'write report.json, report.xml (JUnit), report.html and capture.har there')
    .option('--config <file>', 'player-inspector.config.json with severities and expectations')
    .option('--timeout <seconds>', 'for the page to load and show its player', seconds, 30)
    .option('--headful', 'show the browser window')
    .option('--with-extension [dir]', 'also load the built extension (default dist/) for a manual look')
    .action(async (urls: string[], flags: AuditFlags) => {
      process.exitCode = await audit(urls, flags);
    });
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('a number of seconds > 0');
  return n;
}

async function audit(urls: string[], flags: AuditFlags): Promise<number> {
  const fail = (reason: string) => {
    process.stderr.write(`player-inspector audit: ${reason}\n`);
    return 2;
  };
  let scenario: Scenario | undefined;
  let config: Config | undefined;
  try {
    if (flags.scenario) scenario = parseScenario(JSON.parse(await readFile(flags.scenario, 'utf8')));
  } catch (error) {
    return fail(`${flags.scenario}: ${messageOf(error)}`);
  }
  try {
    if (flags.config)
      config = parseConfig(await readFile(flags.config, 'utf8'), { name: basename(flags.config) });
  } catch (error) {
    // A ConfigError already names the file.
    return fail(
      messageOf(error).startsWith(basename(flags.config ?? ''))
        ? messageOf(error)
        : `${flags.config}: ${messageOf(error)}`,
    );
  }

  let latest: AuditResult['inspector'];
  const counts = () => {
    const s = latest?.summary();
    return { beacons: s?.beacons ?? 0, errors: s?.errors ?? 0, warnings: s?.warnings ?? 0 };
  };
  const progress = createProgress(process.stderr, counts);
  const controller = new AbortController();
  const interrupt = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', interrupt);
  let results: AuditResult[];
  try {
    results = await runAudits(urls, {
      ...(scenario ? { scenario } : {}),
      ...(config ? { config } : {}),
      timeout: flags.timeout,
      headful: Boolean(flags.headful),
      ...(flags.withExtension
        ? { extension: resolve(typeof flags.withExtension === 'string' ? flags.withExtension : 'dist') }
        : {}),
      progress,
      signal: controller.signal,
      onAttach: (inspector) => {
        latest = inspector;
      },
    });
  } catch (error) {
    progress.stop();
    if (controller.signal.aborted) {
      process.stderr.write('player-inspector audit: interrupted\n');
      return 130;
    }
    return fail(messageOf(error));
  } finally {
    process.off('SIGINT', interrupt);
  }

  const color = Boolean(process.stdout.isTTY);
  for (const [i, result] of results.entries()) {
    if (results.length > 1) process.stdout.write(`${pc.bold(result.url)}\n`);
    if (result.inspector && result.exitCode !== 2) {
      process.stdout.write(renderReport('text', result.inspector, { color }));
    }
    if (result.reason) process.stderr.write(`player-inspector audit: ${result.reason}\n`);
    if (flags.out && result.inspector) {
      const dir = results.length > 1 ? join(flags.out, folderFor(result.url, i)) : flags.out;
      const paths = await writeReports(dir, result.inspector, `Player Inspector audit of ${result.url}`);
      process.stderr.write(`reports: ${paths.html} (also report.json, report.xml, capture.har)\n`);
    }
  }
  return Math.max(...results.map((r) => r.exitCode));
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
