/**
 * Storage budget checks. Extension storage counts the serialized JSON, so that is what we measure;
 * the result is approximate (keys and engine overhead are not included).
 */
import type { Conversation } from './contract';

/** UTF-8 length of a string, counted without encoding it into a buffer. */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3; // BMP character, or a lone surrogate (encoded as U+FFFD, also 3 bytes)
  }
  return bytes;
}

/** Size of JSON.stringify(list) in UTF-8 bytes. */
export function approxBytes(list: readonly Conversation[]): number {
  return utf8Length(JSON.stringify(list));
}

/**
 * How close usage is to the quota: 'near' from 90 %, 'full' from 98 % (warn before a save fails).
 * A null or infinite quota (unlimitedStorage, or a browser that reports none) never fills; a zero quota is always full.
 */
export function quotaLevel(usedBytes: number, quotaBytes: number | null): 'ok' | 'near' | 'full' {
  if (quotaBytes === null || quotaBytes === Number.POSITIVE_INFINITY) return 'ok';
  if (quotaBytes <= 0) return 'full';
  const ratio = usedBytes / quotaBytes;
  if (ratio >= 0.98) return 'full';
  if (ratio >= 0.9) return 'near';
  return 'ok';
}
