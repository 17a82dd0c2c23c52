/**
 * Attachments read from storage, an import or a Port are untrusted: each is checked on its own and
 * a damaged one is dropped, never a reason to refuse the message that carries it.
 */
import { type Attachment, TEXT_KINDS, type TextAttachmentKind } from './types';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isSize = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
// Only raster types a browser decodes and Ollama accepts; an SVG could carry script.
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function readAttachment(v: unknown): Attachment | null {
  if (!isObject(v) || !isString(v.title)) return null;
  const url = isString(v.url) && v.url ? { url: v.url } : {};
  const note = isString(v.note) && v.note ? { note: v.note } : {};
  if (TEXT_KINDS.includes(v.kind as TextAttachmentKind)) {
    if (!isString(v.text)) return null;
    return { kind: v.kind as TextAttachmentKind, title: v.title, ...url, text: v.text, ...note };
  }
  if (v.kind !== 'image' || !isString(v.mime) || !IMAGE_TYPES.has(v.mime) || !isSize(v.width) || !isSize(v.height)) return null;
  const data = isString(v.data) && v.data.length > 0 && v.data.length % 4 === 0 && BASE64.test(v.data) ? { data: v.data } : {};
  const ref = isString(v.ref) && v.ref ? { ref: v.ref } : {};
  if (!('data' in data) && !('ref' in ref)) return null;
  return { kind: 'image', title: v.title, ...url, mime: v.mime, width: v.width, height: v.height, ...note, ...data, ...ref };
}

/** The well-formed attachments of `v`, copied; null when there is none (the field is then left out). */
export function readAttachments(v: unknown): Attachment[] | null {
  if (!Array.isArray(v)) return null;
  const kept = v.map(readAttachment).filter((a) => a !== null);
  return kept.length ? kept : null;
}

/** Whether `v` is a list of attachments that all pass the checks (a Port message is taken whole or refused). */
export function isAttachmentList(v: unknown): v is Attachment[] {
  return Array.isArray(v) && v.length > 0 && readAttachments(v)?.length === v.length;
}
