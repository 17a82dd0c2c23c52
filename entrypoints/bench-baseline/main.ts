/**
 * The bench baseline (built only with OLLAMA_CHAT_BENCH=1, see wxt.config.ts): the same Port to
 * the same background and the same chat/start as the panel, then each chunk appended as a text
 * node the moment it arrives, with no framework, signals or scroll logic in between. It is the
 * physical limit of our relay path; bench/ divides the panel's numbers by this page's.
 * `?show=<conversation id>` instead renders a stored conversation, the floor for opening one.
 */
// Type-only imports: a runtime import would make Vite split a chunk shared with the panel, and the
// bench build's panel would then differ from the shipped one.
import type { browser as Api } from 'wxt/browser';
import type { HistoryMessage } from '../../lib/conversations/contract';
import type { BackgroundMessage, PanelMessage, PORT_NAME } from '../../lib/protocol';

// The raw extension API; the compiler still checks the Port name against lib/protocol.ts.
const browser = (globalThis as unknown as { chrome: typeof Api }).chrome;
const portName: typeof PORT_NAME = 'ollama-chat/panel';
// The key conversations are stored under; reading it is the least any history view must do.
// Layout v2 (lib/storage/history-io.ts): the least a history list can do is read the index.
const INDEX_KEYS = Array.from({ length: 16 }, (_, n) => `ollama_chat_index:${n}`);
const CONVERSATION_PREFIX = 'ollama_chat_conversation:';

const params = new URLSearchParams(location.search);
const model = params.get('model') ?? 'llama3.2';
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

function article(role: string, content: string): { article: HTMLElement; text: HTMLElement } {
  const el = document.createElement('article');
  el.setAttribute('aria-label', role === 'user' ? 'You' : 'Assistant');
  const text = document.createElement('div');
  text.className = 'text';
  text.append(content);
  el.append(text);
  return { article: el, text };
}

form?.addEventListener('submit', (e) => {
  e.preventDefault();
  if (!log || !input) return;
  const a = article('assistant', '');
  a.article.dataset.status = 'streaming';
  log.append(a.article);
  const now = Date.now();
  current = { requestId: `bench-${now}`, ...a };
  const history: HistoryMessage[] = [{ role: 'user', content: input.value, timestamp: new Date(now).toISOString() }];
  // The id format the panel mints: conv-<ms>-<9 base36>.
  const conversation = { id: `conv-${now}-${Math.random().toString(36).slice(2, 11).padEnd(9, '0')}` };
  const start: PanelMessage = { type: 'chat/start', requestId: current.requestId, model, conversation, base: null, history };
  port.postMessage(start);
});

interface Stored {
  id?: unknown;
  title?: unknown;
  messages?: { role?: unknown; content?: unknown }[];
}

async function load(): Promise<void> {
  const show = params.get('show');
  if (show !== null) {
    const key = `${CONVERSATION_PREFIX}${show}`;
    const conv = (await browser.storage.local.get(key))[key] as Stored | undefined;
    log?.append(...(conv?.messages ?? []).map((m) => article(String(m.role), String(m.content)).article));
    document.body.dataset.shown = String(conv?.messages?.length ?? 0);
    return;
  }
  const shards = await browser.storage.local.get(INDEX_KEYS);
  const list = INDEX_KEYS.flatMap((k) => (Array.isArray(shards[k]) ? (shards[k] as Stored[]) : []));
  historyList?.append(
    ...list.map((c) => {
      const li = document.createElement('li');
      li.textContent = String(c.title ?? '');
      return li;
    }),
  );
  if (input) input.disabled = false;
}

void load();
