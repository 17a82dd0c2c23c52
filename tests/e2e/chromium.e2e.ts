/** The extension in real Chromium: shared chat scenarios plus what only Chromium can show. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../lib/extension-id';
import { defaultReply, startSimulator } from '../sim/server.mjs';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { openConfiguredPanel, originRuleCount, storedSettings } from './support/host';
import { PanelDriver } from './support/panel';
import { chatScenarios } from './support/scenarios';
import { twoPanelScenarios } from './support/two-panel-scenarios';

describe('Chromium: chat', () => {
  chatScenarios(() => launchChromium());
});

describe('Chromium: two panels, one conversation', () => {
  twoPanelScenarios(() => launchChromium());
});

describe('Chromium: the extension itself', () => {
  let s: ChromiumSession;
  beforeAll(async () => {
    s = await launchChromium();
  });
  afterAll(async () => s?.close());

  it('has the fixed id from the manifest key', () => {
    expect(s.extensionId).toBe(CHROME_EXTENSION_ID);
  });

  it('exposes the accessible names users and tests rely on', async () => {
    const sim = await startSimulator();
    try {
      const p = await openConfiguredPanel(s, { baseUrl: sim.url });
      await p.waitForStatus('Connected');
      const find = async (role: string, name: string) => (await p.page.$$(`::-p-aria([role="${role}"][name="${name}"])`)).length;
      expect(await find('textbox', 'Message')).toBe(1);
      expect(await find('button', 'Send')).toBe(1);
      expect(await find('button', 'New chat')).toBe(1);
      expect(await find('button', 'Settings')).toBe(1);
      expect(await find('combobox', 'Model')).toBe(1);
      expect((await p.page.$$('::-p-aria([role="log"])')).length).toBe(1);
      expect(await p.page.$eval('::-p-aria([role="status"])', (e) => e.textContent)).toContain('Connected');
      await p.page.close();
    } finally {
      await sim.close();
    }
  });

  it('Settings: an invalid URL shows an inline error and saves nothing; a valid one connects', async () => {
    const sim = await startSimulator();
    try {
      const p = await openConfiguredPanel(s, { baseUrl: 'http://127.0.0.1:9' });
      await p.waitForStatus('Disconnected');
      await p.page.click('::-p-aria([role="button"][name="Settings"])');
      const url = await p.page.waitForSelector('::-p-aria([role="textbox"][name="Ollama URL"])');
      await url?.click({ count: 3 });
      await p.page.keyboard.press('Backspace');
      await url?.type('localhost 11434');
      await p.page.click('::-p-aria([role="button"][name="Save"])');
      await p.page.waitForSelector('#settings-error');
      const stored = await storedSettings(p.page);
      expect(stored).toEqual({ baseUrl: 'http://127.0.0.1:9' });

      await url?.click({ count: 3 });
      await p.page.keyboard.press('Backspace');
      await url?.type(`${sim.url}/`);
      await p.page.click('::-p-aria([role="button"][name="Save"])');
      await p.waitForStatus('Connected');
      const saved = await storedSettings(p.page);
      expect(saved).toMatchObject({ baseUrl: sim.url });
      expect(await originRuleCount(p.page)).toBe(1);
      await p.page.close();
    } finally {
      await sim.close();
    }
  });

  it('the toolbar action opens the real side panel', async () => {
    const page = await s.browser().newPage();
    await page.goto('data:text/html,<title>action-tab</title>');
    const cdp = await s.browser().target().createCDPSession();
    // triggerAction wants the tab target (the page's parent), listed by Target.getTargets.
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{}] } as never)) as {
      targetInfos: { targetId: string; type: string; title: string }[];
    };
    const tab = targetInfos.find((t) => t.type === 'tab' && t.title === 'action-tab');
    expect(tab).toBeDefined();
    await cdp.send('Extensions.triggerAction' as never, { id: s.extensionId, targetId: tab?.targetId } as never);
    const panelTarget = await s.browser().waitForTarget((t) => t.url().endsWith('/sidepanel.html'), { timeout: 10_000 });
    const panel = await panelTarget.asPage();
    await panel.waitForSelector('textarea[aria-label="Message"]');
    await page.close();
  });

  it('a panel that disconnects mid-stream does not break the background', async () => {
    const sim = await startSimulator({ tokensPerSecond: 30, replyTokens: 90 });
    try {
      const p = await openConfiguredPanel(s, { baseUrl: sim.url });
      await p.waitForStatus('Connected');
      await p.ask('Long one');
      await p.waitForReplyText(0, (t) => t.length > 10);
      await p.page.close();
      // The reopened panel shows the conversation it left, the reply still streaming: wait for
      // it instead of racing it (sending before it came back made this test flaky).
      const q = new PanelDriver(await s.openPanel());
      await q.waitForStatus('Connected');
      expect(await q.waitForReplyEnd(0, 20_000)).toBe('done');
      expect(await q.replyText(0)).toBe(defaultReply([{ role: 'user', content: 'Long one' }], 90));
      sim.configure({ tokensPerSecond: 500, replyTokens: 10 });
      await q.ask('Still there?');
      expect(await q.waitForReplyEnd(1)).toBe('done');
      await q.page.close();
    } finally {
      await sim.close();
    }
  });
});
