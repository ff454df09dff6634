// Use a system Chromium when one is installed (Debian's `chromium`, or PUPPETEER_EXECUTABLE_PATH):
// puppeteer then skips downloading its own browser. Elsewhere puppeteer behaves as usual.
const fs = require('node:fs');

const candidates = [
  process.env.PUPPETEER_EXECUTABLE_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].filter(Boolean);
const executablePath = candidates.find((p) => fs.existsSync(p));

module.exports = executablePath ? { skipDownload: true, executablePath } : {};
