/** What the panel and the downscaling worker (lib/images/downscale.worker.ts) say to each other. */
import type { ResizeProblem } from './resize-problems';

export interface DownscaleRequest {
  id: number;
  blob: Blob;
}

export interface Downscaled {
  mime: string;
  /** Base64, as Ollama's `images` takes it. */
  data: string;
  width: number;
  height: number;
  originalWidth: number;
  originalHeight: number;
}

/** A failure is a `problem` the panel words in the UI's language, else an unforeseen error's text. */
export type DownscaleReply = { id: number; ok: true; image: Downscaled } | { id: number; ok: false; message: string; problem?: ResizeProblem };
