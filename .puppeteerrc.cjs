// Puppeteer downloads its own Chrome on install unless told not to. On machines that reach only
// the npm registry (and in CI, where .ci/run installs Debian's chromium first) that download
// fails, so skip it whenever a system Chromium is there; laptops without one still get it.
const { existsSync } = require('node:fs');

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => existsSync(p));

module.exports = {
  skipDownload: process.env.PUPPETEER_SKIP_DOWNLOAD === '1' || systemChromium,
};
