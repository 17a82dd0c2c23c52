/**
 * Where images sit in a conversation (a message's attachments, its versions' and their `rest`),
 * and one way to change them all: the background swaps bytes for `ref`s before saving, fills
 * them back before asking Ollama or exporting. Pure, so panel and background share it.
 */
import type { Attachment, ImageAttachment } from '../attachments/types';
import type { HistoryMessage, MessageVersion } from '../conversations/contract';

type MapImage = (a: ImageAttachment) => ImageAttachment;

const mapList = (list: Attachment[] | undefined, f: MapImage): Attachment[] | undefined => list?.map((a) => (a.kind === 'image' ? f(a) : a));

function mapVersion(v: MessageVersion, f: MapImage): MessageVersion {
  if (!v.attachments && !v.rest) return v;
  return {
    ...v,
    ...(v.attachments ? { attachments: mapList(v.attachments, f) } : {}),
    ...(v.rest ? { rest: mapImages(v.rest, f) } : {}),
  };
}

/** `messages` with every image attachment replaced by `f(image)`; messages without one are kept as they are. */
export function mapImages(messages: readonly HistoryMessage[], f: MapImage): HistoryMessage[] {
  return messages.map((m) =>
    !m.attachments && !m.versions
      ? m
      : {
          ...m,
          ...(m.attachments ? { attachments: mapList(m.attachments, f) } : {}),
          ...(m.versions ? { versions: m.versions.map((v) => mapVersion(v, f)) } : {}),
        },
  );
}

/** Every image attachment in `messages`, in order. */
export function imagesIn(messages: readonly HistoryMessage[]): ImageAttachment[] {
  const found: ImageAttachment[] = [];
  mapImages(messages, (a) => {
    found.push(a);
    return a;
  });
  return found;
}

/** The refs named anywhere in raw stored conversations (unchecked data: a sweep must not throw on damage). */
export function refsInRaw(conversations: readonly unknown[]): Set<string> {
  const refs = new Set<string>();
  // A walk of plain JSON: every object with kind 'image' and a string ref, wherever it sits.
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (o.kind === 'image' && typeof o.ref === 'string') refs.add(o.ref);
      else for (const x of Object.values(o)) if (typeof x === 'object') walk(x);
    }
  };
  walk(conversations);
  return refs;
}

/** A stored image's name: the SHA-256 of its base64 text, in hex, so equal images are kept once. */
export async function imageRef(data: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(data));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
