/** Headless `npm start`: one demo question, the finished answer on stdout, and a screenshot. */
const QUESTION = 'Why is the sky blue? Answer in two sentences.';

export async function headlessDemo(browser, extensionId, screenshotPath) {
  const page = await browser.newPage();
  await page.setViewport({ width: 380, height: 720 });
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
  await page.click('button.button-send');
  await page.waitForFunction(() => document.querySelector('article[aria-label="Assistant"]')?.getAttribute('data-status') !== 'streaming', {
    timeout: 300_000,
    polling: 'mutation',
  });
  // The finished answer as the panel renders it: printed while streaming, markdown's rewrites of
  // earlier text (a "```python" line becoming a labelled code block) garbled the transcript.
  // A code block's bar (language label, Copy) is for the eye, not for the transcript.
  const final = await page.$eval('article[aria-label="Assistant"] > .text', (e) => {
    const hide = document.head.appendChild(document.createElement('style'));
    hide.textContent = '.md-code-bar { display: none !important; }';
    const text = e.innerText;
    hide.remove();
    return text;
  });
  process.stdout.write(`${final}\n`);
  const statusAfter = await page.$eval('article[aria-label="Assistant"]', (e) => e.getAttribute('data-status'));
  await page.screenshot({ path: screenshotPath });
  console.log(`\nReply ${statusAfter}. Screenshot saved to ${screenshotPath}`);
}
