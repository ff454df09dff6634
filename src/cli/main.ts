import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { register as audit } from './commands/audit.js';
import { register as diff } from './commands/diff.js';
import { register as validate } from './commands/validate.js';
import { EXIT } from './errors.js';
import { watchStdout } from './write-output.js';

// Each command lives in commands/<name>.ts and registers itself: add one import and one entry here.
const commands: ((program: Command) => void)[] = [validate, audit, diff];

/** The package version (this file is src/cli/main.ts or lib/cli/main.js: package.json is two levels up). */
export function version(): string {
  const pkg = createRequire(import.meta.url)('../../package.json') as { version?: string };
  return pkg.version ?? '0.0.0';
}

export function createProgram(): Command {
  const program = new Command('player-inspector')
    .description("prove a video player's analytics integration is right: decode and validate its beacons")
    .version(version(), '-V, --version')
    .addHelpText(
      'after',
      `
Examples:
  $ player-inspector validate capture.har
  $ player-inspector validate capture.har --format html --out report.html
  $ player-inspector audit https://example.com/player --out reports/
  $ player-inspector diff golden.har candidate.har
  $ player-inspector help validate
`,
    );
  for (const register of commands) register(program);
  return program;
}

/**
 * Runs the CLI and returns its exit code. Usage mistakes (unknown option, missing file argument) exit
 * 2 like any other unusable input; --help and --version exit 0.
 */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  watchStdout();
  const program = createProgram();
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    }
    throw error;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
}
