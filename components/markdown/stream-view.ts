/**
 * The DOM of one answer as it streams. Only the last block is ever touched: closed blocks are
 * rendered once, for good. The growing block is re-rendered from its markdown while that stays
 * within a budget proportional to the text received (so total parsing is linear in the reply,
 * however it is chunked); past the budget the new text is appended raw and the next affordable
 * re-render catches up. A streaming code fence needs no parsing at all: its text is appended.
 */
import { appendText, growingEnd } from './block-end';
import { openCodeBlock } from './decorate/decorate';
import { type BlockRenderer, renderMarkdown } from './render';
import { BlockSplitter, type FenceInfo } from './split/blocks';
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
/** A fence's unfinished last line that may yet close it: not shown until we know. */
const MAYBE_CLOSING = /^\s*(`+|~+)\s*$/;

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
