/**
 * The DOM of one answer as it streams. Only the last block is ever touched: closed blocks are
 * rendered once, for good. The growing block is re-rendered from its markdown while that stays
 * within a budget proportional to the text received (so total parsing is linear in the reply,
 * however it is chunked); past the budget the new text is appended raw and the next affordable
 * re-render catches up. A streaming code fence needs no parsing at all: its text is appended.
 */
import { BlockSplitter, type FenceInfo } from './split/blocks';
import { openCodeBlock } from './decorate/decorate';
import { type BlockRenderer, renderMarkdown } from './render';
import { appendRun } from './text-runs';

/**
 * Blocks go into chunks of this many. A full chunk skips style, layout and paint while out of view
 * (content-visibility in styles.css): the frames of a 50k-token reply, thousands of blocks, walked
 * them all (bench 3). Per chunk rather than per block, since the browser checks each such element's
 * visibility every frame.
 */
export const CHUNK_BLOCKS = 32;

/** Re-rendering the growing block may parse at most this many times the text received. */
export const PREVIEW_BUDGET = 2;

/**
 * Text that can change how earlier text renders. A piece without any of these, not at a line
 * start, renders as itself appended to the last paragraph, so it needs no re-render at all.
 */
const SYNTAX = /[\n\r*_`~\\<>&|[\]!:@]/;
/** Elements raw text may be appended into (we descend to the innermost at the block's end). */
const HOLDERS = new Set(['P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'PRE', 'DIV']);
/** Elements the streaming indicator goes into, to sit right after the last character shown. */
const CARET_HOLDERS = new Set([...HOLDERS, 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** A fence's unfinished last line that may yet close it: not shown until we know. */
const MAYBE_CLOSING = /^\s*(`+|~+)\s*$/;

/** The last child that is not whitespace between blocks (marked puts newlines there). */
function lastContent(el: Element): ChildNode | null {
  let n = el.lastChild;
  while (n && n.nodeType === 3 && !/\S/.test(n.textContent ?? '')) n = n.previousSibling;
  return n;
}

function appendText(el: HTMLElement, text: string): void {
  let target: Element = el;
  for (let last = lastContent(target); last && last.nodeType === 1; last = lastContent(target)) {
    const inPre = last.nodeName === 'CODE' && target.nodeName === 'PRE';
    if (!HOLDERS.has(last.nodeName) && !inPre) break;
    target = last as Element;
  }
  if (target === el) {
    target = el.ownerDocument.createElement('p');
    el.append(target);
  }
  appendRun(target, text);
}

/**
 * The innermost element at the end of `block` (a list item, a table cell, a heading, the code of a
 * fence…): where the text grows, so where the indicator belongs.
 */
function growingEnd(block: Element): Element {
  let target = block;
  for (let last = lastContent(target); last && last.nodeType === 1; last = lastContent(target)) {
    const inPre = last.nodeName === 'CODE' && target.nodeName === 'PRE';
    if (!CARET_HOLDERS.has(last.nodeName) && !inPre) break;
    target = last as Element;
  }
  return target;
}

export class MarkdownStreamView {
  private readonly blocks = new BlockSplitter();
  /**
   * One streaming indicator, moved to the end of whatever block is growing after each update.
   * Empty, its mark drawn by CSS: copying a code block or the answer never picks it up. Hidden
   * from screen readers, which learn the message is still coming from its aria-busy.
   */
  private readonly caret: HTMLElement;
  private growing: HTMLElement | null = null;
  private chunk: HTMLElement | null = null;
  private chunkBlocks = 0;
  private fenceCode: HTMLElement | null = null;
  private fenceShown = 0;
  private received = 0;
  private previewCost = 0;
  /** How much of the growing block's text its DOM shows. */
  private shown = 0;
  /** Its DOM is only an approximation of its markdown (syntax arrived since the last render). */
  private stale = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly render: BlockRenderer = renderMarkdown,
  ) {
    this.caret = root.ownerDocument.createElement('span');
    this.caret.className = 'stream-caret';
    this.caret.setAttribute('aria-hidden', 'true');
  }

  /** New answer text while streaming; call at most once per frame. */
  update(delta: string): void {
    if (!delta) return;
    // Out of the way first: appending and re-rendering look at the block's last child.
    this.caret.remove();
    this.received += delta.length;
    this.blocks.push(delta);
    const fresh = this.renderClosed();
    this.renderOpen(delta, fresh);
    const block = this.growing ?? this.chunk?.lastElementChild;
    if (block) growingEnd(block).append(this.caret);
  }

  /** The answer is complete (with its last text, if any): every block gets its final form. */
  end(delta = ''): void {
    this.caret.remove();
    this.received += delta.length;
    this.blocks.push(delta);
    this.blocks.finish();
    this.renderClosed();
    this.growing?.remove();
    this.growing = null;
  }

  private newBlock(): HTMLElement {
    const doc = this.root.ownerDocument;
    if (!this.chunk || this.chunkBlocks === CHUNK_BLOCKS) {
      this.chunk?.classList.add('md-chunk-full');
      this.chunk = doc.createElement('div');
      this.chunk.className = 'md-chunk';
      this.chunkBlocks = 0;
      this.root.append(this.chunk);
    }
    const el = doc.createElement('div');
    el.className = 'md-block';
    this.chunk.append(el);
    this.chunkBlocks++;
    return el;
  }

  private renderClosed(): boolean {
    const done = this.blocks.drain();
    done.forEach((block, i) => {
      const el = i === 0 && this.growing ? this.growing : this.newBlock();
      el.replaceChildren(this.render(block.text, true));
    });
    if (done.length === 0) return false;
    this.growing = null;
    this.fenceCode = null;
    this.shown = 0;
    return true;
  }

  private renderOpen(delta: string, fresh: boolean): void {
    if (!this.blocks.openHasContent) return;
    if (!this.growing) fresh = true;
    this.growing ??= this.newBlock();
    const text = this.blocks.openText;
    const fence = this.blocks.openFence;
    if (fence) {
      this.streamFence(this.growing, text, fence);
      return;
    }
    const lineStart = text.charAt(text.length - delta.length - 1) === '\n';
    this.stale ||= fresh || lineStart || SYNTAX.test(delta);
    if (this.stale && this.previewCost + text.length <= PREVIEW_BUDGET * this.received) {
      this.previewCost += text.length;
      this.growing.replaceChildren(this.render(text, false));
      this.stale = false;
      this.shown = text.trimEnd().length; // marked drops trailing whitespace; the next append restores it
    } else {
      appendText(this.growing, text.slice(this.shown));
      this.shown = text.length;
    }
  }

  private streamFence(el: HTMLElement, text: string, fence: FenceInfo): void {
    if (!this.fenceCode) {
      const { box, code } = openCodeBlock(el.ownerDocument, fence.lang);
      el.replaceChildren(box);
      this.fenceCode = code;
      this.fenceShown = fence.headLength;
    }
    const partial = this.blocks.partialLine;
    const end = MAYBE_CLOSING.test(partial) ? text.length - partial.length : text.length;
    if (end > this.fenceShown) appendRun(this.fenceCode, text.slice(this.fenceShown, end));
    this.fenceShown = Math.max(this.fenceShown, end);
  }
}
