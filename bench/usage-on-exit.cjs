// Preloaded into the benchmarked CLI process: writes its resource usage (maxRSS in kB) when it exits.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_USAGE_FILE)
    writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify(process.resourceUsage()));
});
