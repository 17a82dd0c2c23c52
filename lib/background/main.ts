/** Wires the background: the panel Port, the Origin rule and the toolbar action. */
import { browser } from 'wxt/browser';
import { installOriginRule } from '../origin/rule';
import { PORT_NAME } from '../protocol';
import { readSettings, watchSettings } from '../storage/items';
import { wireActionToPanel } from './action';
import { currentContext } from './context';
import { servePanel } from './panel-session';

function extensionHost(): string {
  // Firefox rejects its gecko id as an initiator domain; the URL's host works in both browsers.
  return new URL(browser.runtime.getURL('/')).hostname;
}

async function applyOriginRule(baseUrl: string): Promise<void> {
  try {
    await installOriginRule(browser.declarativeNetRequest, baseUrl, extensionHost());
  } catch (e) {
    // Without the rule a default Ollama answers 403; the panel then shows the OLLAMA_ORIGINS fix.
    console.error('Could not install the Origin rule', e);
  }
}

/** Everything the background does; listeners are added synchronously so a woken worker sees its event. */
export function startBackground(): void {
  wireActionToPanel();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === PORT_NAME) servePanel(port, currentContext);
  });
  watchSettings((s) => void applyOriginRule(s.baseUrl));
  void readSettings().then((s) => applyOriginRule(s.baseUrl));
}
