/** What the panel and the downscaling worker (lib/images/downscale.worker.ts) say to each other. */

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

export type DownscaleReply = { id: number; ok: true; image: Downscaled } | { id: number; ok: false; message: string };
