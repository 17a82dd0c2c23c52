/**
 * What the first-run guide shows while the chat is empty: the one thing missing before a chat can
 * work (Ollama reachable, allowed, with a model), else ways to start. The banner is the alert;
 * this is the walk-through, so it goes by the connection's state, not by the banner's text.
 */
import { computed, type ReadonlySignal } from '@preact/signals';
import type { Helper } from './banner-actions';
import type { ConnectionModel } from './connection';
import { helperOf, isLocal } from './problems';
import type { HostInfo } from './settings';

export type WelcomeStep =
  | { kind: 'checking' }
  /** `host`: the server's host:port when it is not on this machine (only its owner can start it). */
  | { kind: 'down'; helper: Helper; host: string | null }
  | { kind: 'forbidden' }
  | { kind: 'no-models' }
  /** Up but answering with an error (a 5xx): the banner says which. */
  | { kind: 'failing' }
  | { kind: 'ready' };

type Inputs = Pick<ConnectionModel, 'state' | 'failure' | 'models' | 'baseUrl'>;

export function createWelcome(connection: Inputs, host: ReadonlySignal<HostInfo | null>): ReadonlySignal<WelcomeStep> {
  return computed((): WelcomeStep => {
    const state = connection.state.value;
    if (state === 'unknown') return { kind: 'checking' };
    if (state === 'stopped') {
      const url = connection.baseUrl.value;
      return { kind: 'down', helper: helperOf(host.value), host: !url || isLocal(url) ? null : new URL(url).host };
    }
    const failure = connection.failure.value;
    if (failure?.kind === 'forbidden') return { kind: 'forbidden' };
    if (failure) return { kind: 'failing' };
    return connection.models.value.length === 0 ? { kind: 'no-models' } : { kind: 'ready' };
  });
}
