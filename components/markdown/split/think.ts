/**
 * Reasoning models without a separate thinking channel put their reasoning in the content as
 * `<think>…</think>`: usually leading, sometimes again at the start of a later line. ThinkStream
 * moves it out as the text streams. It carries the little line state needed to decide at a line
 * start (indentation, the answer's open code fence) and holds back only a line's indentation and a
 * partial tag, so each chunk costs O(its length) and every chunking gives the same split.
 */

const OPEN = '<think>';
const CLOSE = '</think>';

export interface ThinkDelta {
  thinking: string;
  answer: string;
}

export interface ThinkSplit extends ThinkDelta {
  /** Inside a `<think>` that has not been closed yet. */
  thinkingOpen: boolean;
}

/** At a line start (`line`), in a `<think>` there (`tag`), in a possible fence's run of backticks
 * or tildes (`run`), in the decided rest of an answer line (`rest`), inside a block (`think`). */
type Mode = 'line' | 'tag' | 'run' | 'rest' | 'think';

/** Length of the longest suffix of `s` that is a proper prefix of `tag`. */
function partialTagAtEnd(s: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, s.length); n > 0; n--) {
    if (s.endsWith(tag.slice(0, n))) return n;
  }
  return 0;
}

export class ThinkStream {
  private mode: Mode = 'line';
  /** Blank text before the reply's first line is kept unless a `<think>` follows; after a
   * `</think>` it is dropped, and the answer goes on as a new paragraph. */
  private lead: 'start' | 'gap' | null = 'start';
  private held = '';
  private matched = 0;
  private indent = 0;
  private run = '';
  /** The answer's open code fence (e.g. "````"): a `<think>` inside it is code. */
  private fence = '';
  private candidate: 'open' | 'close' | null = null;
  private lineBlank = true;
  private prevBlank = true;
  private thought = false;
  private thinkSep = false;
  private out: ThinkDelta = { thinking: '', answer: '' };

  get thinkingOpen(): boolean {
    return this.mode === 'think';
  }

  push(piece: string): ThinkDelta {
    this.out = { thinking: '', answer: '' };
    for (let i = 0; i < piece.length; ) i = this.step(piece, i);
    return this.out;
  }

  /** The text is complete: whatever was held back is what it is. */
  finish(): ThinkDelta {
    this.out = { thinking: '', answer: '' };
    if (this.mode === 'think') this.think(this.held);
    else if (this.mode === 'tag' || this.lead !== 'gap') this.flush();
    this.held = '';
    this.lead = null;
    this.mode = 'rest';
    return this.out;
  }

  /** Takes `text` from `i` on, as far as the current mode goes; returns where it stopped. */
  private step(text: string, i: number): number {
    const c = text.charAt(i);
    switch (this.mode) {
      case 'think':
        return this.inThink(text, i);
      case 'rest':
        return this.restOfLine(text, i);
      case 'tag':
        if (c !== OPEN.charAt(this.matched)) return this.decide('rest', i);
        this.held += c;
        if (++this.matched < OPEN.length) return i + 1;
        this.held = '';
        this.thinkSep = this.thought;
        this.mode = 'think';
        return i + 1;
      case 'run':
        if (!this.run || c === this.run.charAt(0)) {
          this.emit(c);
          this.run += c;
          return i + 1;
        }
        if (this.fence) this.candidate = this.run.startsWith(this.fence) ? 'close' : null;
        else this.candidate = this.run.length >= 3 ? 'open' : null;
        this.mode = 'rest';
        return i;
    }
    if (c === '\n') {
      if (this.lead === 'start') this.held += c;
      else if (this.lead === 'gap') this.held = '';
      else this.endLine();
      this.indent = 0;
      return i + 1;
    }
    if (c === ' ' || c === '\t' || (this.lead && /\s/.test(c))) {
      this.indent += c === '\t' ? 4 - (this.indent % 4) : 1;
      this.held += c;
      if (this.fence) this.flush(); // nothing inside a fence can become a tag
      return i + 1;
    }
    if (c === '<' && !this.fence) {
      this.matched = 0;
      this.mode = 'tag';
      return i;
    }
    this.run = '';
    return this.decide((c === '`' || c === '~') && this.indent <= 3 ? 'run' : 'rest', i);
  }

  private decide(mode: Mode, i: number): number {
    this.flush();
    this.mode = mode;
    return i;
  }

  private inThink(text: string, i: number): number {
    const s = this.held + text.slice(i);
    const end = s.indexOf(CLOSE);
    if (end < 0) {
      const keep = partialTagAtEnd(s, CLOSE);
      this.think(s.slice(0, s.length - keep));
      this.held = s.slice(s.length - keep);
      return text.length;
    }
    this.think(s.slice(0, end));
    const next = i + end + CLOSE.length - this.held.length;
    this.held = '';
    this.lead = 'gap';
    this.mode = 'line';
    this.indent = 0;
    return next;
  }

  private restOfLine(text: string, i: number): number {
    const nl = text.indexOf('\n', i);
    const seg = text.slice(i, nl < 0 ? text.length : nl);
    if (this.candidate === 'close' && /\S/.test(seg)) this.candidate = null;
    // CommonMark: a backtick fence's info string may not contain a backtick.
    if (this.candidate === 'open' && this.run.startsWith('`') && seg.includes('`')) this.candidate = null;
    this.emit(seg);
    if (nl < 0) return text.length;
    this.endLine();
    return nl + 1;
  }

  private endLine(): void {
    this.emit(`${this.held}\n`);
    this.held = '';
    if (this.candidate) this.fence = this.candidate === 'open' ? this.run : '';
    this.candidate = null;
    this.indent = 0;
    this.prevBlank = this.lineBlank;
    this.lineBlank = true;
    this.mode = 'line';
  }

  /** Gives out the held line start, after a blank line if a block has just split a paragraph. */
  private flush(): void {
    if (this.lead === 'gap' && !this.prevBlank) this.emit('\n');
    this.emit(this.held);
    this.held = '';
    this.lead = null;
  }

  private emit(s: string): void {
    this.out.answer += s;
    if (this.lineBlank && /\S/.test(s)) this.lineBlank = false;
  }

  private think(s: string): void {
    if (!s) return;
    this.out.thinking += (this.thinkSep ? '\n\n' : '') + s;
    this.thinkSep = false;
    this.thought = true;
  }
}

/** Splits a reply (complete when `done`, else the text so far) into reasoning and answer. */
export function splitThink(text: string, done = false): ThinkSplit {
  const s = new ThinkStream();
  const a = s.push(text);
  const b = done ? s.finish() : { thinking: '', answer: '' };
  return { thinking: a.thinking + b.thinking, answer: a.answer + b.answer, thinkingOpen: s.thinkingOpen };
}
