/**
 * Whether a quick action from the context menu can be sent now. A panel that just opened does not
 * know its model until the background's first status answer: until then the answer is "unknown",
 * never "no model" (which used to leave the prompt in the message box under a false banner).
 */
import { computed, type ReadonlySignal } from '@preact/signals';
import type { ConnectionModel } from './connection';
import { t } from '../../lib/i18n';

export type Readiness = { kind: 'unknown' } | { kind: 'ready' } | { kind: 'unavailable'; message: string };

export const noModelMessage = () => t('readiness_no_model');

const UNKNOWN: Readiness = { kind: 'unknown' };
const READY: Readiness = { kind: 'ready' };

export function createReadiness(connection: Pick<ConnectionModel, 'state' | 'selected' | 'failure'>): ReadonlySignal<Readiness> {
  return computed(() => {
    const state = connection.state.value;
    if (state === 'unknown') return UNKNOWN;
    const failure = connection.failure.value;
    // Down: the remembered or default model still sends, like a typed message: that request is
    // what starts Ollama (layer 1), and if it cannot, the failed reply says why and keeps the prompt.
    if (connection.selected.value) return READY;
    if (state === 'stopped') return { kind: 'unavailable', message: failure?.message ?? t('readiness_not_running') };
    // Up but refusing us (403, 5xx) or with no model installed.
    return { kind: 'unavailable', message: failure?.message ?? noModelMessage() };
  });
}
