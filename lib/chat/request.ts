/**
 * What one /api/chat request carries besides the model: the conversation's turns with its system
 * prompt first, and the model's parameters as Ollama names them (`options`, `keep_alive`).
 */
import { wireContent, wireImages } from '../attachments/wire';
import type { HistoryMessage } from '../conversations/contract';
import { type ModelParameters, parametersFor } from '../model-params';
import type { Settings } from '../settings';

/** One message as /api/chat takes it; `system` only ever comes first, never from history. */
export interface WireTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** Base64 images for a vision model (lib/attachments/wire.ts). */
  images?: string[];
}

export interface ChatRequest {
  messages: WireTurn[];
  options?: Omit<ModelParameters, 'keep_alive'>;
  keepAlive?: string;
}

type RequestSettings = Pick<Settings, 'systemPrompt' | 'parameters' | 'modelParameters'>;

/**
 * `system`: the conversation's own prompt (undefined: it has none, the global default applies).
 * An empty failed reply is not history; a message's attachments travel as lib/attachments/wire.ts says.
 */
export function buildChatRequest(model: string, history: readonly HistoryMessage[], system: string | undefined, settings: RequestSettings): ChatRequest {
  const prompt = (system ?? settings.systemPrompt).trim() ? (system ?? settings.systemPrompt) : '';
  const turns: WireTurn[] = history.filter((m) => m.content || m.attachments?.length).map(toTurn);
  const { keep_alive, ...options } = parametersFor(settings.parameters, settings.modelParameters, model);
  return {
    messages: prompt ? [{ role: 'system', content: prompt }, ...turns] : turns,
    ...(Object.keys(options).length > 0 ? { options } : {}),
    ...(keep_alive !== undefined ? { keepAlive: keep_alive } : {}),
  };
}

function toTurn({ role, content, attachments }: HistoryMessage): WireTurn {
  const images = wireImages(attachments);
  return { role, content: wireContent(content, attachments), ...(images.length ? { images } : {}) };
}
