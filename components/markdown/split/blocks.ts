/**
 * Cuts markdown into top-level blocks that can be parsed on their own, incrementally: each pushed
 * chunk is scanned once, and a block is closed only when a later complete line proves it ended,
 * so the cut never depends on how the text was chunked. When unsure whether a line continues a
 * block we keep it in the block: a bigger block renders exactly like the whole document would,
 * a wrong cut would not.
 */
import { closesFence, type Fence, fenceOpen, indentOf, isListItem } from './lines';

export interface FenceInfo {
  /** The info string's first word, '' when none. */
  readonly lang: string;
  /** Length of the open block's text up to and including the opening fence line. */
  readonly headLength: number;
}

export interface Block {
  readonly text: string;
  /** Set when the block is a top-level fenced code block. */
  readonly fence: FenceInfo | null;
}

interface OpenFence extends Fence {
  /** A fence nested in a list item does not own its block. */
  readonly top: boolean;
}

export class BlockSplitter {
  private done: Block[] = [];
  private open = '';
  private line = '';
  private hasContent = false;
  private blank = false;
  private listish = false;
  private indentedCode = false;
  private fence: OpenFence | null = null;
  private fenceInfo: FenceInfo | null = null;

  push(chunk: string): void {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      const full = this.line + chunk.slice(from, nl + 1);
      this.line = '';
      this.takeLine(full);
      from = nl + 1;
    }
    this.line += chunk.slice(from);
  }

  /** The text is complete: the last line counts even without its newline. */
  finish(): void {
    if (this.line) this.takeLine(this.line);
    this.line = '';
    this.close();
  }

  /** Blocks closed since the last call, in order. */
  drain(): Block[] {
    const out = this.done;
    this.done = [];
    return out;
  }

  /** The block still growing, including the incomplete last line. */
  get openText(): string {
    return this.open + this.line;
  }

  get openHasContent(): boolean {
    return this.hasContent || /\S/.test(this.line);
  }

  get openFence(): FenceInfo | null {
    return this.fenceInfo;
  }

  /** The incomplete last line (it may still turn out to close a fence). */
  get partialLine(): string {
    return this.line;
  }

  private takeLine(full: string): void {
    const line = full.replace(/\r?\n$/, '');
    if (this.fence) {
      this.open += full;
      if (closesFence(line, this.fence)) {
        const top = this.fence.top;
        this.fence = null;
        if (top) this.close();
      }
      return;
    }
    if (!/\S/.test(line)) {
      this.open += full;
      if (this.hasContent) this.blank = true;
      return;
    }
    const indent = indentOf(line);
    const f = fenceOpen(line);
    const nested = f !== null && this.listish && indent >= 2;
    const topFence = f !== null && indent <= 3 && !nested;
    if (this.hasContent && (topFence || (this.blank && !this.continues(line, indent)))) this.close();
    if (!this.hasContent) this.indentedCode = indent >= 4;
    this.open += full;
    this.hasContent = true;
    this.blank = false;
    if (f && (topFence || nested)) this.fence = { char: f.char, size: f.size, top: topFence };
    if (topFence && f) this.fenceInfo = { lang: f.lang, headLength: this.open.length };
    if (isListItem(line)) this.listish = true;
  }

  /** After a blank line: does this line still belong to the open block? */
  private continues(line: string, indent: number): boolean {
    if (this.listish && (isListItem(line) || indent >= 2)) return true;
    return this.indentedCode && indent >= 4;
  }

  private close(): void {
    if (this.hasContent) this.done.push({ text: this.open, fence: this.fenceInfo });
    this.open = '';
    this.hasContent = false;
    this.blank = false;
    this.listish = false;
    this.indentedCode = false;
    this.fence = null;
    this.fenceInfo = null;
  }
}

/** All blocks of a complete text. */
export function splitBlocks(text: string): Block[] {
  const s = new BlockSplitter();
  s.push(text);
  s.finish();
  return s.drain();
}
