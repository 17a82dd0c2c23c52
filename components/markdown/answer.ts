/**
 * Connects one assistant message to its markdown view. Chunks only bump a signal; the work
 * (think-tag split, block split, DOM) runs once per animation frame over everything that
 * arrived since the last frame, and synchronously when the message stops streaming, so the
 * final DOM is in place before the message shows as done.
 */
import { effect, signal } from '@preact/signals';
import { renewMarkedPatterns } from './parse/patterns';
import { ThinkStream, type ThinkDelta } from './split/think';
import type { ChatMessage } from '../state/message';
import { StreamText } from '../state/stream-text';
import { releaseHighlighter } from './decorate/decorate';
import { type FrameScheduler, frameScheduler } from './frame';
import { MarkdownStreamView } from './stream-view';

export class AnswerController {
  /** Reasoning found in the content as `<think>…</think>`. */
  readonly thinking = new StreamText();
  /** The answer proper has begun (the Thinking section folds away). */
  readonly answerStarted = signal(false);
  private readonly think = new ThinkStream();
  private consumed = 0;
  private pending: string[] = [];
  private view: MarkdownStreamView | null = null;
  private ended = false;
  private mounted = false;

  constructor(
    private readonly message: ChatMessage,
    private readonly schedule: (run: () => void) => FrameScheduler = frameScheduler,
  ) {
    // A stored or resumed reply knows at once whether its answer has started.
    this.pull();
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
      return () => {};
    }
    const frame = this.schedule(() => this.render());
    const stopStatus = effect(() => {
      if (this.message.status.value === 'streaming') return;
      frame.cancel();
      this.end();
      // The reply is final: what parsing and highlighting it compiled can go (bench 5a).
      renewMarkedPatterns();
      releaseHighlighter();
    });
    const stopText = effect(() => {
      this.message.text.revision.value;
      if (!this.ended && this.message.text.pieceCount !== this.consumed) frame.request();
    });
    // What is already there shows now, not a frame later.
    if (!this.ended) this.render();
    return () => {
      stopStatus();
      stopText();
      frame.cancel();
    };
  }

  private pull(): void {
    const text = this.message.text;
    if (text.pieceCount === this.consumed) return;
    const pieces = text.piecesFrom(this.consumed);
    this.consumed = text.pieceCount;
    for (const piece of pieces) this.take(this.think.push(piece));
  }

  private take(d: ThinkDelta): void {
    if (d.thinking) this.thinking.append(d.thinking);
    if (!d.answer) return;
    this.pending.push(d.answer);
    this.answerStarted.value = true;
  }

  private drainPending(): string {
    const text = this.pending.join('');
    this.pending = [];
    return text;
  }

  private render(): void {
    this.pull();
    this.view?.update(this.drainPending());
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.pull();
    this.take(this.think.finish());
    this.view?.end(this.drainPending());
    // Its DOM is final: the block splitter's state is no longer needed.
    this.view = null;
  }
}
