// Reports of a huge capture (default 1 000 000 beacons) streamed to a file, one child process per
// format so that each peak RSS is its own (bench/usage-on-exit.cjs).
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));

export async function streamBench(count, dir, formats = ['json', 'junit', 'html', 'text']) {
  const out = [];
  for (const format of formats) {
    const file = join(dir, `report.${format}`);
    const usage = join(dir, `usage-${format}.json`);
    const started = Date.now();
    const code = await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [
          '--require',
          join(HERE, 'usage-on-exit.cjs'),
          join(HERE, 'stream-report.mjs'),
          format,
          String(count),
          file,
        ],
        { env: { ...process.env, BENCH_USAGE_FILE: usage }, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      child.on('close', resolve);
    });
    const { maxRSS } = JSON.parse(readFileSync(usage, 'utf8'));
    out.push({
      format,
      n: count,
      exit: code,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      size_mb: Math.round(statSync(file).size / 2 ** 20),
      peak_rss_mb: Math.round(maxRSS / 1024),
    });
  }
  return out;
}
