/**
 * Connections (issue 14) in every browser: a second Ollama behind a reverse proxy that wants a
 * bearer token (a second simulator with requireAuth), added in Settings, picked in the header. Its
 * models are listed, its chats carry the token and reach it alone, a conversation reopens on it,
 * a wrong token shows the proxy's 401 and loses no text, and no token is ever in a console. Edited
 * (moved to another server with another token), it keeps its id: its conversations follow it.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { blocking, scanPage } from './axe';
import { type ExtensionHost, openConfiguredPanel, originRuleCount, storedSettings } from './host';
import { PanelDriver, SEL } from './panel';

const TOKEN = 'Bearer s3cretT0ken';
const WRONG = 'Bearer wr0ngT0ken';
const FORM = 'form[aria-label="Settings"]';
const CONNECTION = 'select[aria-label="Connection"]';
const GPU_MODEL = 'mistral:latest';
const NEW_TOKEN = 'Bearer n3wT0ken';
// Only the server a connection was moved to has it: the model list shows which server answered.
const MOVED_MODEL = 'phi3:latest';

/** Replaces a field's text the way typing does (an input event), in either browser. */
async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.waitForSelector(selector);
  await page.$eval(
    selector,
    (el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

/** Settings → Add connection → Name, URL, the Authorization value → Save connection. */
async function addConnection(page: Page, name: string, url: string, authorization: string): Promise<void> {
  await page.click('::-p-text(Add connection)');
  await fill(page, '.connection-form > label:nth-of-type(1) input', name);
  await fill(page, '.connection-form > label:nth-of-type(2) input', url);
  const value = '.connection-form input[type="password"]';
  expect(await page.$eval(value, (e) => (e as HTMLInputElement).type)).toBe('password');
  await fill(page, value, authorization);
  await page.click('::-p-text(Save connection)');
  await page.waitForSelector(`button[aria-label="Remove ${name}"]`, { timeout: 10_000 });
}

/** Picks a connection in the header by its name. */
async function pickConnection(page: Page, name: string): Promise<void> {
  await page.waitForSelector(CONNECTION);
  const id = await page.$$eval(`${CONNECTION} option`, (os, n) => (os as HTMLOptionElement[]).find((o) => o.textContent === n)?.value ?? '', name);
  expect(id).not.toBe('');
  await page.select(CONNECTION, id);
}

const chosenConnection = (page: Page) => page.$eval(CONNECTION, (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');

type ChatBody = { messages: { role: string; content: string }[] };
const asked = (sim: Simulator, text: string) =>
  sim.requests.filter((r) => r.path === '/api/chat' && (r.body as ChatBody | undefined)?.messages?.some((m) => m.content === text));

/** The background's console so far, through the e2e build's hook (lib/background/test-hook.ts). */
async function backgroundConsole(page: Page): Promise<string> {
  return page.evaluate(async () => {
    type Hook = { ollamaChatTest?: { consoleText(): string } };
    const ff = (globalThis as { browser?: { runtime: { getBackgroundPage(): Promise<Hook> } } }).browser;
    if (ff?.runtime.getBackgroundPage) {
      const bg = await ff.runtime.getBackgroundPage().catch(() => null);
      if (bg?.ollamaChatTest) return bg.ollamaChatTest.consoleText();
    }
    return '(unreachable)';
  });
}

export function connectionsScenarios(launch: () => Promise<ExtensionHost>, workerConsole?: (host: ExtensionHost) => Promise<string>): void {
  let host: ExtensionHost;
  let local: Simulator;
  let gpu: Simulator;
  let moved: Simulator;
  beforeAll(async () => {
    [host, local, gpu, moved] = await Promise.all([
      launch(),
      startSimulator(),
      startSimulator({ requireAuth: TOKEN, models: [{ name: GPU_MODEL }] }),
      startSimulator({ requireAuth: NEW_TOKEN, models: [{ name: GPU_MODEL }, { name: MOVED_MODEL }] }),
    ]);
  });
  afterAll(async () => {
    await host?.close();
    await local?.close();
    await gpu?.close();
    await moved?.close();
  });

  it('a second server with a bearer token: added in Settings, picked in the header, its models listed, its chat carries the token; it reopens on it; a wrong token shows the 401; no token in any console', async () => {
    const consoleLines: string[] = [];
    const watch = (p: PanelDriver) => p.page.on('console', (m) => void consoleLines.push(m.text()));
    const first = await openConfiguredPanel(host, { baseUrl: local.url, defaultModel: 'llama3.2' });
    watch(first);
    let p = first;
    let page = p.page;
    await p.waitForStatus('Connected');
    // One connection: no picker, the header as it always was.
    expect(await page.$(CONNECTION)).toBeNull();

    await page.click(SEL.settings);
    await page.waitForSelector(FORM);
    // The form open, with the clear-text warning: no serious or critical axe finding.
    await page.click('::-p-text(Add connection)');
    await fill(page, '.connection-form > label:nth-of-type(2) input', 'http://gpu.lan:11434');
    await page.waitForSelector('.connection-form .field-warning');
    expect(blocking(await scanPage(page)), 'Settings, adding a connection').toEqual([]);
    await page.click('::-p-text(Cancel)');
    await addConnection(page, 'GPU box', gpu.url, TOKEN);
    await addConnection(page, 'Wrong token', gpu.url, WRONG);
    const settings = (await storedSettings(page)) as { connections: { name: string; headers: unknown[] }[] };
    expect(settings.connections.map((c) => c.name)).toEqual(['Local', 'GPU box', 'Wrong token']);
    expect(settings.connections[1]?.headers).toEqual([{ name: 'Authorization', value: TOKEN }]);
    // The Origin rule follows the servers: one per server origin (the two proxies share one).
    await expect.poll(() => originRuleCount(page), { timeout: 5_000 }).toBe(2);
    await page.click('::-p-text(Back to chat)');

    // Picked in the header: the status and the model list are the second server's.
    await pickConnection(page, 'GPU box');
    await expect.poll(() => p.modelOptions(), { timeout: 10_000 }).toEqual([GPU_MODEL]);
    await p.waitForStatus('Connected');
    await p.ask('Hello over the proxy');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    const [reached] = asked(gpu, 'Hello over the proxy');
    expect(reached?.headers.authorization).toBe(TOKEN);
    expect(reached?.status).toBe(200);
    expect(reached?.origin).toBeUndefined();
    expect(asked(local, 'Hello over the proxy')).toEqual([]);

    // A fresh panel (a reload) reopens the conversation on its connection.
    await page.close();
    p = new PanelDriver(await host.openPanel());
    watch(p);
    page = p.page;
    await page.waitForSelector(SEL.message);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('Hello over the proxy'), { timeout: 10_000 }, SEL.log);
    await expect.poll(() => chosenConnection(page), { timeout: 10_000 }).toBe('GPU box');
    await expect.poll(() => p.modelOptions(), { timeout: 10_000 }).toEqual([GPU_MODEL]);

    // A wrong token: the proxy's 401, said clearly, and the typed text stays.
    await page.click(SEL.newChat);
    await pickConnection(page, 'Wrong token');
    const said = await p.waitForBanner('refused the credentials');
    expect(said).toContain(`Ollama at ${new URL(gpu.url).host} refused the credentials (401 Unauthorized: unauthorized).`);
    expect(said).toContain('Check the headers of connection "Wrong token" in Settings.');
    await page.click(SEL.message);
    await page.type(SEL.message, 'Do not lose me');
    await page.keyboard.press('Enter');
    await p.waitForBanner('refused the credentials');
    expect(await p.draft()).toBe('Do not lose me');
    expect(blocking(await scanPage(page)), 'the Connection picker and a refused token').toEqual([]);
    expect(gpu.requests.some((r) => r.status === 401 && r.headers.authorization === WRONG)).toBe(true);

    // Credentials never logged, by the panel or the background.
    const background = workerConsole ? await workerConsole(host) : await backgroundConsole(page);
    expect(background).not.toBe('(unreachable)');
    const everything = `${consoleLines.join('\n')}\n${background}`;
    expect(everything).not.toContain('s3cretT0ken');
    expect(everything).not.toContain('wr0ngT0ken');
  });

  it('editing a connection: a bad URL is refused and changes nothing; a new URL and token keep its id, so a conversation made before reopens on it and reaches the new server with the new token', async () => {
    const p = await openConfiguredPanel(host, { baseUrl: local.url, defaultModel: 'llama3.2' });
    const page = p.page;
    await p.waitForStatus('Connected');
    await page.click(SEL.settings);
    await page.waitForSelector(FORM);
    await addConnection(page, 'GPU box', gpu.url, TOKEN);
    await page.click('::-p-text(Back to chat)');
    await pickConnection(page, 'GPU box');
    await expect.poll(() => p.modelOptions(), { timeout: 10_000 }).toEqual([GPU_MODEL]);
    await p.ask('Made before the edit');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    expect(asked(gpu, 'Made before the edit')[0]?.headers.authorization).toBe(TOKEN);
    type Stored = { connections: { id: string; name: string; baseUrl: string; headers: unknown[] }[]; defaultConnection: string };
    const before = (await storedSettings(page)) as Stored;
    const id = before.connections[1]?.id;

    await page.click(SEL.settings);
    await page.waitForSelector(FORM);
    await page.click('button[aria-label="Edit GPU box"]');
    const url = '.connection-form > label:nth-of-type(2) input';
    const value = '.connection-form input[aria-label="Authorization value"]';
    expect(await page.$eval(url, (e) => (e as HTMLInputElement).value)).toBe(gpu.url);
    // The stored token is there, masked.
    expect(await page.$eval(value, (e) => [(e as HTMLInputElement).type, (e as HTMLInputElement).value])).toEqual(['password', TOKEN]);
    expect(blocking(await scanPage(page)), 'Settings, editing a connection').toEqual([]);
    // A wrong edit: Add's message, the form keeps what was typed, nothing stored changes.
    await fill(page, url, 'not a url');
    await page.click('::-p-text(Save connection)');
    const alert = await page.waitForSelector('.connection-form .field-error');
    expect(await alert?.evaluate((e) => e.textContent)).toBe('"not a url" is not a valid URL (example: http://localhost:11434).');
    expect(await page.$eval(url, (e) => (e as HTMLInputElement).value)).toBe('not a url');
    expect(await storedSettings(page)).toEqual(before);

    await fill(page, url, moved.url);
    await fill(page, value, NEW_TOKEN);
    await page.click('::-p-text(Save connection)');
    await page.waitForSelector('button[aria-label="Edit GPU box"]', { timeout: 10_000 });
    const after = (await storedSettings(page)) as Stored;
    expect(after.connections.map((c) => c.id)).toEqual(before.connections.map((c) => c.id));
    expect(after.connections[1]).toEqual({ id, name: 'GPU box', baseUrl: moved.url, headers: [{ name: 'Authorization', value: NEW_TOKEN }] });
    expect(after.defaultConnection).toBe(before.defaultConnection);
    // The Origin rules follow: the old server's gives way to the new one's.
    const filters = () =>
      page.evaluate(async () => {
        type Dnr = { declarativeNetRequest: { getDynamicRules(): Promise<{ condition: { urlFilter?: string } }[]> } };
        const g = globalThis as { browser?: Dnr; chrome?: Dnr };
        const api = (g.browser ?? g.chrome) as Dnr;
        return (await api.declarativeNetRequest.getDynamicRules()).map((r) => r.condition.urlFilter ?? '').sort();
      });
    await expect.poll(filters, { timeout: 5_000 }).toEqual([`|${local.url}/`, `|${moved.url}/`].sort());
    await page.click('::-p-text(Back to chat)');
    // It was the active connection: the status check and the model list are the new server's.
    await expect.poll(() => p.modelOptions(), { timeout: 10_000 }).toEqual([GPU_MODEL, MOVED_MODEL]);
    await p.waitForStatus('Connected');

    // The conversation made before the edit, reopened from History after a new chat elsewhere.
    await page.click(SEL.newChat);
    await pickConnection(page, 'Local');
    await page.click('button[aria-label="History"]');
    await page.waitForSelector('.history-open');
    await page.$$eval('.history-open', (bs) => (bs.find((b) => b.textContent?.includes('Made before the edit')) as HTMLElement).click());
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('Made before the edit'), { timeout: 10_000 }, SEL.log);
    await expect.poll(() => chosenConnection(page), { timeout: 10_000 }).toBe('GPU box');
    await expect.poll(() => p.modelOptions(), { timeout: 10_000 }).toEqual([GPU_MODEL, MOVED_MODEL]);
    await p.waitForStatus('Connected');
    await p.ask('Asked after the edit');
    expect(await p.waitForReplyEnd(1)).toBe('done');
    const [reached] = asked(moved, 'Asked after the edit');
    expect(reached?.headers.authorization).toBe(NEW_TOKEN);
    expect(reached?.status).toBe(200);
    expect(reached?.origin).toBeUndefined();
    expect(asked(gpu, 'Asked after the edit')).toEqual([]);
    await page.close();
  });
}

/**
 * A connection to another machine asks for its host when added (or edited onto it) and gives it
 * back when removed (or moved away).
 * Needs a browser that grants without a prompt (Firefox with
 * extensions.webextOptionalPermissionPrompts=false); Chromium always prompts.
 */
export function connectionPermissionScenario(launch: () => Promise<ExtensionHost>): void {
  type Perms = { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
  const hasOrigin = (page: Page, origin: string) =>
    page.evaluate(async (o) => ((globalThis as { browser?: Perms }).browser as Perms).permissions.contains({ origins: [o] }), origin);
  let host: ExtensionHost;
  let local: Simulator;
  beforeAll(async () => {
    [host, local] = await Promise.all([launch(), startSimulator()]);
  });
  afterAll(async () => {
    await host?.close();
    await local?.close();
  });

  it('adding a connection to another host asks for that host; removing it gives the grant back', async () => {
    // 127.0.0.2 is not one of the extension's local hosts, so it needs a runtime grant.
    const remote = 'http://127.0.0.2:11434';
    const p = await openConfiguredPanel(host, { baseUrl: local.url });
    const page = p.page;
    await page.click(SEL.settings);
    await page.waitForSelector(FORM);
    expect(await hasOrigin(page, 'http://127.0.0.2/*')).toBe(false);
    await addConnection(page, 'Other box', remote, '');
    expect(await hasOrigin(page, 'http://127.0.0.2/*')).toBe(true);
    await page.click('button[aria-label="Remove Other box"]');
    await page.waitForFunction(() => !document.querySelector('button[aria-label="Remove Other box"]'));
    await expect.poll(() => hasOrigin(page, 'http://127.0.0.2/*'), { timeout: 5_000 }).toBe(false);
    // The manifest's local host permission is never touched.
    expect(await hasOrigin(page, 'http://127.0.0.1/*')).toBe(true);
    await page.close();
  });

  it('editing a connection onto another host asks for that host from Save; moving it back gives the grant back', async () => {
    const p = await openConfiguredPanel(host, { baseUrl: local.url });
    const page = p.page;
    await page.click(SEL.settings);
    await page.waitForSelector(FORM);
    await addConnection(page, 'Moving box', local.url, '');
    expect(await hasOrigin(page, 'http://127.0.0.2/*')).toBe(false);
    const url = '.connection-form > label:nth-of-type(2) input';
    await page.click('button[aria-label="Edit Moving box"]');
    await fill(page, url, 'http://127.0.0.2:11434');
    await page.click('::-p-text(Save connection)');
    await page.waitForSelector('button[aria-label="Edit Moving box"]', { timeout: 10_000 });
    expect(await hasOrigin(page, 'http://127.0.0.2/*')).toBe(true);
    await page.click('button[aria-label="Edit Moving box"]');
    await fill(page, url, local.url);
    await page.click('::-p-text(Save connection)');
    await page.waitForSelector('button[aria-label="Edit Moving box"]', { timeout: 10_000 });
    await expect.poll(() => hasOrigin(page, 'http://127.0.0.2/*'), { timeout: 5_000 }).toBe(false);
    expect(await hasOrigin(page, 'http://127.0.0.1/*')).toBe(true);
    await page.close();
  });
}
