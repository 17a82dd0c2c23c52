/**
 * "Chat with this page": while on, the active tab's main content is a 'page' chip that follows
 * the tab: a switch or a finished load replaces it, a page that cannot be read removes it and
 * says why (`notice`). Removing the chip (or sending it) turns following off, so the toggle is
 * pressed exactly while the page is attached or being looked for.
 */
import { effect, type ReadonlySignal, signal } from '@preact/signals';
import type { PageExtract } from '../../lib/page/extract';
import { errorText, readTab } from '../../lib/page/read-tab';
import { isFinalRefusal } from '../../lib/page/restricted';
import type { PageTabs } from '../../lib/page/tabs';
import type { AttachmentsModel } from './attachments';
import { t } from '../../lib/i18n';

export interface PageContext {
  readonly following: ReadonlySignal<boolean>;
  /** Why there is no page chip, or where its text came from; null when there is nothing to say. */
  readonly notice: ReadonlySignal<string | null>;
  /** Set when the user refused access to pages: switching tabs cannot update the chip. */
  readonly accessRefused: ReadonlySignal<boolean>;
  readonly busy: ReadonlySignal<boolean>;
  /** Call from the click itself: turning on asks for host access, which needs the user's gesture. */
  toggle(): void;
  dispose(): void;
}

export const fallbackNotice = () => t('page_context_fallback');

export function createPageContext(attachments: AttachmentsModel, tabs: PageTabs): PageContext {
  const following = signal(false);
  const notice = signal<string | null>(null);
  const accessRefused = signal(false);
  const busy = signal(false);
  let key: string | null = null;
  let tabId: number | null = null;
  let run = 0;
  // Whether every http(s) page may be read: known at start, read again before each reading (the
  // user can take it back in the browser's settings at any time).
  let access = false;
  let unfollow: (() => void) | null = null;
  void tabs.hasAccess().then((ok) => {
    access = access || ok;
  });

  const drop = (why: string) => {
    const k = key;
    key = null;
    if (k) attachments.remove(k);
    notice.value = why;
  };

  // The access asked for by the last click, while its answer is awaited (a prompt in Chrome).
  let asking: Promise<boolean> | null = null;
  /** Tries at once (activeTab may cover the tab); a refusal waits for the user's answer to the prompt, then tries again. */
  const extract = async (id: number): Promise<PageExtract> => {
    try {
      return await tabs.extract(id);
    } catch (e) {
      // A browser page stays closed whatever the answer: say so now, not after the prompt.
      if (access || !asking || isFinalRefusal(errorText(e)) || !(await asking)) throw e;
      return tabs.extract(id);
    }
  };

  const refresh = async () => {
    const mine = ++run;
    busy.value = true;
    try {
      const [tab, allowed] = await Promise.all([tabs.current(), tabs.hasAccess()]);
      if (mine !== run) return;
      access = allowed;
      tabId = tab?.id ?? null;
      const read = await readTab(extract, tab, access);
      if (mine !== run) return;
      if ('refusal' in read) return drop(read.refusal);
      key = key ? attachments.replace(key, read.attachment) : attachments.add(read.attachment);
      notice.value = read.fallback ? fallbackNotice() : null;
    } finally {
      if (mine === run) busy.value = false;
    }
  };

  const stop = () => {
    run++;
    unfollow?.();
    unfollow = null;
    following.value = false;
    busy.value = false;
    notice.value = null;
    const k = key;
    key = null;
    tabId = null;
    if (k) attachments.remove(k);
  };

  // The chip went (Remove, or sent with a question): following ends with it.
  const watch = effect(() => {
    const chips = attachments.chips.value;
    if (key && !chips.some((c) => c.key === key)) {
      key = null;
      stop();
    }
  });

  return {
    following,
    notice,
    accessRefused,
    busy,
    toggle() {
      if (following.peek()) return stop();
      following.value = true;
      accessRefused.value = false;
      // Asked before anything is awaited: later the click no longer counts as the user's. A
      // prompt still open from an earlier press is that answer too: the browser shows one at a time.
      if (!access && !asking) {
        const asked = tabs.requestAccess();
        asking = asked;
        void asked.then((ok) => {
          access = access || ok;
          if (asking === asked) asking = null;
          if (following.peek()) accessRefused.value = !ok;
        });
      }
      unfollow = tabs.follow(
        () => void refresh(),
        (id) => {
          if (id === tabId) void refresh();
        },
      );
      void refresh();
    },
    dispose() {
      watch();
      stop();
    },
  };
}
