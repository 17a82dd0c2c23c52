// Types for framing.mjs.
export const MAX_IN: number;
export const MAX_OUT: number;
export function encode(value: unknown): Buffer;
export type FrameEvent =
  | { type: 'message'; value: unknown }
  | { type: 'invalid'; error: string }
  | { type: 'fatal'; error: string };
export class FrameDecoder {
  push(chunk: Buffer): FrameEvent[];
  end(): { type: 'fatal'; error: string } | null;
}
