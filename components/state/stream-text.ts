/**
 * Text that grows by chunks. Appending is O(1): the pieces are kept and joined only when the
 * whole string is asked for, and `revision` tells renderers that new pieces are there, so a
 * renderer can append just the new ones instead of re-setting the whole text per token.
 */
import { type ReadonlySignal, signal } from '@preact/signals';

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

  /** Bumped on every append; subscribe to re-render. */
  get revision(): ReadonlySignal<number> {
    return this.rev;
  }

  get pieceCount(): number {
    return this.count;
  }

  /**
   * The text after the first `from` pieces, for incremental renderers, as one or more strings.
   * Callers then hold `pieceCount` as their position, not `from` plus the strings' count.
   */
  piecesFrom(from: number): readonly string[] {
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
