// Child process of bench/streams.mjs: builds an inspector of N KAVA beacons (a tenth broken) and
// streams one report format to a file with the CLI's writer, as `validate --out` does.
import { writeToFile } from '../lib/cli/write-output.js';
import { Inspector, reportChunks } from '../lib/core/index.js';
import { requests } from './beacons.mjs';

const [format, count, out] = process.argv.slice(2);
const inspector = new Inspector();
let i = 0;
for (const r of requests('kava', Number(count))) {
  i += 1;
  inspector.add(i % 10 === 0 ? { ...r, url: r.url.replace(/&position=[^&]*/, '&position=NaN') } : r);
}
await writeToFile(out, reportChunks(format, inspector));
