import { type Command, Option } from 'commander';
import type { Config } from '../../core/config/config.js';
import { Inspector } from '../../core/inspector.js';
import { REPORT_FORMATS, type ReportFormat, reportChunks } from '../../core/report/index.js';
import { EXIT, reportFailure, UsageError } from '../errors.js';
import { loadConfig } from '../load-config.js';
import { checkMemory } from '../memory.js';
import { readInputFile, STDIN } from '../read-input.js';
import { writeToFile, writeToStdout } from '../write-output.js';

interface ValidateFlags {
  format: ReportFormat;
  out?: string;
  config?: string;
  redact: boolean;
}

/** `player-inspector validate <file…>`: decode and validate captured beacons from HAR files or URL lists. */
export function register(program: Command): void {
  program
    .command('validate')
    .description('decode and validate the analytics beacons in HAR files or URL lists')
    .argument(
      '<file...>',
      'HAR files (Chrome, Firefox, Charles, puppeteer) or text files of one URL per line; - reads stdin',
    )
    .addOption(
      new Option('-f, --format <format>', 'report format').choices([...REPORT_FORMATS]).default('text'),
    )
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'player-inspector.config.json: severities, disabled rules, expectations')
    .option('--no-redact', 'keep ks and other secret values in the report (redacted by default)')
    .addHelpText(
      'after',
      `
Exit codes: 0 no error finding, 1 at least one error finding, 2 input unusable.

Examples:
  $ player-inspector validate capture.har
  $ player-inspector validate capture.har --format junit --out report.xml
  $ player-inspector validate a.har b.har --config player-inspector.config.json --format html -o report.html
  $ player-inspector validate beacons.txt --format json
  $ cat capture.har | player-inspector validate -
`,
    )
    .action(async (files: string[], flags: ValidateFlags) => {
      process.exitCode = await validate(files, flags);
    });
}

export async function validate(files: string[], flags: ValidateFlags): Promise<number> {
  try {
    if (files.filter((f) => f === STDIN).length > 1) throw new UsageError('- (stdin) can be given only once');
    const config: Config | undefined = flags.config ? await loadConfig(flags.config) : undefined;
    const inspector = new Inspector(config ? { config } : {});
    let requests = 0;
    for (const [i, file] of files.entries()) {
      // A prefix per file keeps request ids unique when several captures are validated together.
      const input = await readInputFile(file, files.length > 1 ? `${i}:` : '');
      // One request at a time: what is no beacon is dropped at once, so memory follows the beacons.
      for await (const request of input.requests) {
        inspector.add(request);
        requests += 1;
        if (requests % 256 === 0) checkMemory(`after ${requests} requests of ${file}`);
      }
      const skipped = input.skipped();
      if (skipped > 0) {
        process.stderr.write(
          `player-inspector: ${file}: ${skipped} HAR entries without a request URL skipped\n`,
        );
      }
    }
    if (inspector.beacons().length === 0) {
      // Not a failure (a page may send none), but most often the wrong file: say so beside the report.
      process.stderr.write(`player-inspector: no analytics beacon among the ${requests} requests read\n`);
    }
    const toTerminal = !flags.out && process.stdout.isTTY === true;
    const color = toTerminal && !process.env.NO_COLOR;
    const report = reportChunks(flags.format, inspector, { color, redact: flags.redact });
    const summary = inspector.summary();
    if (flags.out) {
      await writeToFile(flags.out, report);
      process.stdout.write(
        `${flags.out}: ${summary.beacons} beacons, ${summary.sessions} sessions, ${summary.errors} errors, ${summary.warnings} warnings\n`,
      );
    } else await writeToStdout(report);
    return summary.errors > 0 ? EXIT.findings : EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}
