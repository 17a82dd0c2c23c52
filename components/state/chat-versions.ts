/**
 * Regenerate, edit and version switching for the chat model (lib/conversations/versions.ts holds
 * the stored shape). A new reply or question becomes the newest version of its place; what it
 * replaces, with everything that followed, stays one arrow away. Only the visible path is asked.
 */
import { effect, type ReadonlySignal, type Signal } from '@preact/signals';
import type { MessageVersion } from '../../lib/conversations/contract';
import { allVersions, switchVersion } from '../../lib/conversations/versions';
import type { PanelMessage } from '../../lib/protocol';
import { createMessage, isStored, type MutableMessage, replacing, toHistory } from './message';

export interface VersionActions {
  /** Asks again in place of the last reply (failed, interrupted or stopped), which it replaces. */
  retry(messageId: string): void;
  /** Asks the question before this reply again; the new reply is shown, the old ones kept. False when busy or no model. */
  regenerate(messageId: string): boolean;
  /** Sends `text` in place of this question: a new branch; the old one stays as a version. */
  edit(messageId: string, text: string): boolean;
  /** Shows version `to` (0-based) of this message, with what followed it, and saves the choice. */
  switchVersion(messageId: string, to: number): void;
}

export interface VersionDeps {
  messages: Signal<MutableMessage[]>;
  busy(): boolean;
  /** The model to ask, or null (the banner then says why). */
  model(): string | null;
  selectedModel: ReadonlySignal<string | null>;
  request(model: string, asked?: MutableMessage, replyVersions?: MessageVersion[]): void;
  send(msg: PanelMessage): void;
  /** The open conversation and the stored version the panel's copy comes from. */
  where(): { id: string | null; base: string | null };
}

export function createVersionActions(d: VersionDeps): VersionActions {
  // The stored path (what the background holds), and where the message is on it.
  const locate = (messageId: string, role: 'user' | 'assistant') => {
    const shown = d.messages.peek().filter(isStored);
    const i = shown.findIndex((m) => m.id === messageId);
    return i >= 0 && shown[i]?.role === role && !d.busy() ? { shown, i, path: shown.map(toHistory) } : null;
  };
  let pendingRetry: (() => void) | null = null;
  const actions: VersionActions = {
    retry(messageId) {
      const list = d.messages.peek();
      const last = list[list.length - 1];
      if (d.busy() || !last || last.id !== messageId || last.role !== 'assistant') return;
      const model = d.selectedModel.peek();
      if (model) {
        d.messages.value = list.slice(0, -1);
        // A failed regenerate keeps the replies it was to join (stored with its placeholder).
        d.request(model, undefined, [...last.versions]);
        return;
      }
      // A panel just opened is still learning its model: retry as soon as it knows one.
      pendingRetry?.();
      pendingRetry = effect(() => {
        if (!d.selectedModel.value) return;
        queueMicrotask(() => {
          pendingRetry?.();
          pendingRetry = null;
          actions.retry(messageId);
        });
      });
    },
    regenerate(messageId) {
      const at = locate(messageId, 'assistant');
      const model = at && d.model();
      if (!at || !model) return false;
      const versions = allVersions(at.path, at.i);
      d.messages.value = at.shown.slice(0, at.i);
      d.request(model, undefined, versions);
      return true;
    },
    edit(messageId, text) {
      const at = locate(messageId, 'user');
      const model = at && text.trim() && d.model();
      if (!at || !model) return false;
      // The question changes, not what it was about: the attachments stay with the new version.
      const attachments = at.shown[at.i]?.attachments ?? [];
      const asked = createMessage('user', { content: text, versions: allVersions(at.path, at.i), ...(attachments.length ? { attachments } : {}) });
      d.messages.value = [...at.shown.slice(0, at.i), asked];
      d.request(model, asked);
      return true;
    },
    switchVersion(messageId, to) {
      const at = locate(messageId, 'user') ?? locate(messageId, 'assistant');
      const m = at?.shown[at.i];
      if (!at || !m || to === m.version || to < 0 || to > m.versions.length) return;
      const next = switchVersion(at.path, at.i, to);
      d.messages.value = [...at.shown.slice(0, at.i), ...next.slice(at.i).map((h, k) => replacing(h, k === 0 ? messageId : undefined))];
      const { id, base } = d.where();
      // A conversation not saved yet has no versions to switch; the background checks `base`.
      if (id && base) d.send({ type: 'history/switch-version', id, base, at: at.i, to });
    },
  };
  return actions;
}
