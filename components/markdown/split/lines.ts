/** Classifying one markdown line (without its newline), as the block splitter needs it. */

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

export interface Fence {
  readonly char: string;
  readonly size: number;
}

export const isListItem = (line: string) => LIST_ITEM.test(line);

export function indentOf(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n++;
    else if (ch === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}

export function fenceOpen(line: string): (Fence & { lang: string }) | null {
  const m = FENCE.exec(line);
  const marker = m?.[2];
  const info = m?.[3] ?? '';
  if (!marker) return null;
  const char = marker.charAt(0);
  if (char === '`' && info.includes('`')) return null; // an inline code span, not a fence
  return { char, size: marker.length, lang: info.trim().split(/\s+/)[0] ?? '' };
}

export function closesFence(line: string, f: Fence): boolean {
  const t = line.trim();
  return t.length >= f.size && t === f.char.repeat(t.length);
}
