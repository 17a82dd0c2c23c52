/**
 * Text that grows by chunks. Appending is O(1): the pieces are kept and joined only when the
 * whole string is asked for, and `revision` tells renderers that new pieces are there, so a
 * renderer can append just the new ones instead of re-setting the whole text per token.
 */
import { type ReadonlySignal, signal } from '@preact/signals';

export class StreamText {
  private readonly parts: string[] = [];
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
    return this.parts.length;
  }

  /** Pieces from index `from` on, for incremental renderers. */
  piecesFrom(from: number): readonly string[] {
    return this.parts.slice(from);
  }

  append(piece: string): void {
    if (!piece) return;
    this.parts.push(piece);
    this.joined = null;
    this.rev.value++;
  }

  get value(): string {
    if (this.joined === null) {
      this.joined = this.parts.join('');
    }
    return this.joined;
  }
}
