/**
 * Where a rendered block ends: the innermost element its text grows in. Raw text that arrives
 * between re-renders is appended there, and the streaming caret sits there, right after the last
 * character shown.
 */
import { appendRun } from './text-runs';

/** Elements raw text may be appended into (we descend to the innermost at the block's end). */
const HOLDERS = new Set(['P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'PRE', 'DIV']);
/** Elements the streaming indicator goes into, to sit right after the last character shown. */
const CARET_HOLDERS = new Set([...HOLDERS, 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The last child that is not whitespace between blocks (marked puts newlines there). */
function lastContent(el: Element): ChildNode | null {
  let n = el.lastChild;
  while (n && n.nodeType === 3 && !/\S/.test(n.textContent ?? '')) n = n.previousSibling;
  return n;
}

/** The innermost of `holders` at the end of `block`, or `block` itself; a <pre>'s <code> counts too. */
function innermostEnd(block: Element, holders: ReadonlySet<string>): Element {
  let target = block;
  for (let last = lastContent(target); last && last.nodeType === 1; last = lastContent(target)) {
    const inPre = last.nodeName === 'CODE' && target.nodeName === 'PRE';
    if (!holders.has(last.nodeName) && !inPre) break;
    target = last as Element;
  }
  return target;
}

/** Raw text at the end of `block`, in a new paragraph when there is nothing to append it to. */
export function appendText(block: HTMLElement, text: string): void {
  let target = innermostEnd(block, HOLDERS);
  if (target === block) {
    target = block.ownerDocument.createElement('p');
    block.append(target);
  }
  appendRun(target, text);
}

/**
 * The innermost element at the end of `block` (a list item, a table cell, a heading, the code of a
 * fence…): where the text grows, so where the indicator belongs.
 */
export const growingEnd = (block: Element): Element => innermostEnd(block, CARET_HOLDERS);
