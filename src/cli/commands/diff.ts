import { writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { diffCaptures } from '../../core/diff/diff.js';
import { renderDiff } from '../../core/diff/report.js';
import { Inspector } from '../../core/inspector.js';
import { REPORT_FORMATS, type ReportFormat } from '../../core/report/index.js';
import { EXIT, reportFailure, UsageError } from '../errors.js';
import { loadConfig } from '../load-config.js';
import { readCapture } from '../read-capture.js';
import { fileProblem } from '../read-input.js';

interface DiffFlags {
  format: ReportFormat;
  out?: string;
  config?: string;
  pair?: string;
}

/** `player-inspector diff <baseline> <candidate>`: did the new build change what the player sends? */
export function register(program: Command): void {
  program
    .command('diff')
    .description('compare the beacons of a candidate capture with a golden baseline')
    .argument(
      '<baseline>',
      'the golden capture: a HAR file or a JSON report (validate --format json, audit report.json)',
    )
    .argument('<candidate>', 'the capture to check, in the same forms')
    .addOption(
      new Option('-f, --format <format>', 'report format').choices([...REPORT_FORMATS]).default('text'),
    )
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option(
      '-c, --config <file>',
      'player-inspector.config.json: its "diff" section says which differences matter',
    )
    .option('--pair <key>', 'pair sessions by this parameter (e.g. entryId) instead of by order')
    .addHelpText(
      'after',
      `
Exit codes: 0 equivalent, 1 a difference that matters, 2 input unusable.

Examples:
  $ player-inspector diff golden.har candidate.har
  $ player-inspector diff reports/golden/report.json reports/new/report.json --format junit --out diff.xml
  $ player-inspector diff golden.har candidate.har --config player-inspector.config.json --pair entryId
`,
    )
    .action(async (baseline: string, candidate: string, flags: DiffFlags) => {
      process.exitCode = await diff(baseline, candidate, flags);
    });
}

export async function diff(baselinePath: string, candidatePath: string, flags: DiffFlags): Promise<number> {
  try {
    const config = flags.config ? await loadConfig(flags.config) : undefined;
    const load = async (path: string, prefix: string) => {
      const inspector = new Inspector(config ? { config } : {});
      for await (const request of await readCapture(path, prefix)) inspector.add(request);
      if (inspector.beacons().length === 0) {
        throw new UsageError(`${path}: no analytics beacon to compare`);
      }
      return inspector;
    };
    const baseline = await load(baselinePath, 'a:');
    const candidate = await load(candidatePath, 'b:');
    const result = diffCaptures(baseline, candidate, {
      config: baseline.config.diff,
      ...(flags.pair ? { pair: flags.pair } : {}),
    });
    const color = !flags.out && process.stdout.isTTY === true && !process.env.NO_COLOR;
    const report = renderDiff(
      flags.format,
      { baseline: baselinePath, candidate: candidatePath, result },
      { color },
    );
    if (flags.out) {
      try {
        await writeFile(flags.out, report);
      } catch (error) {
        throw new UsageError(`${flags.out}: cannot write the report (${fileProblem(error)})`);
      }
      const { matter, ignored } = result.summary;
      process.stdout.write(
        `${flags.out}: ${result.equivalent ? 'equivalent' : 'not equivalent'}, ${matter} differences matter, ${ignored} allowed\n`,
      );
    } else process.stdout.write(report);
    return result.equivalent ? EXIT.ok : EXIT.findings;
  } catch (error) {
    return reportFailure(error);
  }
}
