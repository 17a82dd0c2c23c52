/**
 * Test builds only (OLLAMA_CHAT_TEST=1, wxt.config.ts): Chromium's native context menu cannot be
 * clicked by automation, so e2e calls the click handler through `globalThis.ollamaChatTest`; the
 * hook also keeps a copy of the background's console output.
 * The test names a real tab by id and the tab is read back through the tabs API, so it carries
 * exactly what this extension's permissions let it see of that tab (title and URL only with
 * activeTab granted or host access), as in the tab a real click hands over; never a made-up one.
 */
import { browser } from 'wxt/browser';
import type { ClickTab, MenuClick } from './selection';

export interface TestHook {
  onMenuClick(click: MenuClick, tabId?: number): Promise<void>;
  /**
   * Everything the background wrote to its console since it started, so an e2e can check that a
   * connection's credentials never appear there, in Firefox too (whose event page puppeteer cannot
   * attach to).
   */
  consoleText(): string;
}

const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;

function shown(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ''}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Keeps a copy of each console line (the original still runs); returns the reader. */
function recordConsole(): () => string {
  const lines: string[] = [];
  for (const level of LEVELS) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      lines.push(`${level}: ${args.map(shown).join(' ')}`);
      original(...args);
    };
  }
  return () => lines.join('\n');
}

export function installTestHook(onMenuClick: (click: MenuClick, tab?: ClickTab) => Promise<void>): void {
  const consoleText = recordConsole();
  const hook: TestHook = {
    consoleText,
    async onMenuClick(click, tabId) {
      await onMenuClick(click, tabId === undefined ? undefined : await browser.tabs.get(tabId));
    },
  };
  (globalThis as { ollamaChatTest?: TestHook }).ollamaChatTest = hook;
}
