#!/usr/bin/env node
// The CLI runs from lib/ (compiled by `npm run build:lib`, run by `npm ci` through `prepare`).
let cli;
try {
  cli = await import('../lib/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('lib/cli/main.js'))
    throw error;
  process.stderr.write('player-inspector: lib/ is not built: run `npm run build:lib` first\n');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv);
