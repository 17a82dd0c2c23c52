// Types for rotate.mjs.
export const LOG_MAX_BYTES: number;
export const TAIL_BYTES: number;
export class RotatingLog {
  constructor(path: string, oldPath: string, maxBytes?: number);
  readonly size: number;
  write(chunk: Buffer): void;
  rotate(): void;
  close(): void;
}
