/**
 * A browser whose OS is in dark mode: the System theme follows it (and passes axe there), and the
 * Light setting overrides it.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { richReply } from './a11y-scenarios';
import { AxeReport, blocking, scanPage } from './axe';
import { type ExtensionHost, openConfiguredPanel } from './host';
import { type PanelDriver, SEL } from './panel';
import { bodyColour, DARK_BG, LIGHT_BG, saveTheme } from './theme';

/** `launch` starts the browser with a dark OS (a Chromium media emulation, a Firefox pref). */
export function darkOsScenarios(launch: () => Promise<ExtensionHost>): void {
  let host: ExtensionHost;
  let sim: Simulator;
  let panel: PanelDriver | null = null;
  let report: AxeReport;

  beforeAll(async () => {
    host = await launch();
    report = new AxeReport(host.name);
    sim = await startSimulator({ tokensPerSecond: 500, seed: 9, reply: richReply });
  });
  afterAll(async () => {
    report?.print();
    await host?.close();
    await sim?.close();
  });
  afterEach(async () => {
    await panel?.page.close().catch(() => {});
    panel = null;
  });

  it('System follows the dark OS (axe-clean with a markdown answer); Light overrides it', async () => {
    const settings = { baseUrl: sim.url, defaultModel: 'llama3.2', theme: 'system' };
    const p = await openConfiguredPanel(host, settings);
    panel = p;
    await p.page.setViewport({ width: 400, height: 800 });
    await p.waitForStatus('Connected');
    await expect.poll(() => p.page.evaluate(bodyColour)).toBe(DARK_BG);
    await p.ask('Everything, in the dark');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    await p.page.waitForSelector(`${SEL.assistant} .md-code code span[class^="hljs-"]`);
    const scan = await scanPage(p.page);
    report.add('markdown answer, System on a dark OS', scan);
    expect(blocking(scan)).toEqual([]);

    await saveTheme(p, 'light');
    await expect.poll(() => p.page.evaluate(bodyColour)).toBe(LIGHT_BG);
    const light = await scanPage(p.page);
    report.add('Settings, Light on a dark OS', light);
    expect(blocking(light)).toEqual([]);
  });
}
