/**
 * The bench baseline (built only with OLLAMA_CHAT_BENCH=1, see wxt.config.ts): the same Port to
 * the same background and the same chat/start as the panel, then each chunk appended as a text
 * node the moment it arrives, with no framework, signals or scroll logic in between. It is the
 * physical limit of our relay path; bench/ divides the panel's numbers by this page's.
 */
// Type-only imports: a runtime import would make Vite split a chunk shared with the panel, and the
// bench build's panel would then differ from the shipped one.
import type { browser as Api } from 'wxt/browser';
import type { BackgroundMessage, PanelMessage, PORT_NAME } from '../../lib/protocol';

// The raw extension API; the compiler still checks the Port name against lib/protocol.ts.
const browser = (globalThis as unknown as { chrome: typeof Api }).chrome;
const portName: typeof PORT_NAME = 'ollama-chat/panel';

// The key the history issue will use; reading it here is the least any history view must do.
const HISTORY_KEY = 'ollama_chat_conversations';

const model = new URLSearchParams(location.search).get('model') ?? 'llama3.2';
const port = browser.runtime.connect({ name: portName });
const log = document.querySelector('[role="log"]');
const form = document.querySelector('form');
const input = document.querySelector('textarea');
const historyList = document.getElementById('history');
let current: { requestId: string; article: HTMLElement; text: HTMLElement } | null = null;

port.onMessage.addListener((raw: unknown) => {
  const msg = raw as BackgroundMessage;
  if (!current || !('requestId' in msg) || msg.requestId !== current.requestId) return;
  if (msg.type === 'chat/chunk') current.text.append(msg.content);
  else current.article.dataset.status = msg.type === 'chat/done' ? 'done' : msg.type.slice('chat/'.length);
});

form?.addEventListener('submit', (e) => {
  e.preventDefault();
  if (!log || !input) return;
  const article = document.createElement('article');
  article.setAttribute('aria-label', 'Assistant');
  article.dataset.status = 'streaming';
  const text = document.createElement('div');
  text.className = 'text';
  article.append(text);
  log.append(article);
  current = { requestId: `bench-${Date.now()}`, article, text };
  const start: PanelMessage = { type: 'chat/start', requestId: current.requestId, model, messages: [{ role: 'user', content: input.value }] };
  port.postMessage(start);
});

interface StoredConversation {
  title?: unknown;
}

async function showHistory(): Promise<void> {
  const stored = (await browser.storage.local.get(HISTORY_KEY))[HISTORY_KEY];
  if (Array.isArray(stored) && historyList) {
    const items = stored.map((c: StoredConversation) => {
      const li = document.createElement('li');
      li.textContent = String(c.title ?? '');
      return li;
    });
    historyList.append(...items);
  }
  if (input) input.disabled = false;
}

void showHistory();
