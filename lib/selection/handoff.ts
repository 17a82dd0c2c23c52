/**
 * The hand-over from a context-menu click to the panel: a queue in session storage that the
 * background fills and the panel drains through the background, so each item is delivered
 * exactly once and in order, whether the panel was open, closed or still loading. No timers.
 */
import type { ImageAttachment, TextAttachment } from '../attachments/types';
import type { Selection } from './prompt';

interface Base {
  id: string;
  createdAt: number;
  selection: Selection;
}

/** `ask`: quote the selection and let the user type the question. `send`: ask at once. */
export type SelectionHandoff = (Base & { kind: 'ask' }) | (Base & { kind: 'send'; title: string; prompt: string });
export type Handoff = SelectionHandoff | ImageHandoff | PageHandoff;

/**
 * "Ask Ollama about this image": the image, fetched and downscaled by the background (small
 * enough for the session queue), or why it could not be had, said in the panel.
 */
export type ImageHandoff = { id: string; createdAt: number; kind: 'image' } & ({ image: ImageAttachment } | { problem: string });

/** "Ask Ollama about this page": the page read at the click (activeTab), or why it could not be. */
export interface PageHandoff {
  id: string;
  createdAt: number;
  kind: 'page';
  attachment?: TextAttachment;
  refusal?: string;
}

export interface QueueIO {
  read(): Promise<Handoff[]>;
  write(items: Handoff[]): Promise<void>;
}

export interface HandoffQueue {
  enqueue(item: Handoff): Promise<void>;
  /** Removes and returns everything queued, oldest first. */
  takeAll(): Promise<Handoff[]>;
}

export function createHandoffQueue(io: QueueIO): HandoffQueue {
  // One change at a time: a take can never see half an enqueue, nor return an item twice.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn);
    chain = run.catch(() => {});
    return run;
  };
  return {
    enqueue: (item) => serial(async () => io.write([...(await io.read()), item])),
    takeAll: () =>
      serial(async () => {
        const items = await io.read();
        if (items.length) await io.write([]);
        return items;
      }),
  };
}

let seq = 0;
export const handoffId = () => `sel-${Date.now().toString(36)}-${(seq++).toString(36)}`;
