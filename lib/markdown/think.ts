/**
 * Reasoning models without a separate thinking channel put their reasoning in the content as a
 * leading `<think>…</think>`. ThinkStream moves it out as the text streams, holding back only the
 * few characters that might still turn into a tag, so each chunk costs O(its length).
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

type State = 'start' | 'thinking' | 'gap' | 'answer';

/** Length of the longest suffix of `s` that is a proper prefix of `tag`. */
function partialTagAtEnd(s: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, s.length); n > 0; n--) {
    if (s.endsWith(tag.slice(0, n))) return n;
  }
  return 0;
}

export class ThinkStream {
  private state: State = 'start';
  private held = '';

  get thinkingOpen(): boolean {
    return this.state === 'thinking';
  }

  push(piece: string): ThinkDelta {
    const out: ThinkDelta = { thinking: '', answer: '' };
    this.take(this.held + piece, out);
    return out;
  }

  /** The text is complete: whatever was held back is what it is. */
  finish(): ThinkDelta {
    const out: ThinkDelta = { thinking: '', answer: '' };
    if (this.state === 'start') out.answer = this.held;
    if (this.state === 'thinking') out.thinking = this.held;
    this.held = '';
    this.state = 'answer';
    return out;
  }

  private take(text: string, out: ThinkDelta): void {
    this.held = '';
    if (this.state === 'answer') {
      out.answer += text;
    } else if (this.state === 'start') {
      const lead = text.length - text.trimStart().length;
      const rest = text.slice(lead);
      if (rest.startsWith(OPEN)) {
        this.state = 'thinking';
        this.take(rest.slice(OPEN.length), out);
      } else if (OPEN.startsWith(rest)) {
        this.held = text; // only whitespace or a partial "<think" so far
      } else {
        this.state = 'answer';
        out.answer += text;
      }
    } else if (this.state === 'thinking') {
      const end = text.indexOf(CLOSE);
      if (end >= 0) {
        out.thinking += text.slice(0, end);
        this.state = 'gap';
        this.take(text.slice(end + CLOSE.length), out);
      } else {
        const keep = partialTagAtEnd(text, CLOSE);
        out.thinking += text.slice(0, text.length - keep);
        this.held = text.slice(text.length - keep);
      }
    } else {
      // Blank lines between </think> and the answer are dropped, but not the indentation of
      // the answer's first line (it may be an indented code block).
      const lead = text.length - text.trimStart().length;
      if (lead === text.length) {
        this.held = text;
        return;
      }
      this.state = 'answer';
      out.answer += text.slice(text.lastIndexOf('\n', lead) + 1);
    }
  }
}

/** Splits a reply (complete when `done`, else the text so far) into reasoning and answer. */
export function splitThink(text: string, done = false): ThinkSplit {
  const s = new ThinkStream();
  const a = s.push(text);
  const b = done ? s.finish() : { thinking: '', answer: '' };
  return { thinking: a.thinking + b.thinking, answer: a.answer + b.answer, thinkingOpen: s.thinkingOpen };
}
