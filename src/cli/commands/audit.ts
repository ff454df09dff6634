import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import pc from 'picocolors';
import type { Config } from '../../core/config/config.js';
import { redactText } from '../../core/redaction/redactor.js';
import { escapeTerminal } from '../../core/report/escape.js';
import { reportChunks } from '../../core/report/index.js';
import { createProgress } from '../audit/progress.js';
import { type AuditResult, runAudits } from '../audit/run-audit.js';
import { parseScenario, type Scenario, ScenarioError } from '../audit/scenario.js';
import { folderFor, writeReports } from '../audit/write-reports.js';
import { killBrowsersNow } from '../browser/launch.js';
import { EXIT, reportFailure, UsageError } from '../errors.js';
import { loadConfig } from '../load-config.js';
import { fileProblem } from '../read-input.js';
import { writeToStdout } from '../write-output.js';

/** Exit codes after an interruption, as shells report a death by that signal (128 + its number). */
const INTERRUPTED = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type Interruption = keyof typeof INTERRUPTED;

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
 * the beacons, prints each session's timeline and writes reports.
 */
export function register(program: Command): void {
  program
    .command('audit')
    .description(
      "open pages in Chromium, play their video through a scenario and validate the player's beacons",
    )
    .argument('<url...>', 'pages to audit (each in its own tab)')
    .option(
      '--scenario <file>',
      'scenario JSON file (default: play, pause, resume, seek to 80 %, play to the end)',
    )
    .option('--out <dir>', 'write report.json, report.xml (JUnit), report.html and capture.har there')
    .option('-c, --config <file>', 'player-inspector.config.json: severities, disabled rules, expectations')
    .option('--timeout <seconds>', 'for the page to load and show its player', seconds, 30)
    .option('--headful', 'show the browser window')
    .option('--with-extension [dir]', 'also load the built extension (default dist/) for a manual look')
    .addHelpText(
      'after',
      `
Exit codes: 0 no error finding, 1 at least one error finding (an unmet scenario expect is one),
2 the audit could not run (page did not load, no player, bad scenario or config, no Chromium),
130 / 143 / 129 interrupted by Ctrl-C (SIGINT) / SIGTERM / SIGHUP.

Examples:
  $ player-inspector audit https://example.com/watch --out reports
  $ player-inspector audit https://example.com/watch --scenario seek-check.json --config player-inspector.config.json`,
    )
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
  let scenario: Scenario | undefined;
  let config: Config | undefined;
  const extension = flags.withExtension
    ? resolve(typeof flags.withExtension === 'string' ? flags.withExtension : 'dist')
    : undefined;
  try {
    for (const url of urls) checkUrl(url);
    if (flags.scenario) scenario = await loadScenario(flags.scenario);
    if (flags.config) config = await loadConfig(flags.config);
    if (extension && !existsSync(join(extension, 'manifest.json'))) {
      throw new UsageError(
        `${extension} holds no built extension (manifest.json): run \`npm run build\` first`,
      );
    }
  } catch (error) {
    return reportFailure(error);
  }

  let latest: AuditResult['inspector'];
  const counts = () => {
    const s = latest?.summary();
    return { beacons: s?.beacons ?? 0, errors: s?.errors ?? 0, warnings: s?.warnings ?? 0 };
  };
  const progress = createProgress(process.stderr, counts);
  const controller = new AbortController();
  let caught: Interruption | undefined;
  const interrupt = (signal: Interruption) => {
    if (caught) {
      // A second signal: no more waiting for a polite close, but the profile still goes.
      killBrowsersNow();
      process.stderr.write(`\nplayer-inspector: audit interrupted (${caught})\n`);
      process.exit(INTERRUPTED[caught]);
    }
    caught = signal;
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  const signals = Object.keys(INTERRUPTED) as Interruption[];
  for (const signal of signals) process.on(signal, interrupt);
  let results: AuditResult[];
  try {
    results = await runAudits(urls, {
      ...(scenario ? { scenario } : {}),
      ...(config ? { config } : {}),
      timeout: flags.timeout,
      headful: Boolean(flags.headful),
      ...(extension ? { extension } : {}),
      progress,
      signal: controller.signal,
      onAttach: (inspector) => {
        latest = inspector;
      },
    });
  } catch (error) {
    progress.stop();
    if (caught) {
      process.stderr.write(`player-inspector: audit interrupted (${caught})\n`);
      return INTERRUPTED[caught];
    }
    return reportFailure(error);
  } finally {
    for (const signal of signals) process.off(signal, interrupt);
  }

  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  for (const [i, result] of results.entries()) {
    if (results.length > 1) process.stdout.write(`${pc.bold(escapeTerminal(redactText(result.url)))}\n`);
    if (result.inspector && result.exitCode !== 2) {
      await writeToStdout(reportChunks('text', result.inspector, { color }));
    }
    if (result.reason) process.stderr.write(`player-inspector: ${result.reason}\n`);
    if (flags.out && result.inspector) {
      const dir = results.length > 1 ? join(flags.out, folderFor(result.url, i)) : flags.out;
      const paths = await writeReports(dir, result.inspector, `Player Inspector audit of ${result.url}`);
      process.stderr.write(`reports: ${paths.html} (also report.json, report.xml, capture.har)\n`);
    }
  }
  return Math.max(EXIT.ok, ...results.map((r) => r.exitCode));
}

/** Only web pages can be audited; a bare host name gets a hint. */
function checkUrl(url: string): void {
  let scheme: string | undefined;
  try {
    scheme = new URL(url).protocol;
  } catch {
    throw new UsageError(`${url} is not a URL: did you mean https://${url}?`);
  }
  if (scheme !== 'http:' && scheme !== 'https:' && scheme !== 'file:') {
    throw new UsageError(`${url} is not a page URL (http, https or file)`);
  }
}

/** Reads and checks a scenario file; any problem is a one-line `UsageError` naming the file. */
async function loadScenario(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: ${fileProblem(error)}`);
  }
  try {
    return parseScenario(JSON.parse(text));
  } catch (error) {
    const why =
      error instanceof ScenarioError ? error.message : `not valid JSON (${(error as Error).message})`;
    throw new UsageError(`${path}: ${why}`);
  }
}
