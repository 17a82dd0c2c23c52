/**
 * The panel's way to downscale an image: one module worker, started on first use, kept for the
 * next (attaching several images is common). The panel thread only hands over the file.
 */
import { t } from '../i18n';
import { megabytes } from '../megabytes';
import { MAX_INPUT_BYTES } from './fit';
import type { Downscaled, DownscaleReply } from './protocol';
import { resizeProblemText } from './resize-problems';

type Waiter = { resolve(d: Downscaled): void; reject(e: Error): void };

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<number, Waiter>();

function failAll(message: string): void {
  for (const w of waiting.values()) w.reject(new Error(message));
  waiting.clear();
  worker?.terminate();
  worker = null;
}

function start(): Worker {
  const w = new Worker(new URL('./downscale.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<DownscaleReply>) => {
    const r = e.data;
    const waiter = waiting.get(r.id);
    waiting.delete(r.id);
    if (r.ok) waiter?.resolve(r.image);
    else waiter?.reject(new Error(r.problem ? resizeProblemText(r.problem) : r.message));
  };
  w.onerror = (e) => {
    e.preventDefault();
    failAll(t('images_worker_failed'));
  };
  return w;
}

export function downscale(blob: Blob): Promise<Downscaled> {
  if (blob.size > MAX_INPUT_BYTES) {
    return Promise.reject(new Error(t('images_too_big', megabytes(blob.size / 1048576), megabytes(MAX_INPUT_BYTES / 1048576))));
  }
  worker ??= start();
  const id = seq++;
  const w = worker;
  return new Promise<Downscaled>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, blob });
  });
}
