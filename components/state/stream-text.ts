/**
 * Text that grows by chunks. Data goes one way: the chat model appends, and each renderer reads
 * through its own `reader()`, which takes everything appended since its last take, at the
 * renderer's own pace (the markdown view takes once per animation frame, however many chunks came).
 * Appending is O(1): the pieces are kept and joined only when the whole string is asked for.
 */
import { type ReadonlySignal, signal } from '@preact/signals';

/** One renderer's position in a StreamText. */
export interface StreamReader {
  /**
   * Text was appended since the last `take`. Reactive: an effect that reads it runs again on every
   * append, so a renderer can ask for a frame there and take the text when the frame comes.
   */
  readonly unread: boolean;
  /** Everything appended since the last take, as one or more strings; [] when nothing was. */
  take(): readonly string[];
}

export class StreamText {
  private parts: string[] = [];
  /** End offset of each piece, kept once `parts` are folded into one string (seal). */
  private ends: Uint32Array | null = null;
  private count = 0;
  private joined: string | null = '';
  private readonly rev = signal(0);

  constructor(initial = '') {
    if (initial) this.append(initial);
  }

  /** Bumped on every append. Renderers read through `reader()`; this is for views that only ask
   * whether there is text at all (the Thinking section). */
  get revision(): ReadonlySignal<number> {
    return this.rev;
  }

  /** How many non-empty chunks were appended: 0 while there is no text. */
  get pieceCount(): number {
    return this.count;
  }

  /** A new reader, at the start of the text: its first `take` returns all there is. */
  reader(): StreamReader {
    let at = 0;
    const rev = this.rev;
    const count = () => this.count;
    return {
      get unread() {
        rev.value; // subscribes the reading effect to appends
        return at < count();
      },
      take: () => {
        const pieces = this.piecesFrom(at);
        at = this.count;
        return pieces;
      },
    };
  }

  /** The text after the first `from` pieces, as one or more strings. */
  private piecesFrom(from: number): readonly string[] {
    if (from >= this.count) return [];
    if (!this.ends) return this.parts.slice(from);
    return [this.value.slice(from === 0 ? 0 : this.ends[from - 1])];
  }

  append(piece: string): void {
    if (!piece) return;
    if (this.ends) {
      // Not expected once sealed, but text is never dropped: the folded form just grows.
      const ends = new Uint32Array(this.count + 1);
      ends.set(this.ends);
      ends[this.count] = this.value.length + piece.length;
      this.ends = ends;
      this.parts = [this.value + piece];
    } else {
      this.parts.push(piece);
    }
    this.count++;
    this.joined = null;
    this.rev.value++;
  }

  /**
   * The text is final: its pieces (one per token, 20,000 small strings for a long reply) fold
   * into one string, keeping only where each ended.
   */
  seal(): void {
    if (this.ends || this.count < 2) return;
    const ends = new Uint32Array(this.count);
    let at = 0;
    this.parts.forEach((p, i) => {
      at += p.length;
      ends[i] = at;
    });
    this.parts = [this.value];
    this.ends = ends;
  }

  get value(): string {
    if (this.joined === null) {
      this.joined = this.parts.join('');
    }
    return this.joined;
  }
}
