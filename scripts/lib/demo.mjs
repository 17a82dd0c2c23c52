/** Headless `npm start`: one demo question, the answer streamed to stdout, and a screenshot. */
const QUESTION = 'Why is the sky blue? Answer in two sentences.';

export async function headlessDemo(browser, extensionId, screenshotPath) {
  const page = await browser.newPage();
  await page.setViewport({ width: 380, height: 720 });
  let printed = 0;
  await page.exposeFunction('__demoText', (text) => {
    process.stdout.write(text.slice(printed));
    printed = text.length;
  });
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.waitForFunction(() => /Connected|Disconnected/.test(document.querySelector('[role="status"]')?.textContent ?? ''), { timeout: 15_000 });
  const status = await page.$eval('[role="status"]', (e) => e.textContent);
  if (!status.includes('Connected')) {
    const banner = await page.$eval('[role="alert"]', (e) => e.textContent).catch(() => '');
    throw new Error(`Ollama is not reachable: ${banner}`);
  }
  console.log(`Model: ${await page.$eval('select[aria-label="Model"]', (s) => s.value).catch(() => 'none')}`);
  console.log(`You: ${QUESTION}\nAssistant: `);
  await page.type('textarea[aria-label="Message"]', QUESTION);
  // Follow the reply as it grows, like a reader would.
  await page.evaluate(() => {
    const log = document.querySelector('[role="log"]');
    new MutationObserver(() => {
      const reply = document.querySelector('article[aria-label="Assistant"] > .text');
      if (reply) globalThis.__demoText(reply.innerText);
    }).observe(log, { subtree: true, childList: true, characterData: true });
  });
  await page.click('button.button-send');
  await page.waitForFunction(() => document.querySelector('article[aria-label="Assistant"]')?.getAttribute('data-status') !== 'streaming', { timeout: 300_000, polling: 'mutation' });
  const final = await page.$eval('article[aria-label="Assistant"] > .text', (e) => e.innerText);
  process.stdout.write(`${final.slice(printed)}\n`);
  const statusAfter = await page.$eval('article[aria-label="Assistant"]', (e) => e.getAttribute('data-status'));
  await page.screenshot({ path: screenshotPath });
  console.log(`\nReply ${statusAfter}. Screenshot saved to ${screenshotPath}`);
}
