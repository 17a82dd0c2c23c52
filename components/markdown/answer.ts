/**
 * Connects one assistant message to its markdown view. Data goes one way, left to right:
 *
 *   chunk ─append─> message.text (StreamText, ../state/stream-text.ts)
 *         ─unread─> a frame is requested (frame.ts: at most one render per animation frame)
 *         ─take───> ThinkStream (split/think.ts): `<think>` text to `thinking`, the rest is answer
 *         ─update─> MarkdownStreamView (stream-view.ts): BlockSplitter (split/blocks.ts) cuts the
 *                   answer into blocks; a closed block is rendered once, the growing one as it grows
 *         ─render─> render.ts, per block: parse (parse/) → sanitize (sanitize/) → decorate
 *                   (decorate/; code colors load with the first finished code block) → DOM
 *
 * A chunk only marks the text unread; the work runs once per animation frame over everything that
 * arrived since the last frame, and synchronously when the message stops streaming, so the final
 * DOM is in place before the message shows as done.
 */
import { effect, signal } from '@preact/signals';
import type { ChatMessage } from '../state/message';
import { type StreamReader, StreamText } from '../state/stream-text';
import { releaseHighlighter } from './decorate/decorate';
import { type FrameScheduler, frameScheduler } from './frame';
import { renewMarkedPatterns } from './parse/patterns';
import { ThinkStream, type ThinkDelta } from './split/think';
import { MarkdownStreamView } from './stream-view';

let releaseQueued = false;
/**
 * What parsing and highlighting compiled can go (bench 5a, 5b): marked's rules alone hold over
 * 1 MB of machine code once they ran. Stored replies mount in one go (a conversation opened, or
 * "Show earlier"), so they release once, after the last of them, not once each.
 */
function releaseCompiledAfterThisBatch(): void {
  if (releaseQueued) return;
  releaseQueued = true;
  queueMicrotask(() => {
    releaseQueued = false;
    renewMarkedPatterns();
    releaseHighlighter();
  });
}

export class AnswerController {
  /** Reasoning found in the content as `<think>…</think>`. */
  readonly thinking = new StreamText();
  /** The answer proper has begun (the Thinking section folds away). */
  readonly answerStarted = signal(false);
  private readonly source: StreamReader;
  private readonly think = new ThinkStream();
  /** Answer text split off but not rendered yet (before mounting, or since the last frame). */
  private unrendered: string[] = [];
  private view: MarkdownStreamView | null = null;
  private ended = false;
  private mounted = false;

  constructor(
    private readonly message: ChatMessage,
    private readonly schedule: (run: () => void) => FrameScheduler = frameScheduler,
  ) {
    this.source = message.text.reader();
    // A stored or resumed reply knows at once whether its answer has started.
    this.split();
  }

  /** Renders into `root` from now on (once per controller); returns the cleanup. */
  mount(root: HTMLElement): () => void {
    if (this.mounted) throw new Error('an AnswerController renders into one element only');
    this.mounted = true;
    root.replaceChildren();
    this.view = new MarkdownStreamView(root);
    // A finished reply never changes again (a retry makes a new message): one render, and no
    // effect or frame scheduler kept per message, which a 1,000-message conversation would pay for.
    if (this.message.status.peek() !== 'streaming') {
      this.end();
      releaseCompiledAfterThisBatch();
      return () => {};
    }
    const frame = this.schedule(() => this.render());
    const stopStatus = effect(() => {
      if (this.message.status.value === 'streaming') return;
      frame.cancel();
      this.end();
      // The reply is final: what parsing and highlighting it compiled can go.
      releaseCompiledAfterThisBatch();
    });
    const stopText = effect(() => {
      if (this.source.unread && !this.ended) frame.request();
    });
    // What is already there shows now, not a frame later.
    if (!this.ended) this.render();
    return () => {
      stopStatus();
      stopText();
      frame.cancel();
    };
  }

  /** Runs the text that arrived since the last call through the think splitter. */
  private split(): void {
    for (const piece of this.source.take()) this.route(this.think.push(piece));
  }

  private route(d: ThinkDelta): void {
    if (d.thinking) this.thinking.append(d.thinking);
    if (!d.answer) return;
    this.unrendered.push(d.answer);
    this.answerStarted.value = true;
  }

  private takeUnrendered(): string {
    const text = this.unrendered.join('');
    this.unrendered = [];
    return text;
  }

  private render(): void {
    this.split();
    this.view?.update(this.takeUnrendered());
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.split();
    this.route(this.think.finish());
    this.view?.end(this.takeUnrendered());
    // Its DOM is final: the block splitter's state is no longer needed.
    this.view = null;
  }
}
