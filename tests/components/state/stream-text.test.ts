import { describe, expect, it } from 'vitest';
import { StreamText } from '../../../components/state/stream-text';

/** How an incremental renderer reads: everything after its position, then the new position. */
function reader(t: StreamText) {
  let at = 0;
  return () => {
    const s = t.piecesFrom(at).join('');
    at = t.pieceCount;
    return s;
  };
}

describe('StreamText', () => {
  it('appends pieces, joins once, and bumps its revision per piece', () => {
    const t = new StreamText('a');
    t.append('b');
    t.append('');
    t.append('c');
    expect(t.value).toBe('abc');
    expect(t.pieceCount).toBe(3);
    expect(t.revision.value).toBe(3);
  });

  it('sealed, keeps its text and what every reader has yet to read', () => {
    const t = new StreamText();
    const pieces = ['Hel', 'lo', ', ', 'wor', 'ld'];
    const early = reader(t);
    for (const p of pieces.slice(0, 2)) t.append(p);
    expect(early()).toBe('Hello');
    for (const p of pieces.slice(2)) t.append(p);
    const behind = t.piecesFrom(3).join('');
    t.seal();
    expect(t.value).toBe('Hello, world');
    expect(t.pieceCount).toBe(5);
    // A reader that stopped mid-way, one that starts now, one that is caught up.
    expect(t.piecesFrom(3).join('')).toBe(behind);
    expect(early()).toBe(', world');
    expect(reader(t)()).toBe('Hello, world');
    expect(t.piecesFrom(5)).toEqual([]);
  });

  it('a piece after sealing is still kept, never dropped', () => {
    const t = new StreamText();
    t.append('one ');
    t.append('two');
    const r = reader(t);
    r();
    t.seal();
    t.append(' three');
    expect(t.value).toBe('one two three');
    expect(r()).toBe(' three');
    expect(t.piecesFrom(1).join('')).toBe('two three');
  });
});
