/**
 * The panel's way to downscale an image: one module worker, started on first use, kept for the
 * next (attaching several images is common). The panel thread only hands over the file.
 */
import { MAX_INPUT_BYTES } from './fit';
import type { Downscaled, DownscaleReply } from './protocol';

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
    else waiter?.reject(new Error(r.message));
  };
  w.onerror = (e) => {
    e.preventDefault();
    failAll('Resizing the image failed in this browser. Try another image format.');
  };
  return w;
}

export function downscale(blob: Blob): Promise<Downscaled> {
  if (blob.size > MAX_INPUT_BYTES) {
    return Promise.reject(new Error(`This image is too big to attach (${Math.round(blob.size / 1048576)} MB; up to ${MAX_INPUT_BYTES / 1048576} MB).`));
  }
  worker ??= start();
  const id = seq++;
  const w = worker;
  return new Promise<Downscaled>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, blob });
  });
}
