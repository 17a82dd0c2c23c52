// Puppeteer must not download its own Chrome here (no internet but the registry);
// tests launch a system browser (see tests/e2e/browsers.ts).
module.exports = { skipDownload: true };
