import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { type StreamReader, StreamText } from '../../../components/state/stream-text';

/** Everything the reader has not taken yet, as one string. */
const takeAll = (r: StreamReader) => r.take().join('');

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
    const early = t.reader();
    for (const p of pieces.slice(0, 2)) t.append(p);
    expect(takeAll(early)).toBe('Hello');
    t.append(', ');
    const mid = t.reader();
    expect(takeAll(mid)).toBe('Hello, ');
    for (const p of pieces.slice(3)) t.append(p);
    const caughtUp = t.reader();
    expect(takeAll(caughtUp)).toBe('Hello, world');
    t.seal();
    expect(t.value).toBe('Hello, world');
    expect(t.pieceCount).toBe(5);
    // Readers that stopped mid-way, one that starts now, one that is caught up.
    expect(takeAll(mid)).toBe('world');
    expect(takeAll(early)).toBe(', world');
    expect(takeAll(t.reader())).toBe('Hello, world');
    expect(caughtUp.take()).toEqual([]);
  });

  it('a piece after sealing is still kept, never dropped', () => {
    const t = new StreamText();
    t.append('one ');
    const second = t.reader();
    expect(takeAll(second)).toBe('one ');
    t.append('two');
    const r = t.reader();
    r.take();
    t.seal();
    t.append(' three');
    expect(t.value).toBe('one two three');
    expect(takeAll(r)).toBe(' three');
    expect(takeAll(second)).toBe('two three');
  });

  it('each reader keeps its own place: what one takes, another still gets', () => {
    const t = new StreamText('a');
    const one = t.reader();
    const two = t.reader();
    expect(takeAll(one)).toBe('a');
    t.append('b');
    expect(takeAll(one)).toBe('b');
    expect(takeAll(two)).toBe('ab');
    expect(one.take()).toEqual([]);
  });

  it('`unread` says whether there is text to take, and an effect reading it runs on every append', () => {
    const t = new StreamText();
    const r = t.reader();
    const seen: boolean[] = [];
    const stop = effect(() => {
      seen.push(r.unread);
    });
    t.append('x');
    t.append('');
    t.append('y');
    expect(seen).toEqual([false, true, true]);
    r.take();
    expect(r.unread).toBe(false);
    t.append('z');
    expect(seen).toEqual([false, true, true, true]);
    stop();
    t.append('!');
    expect(seen).toHaveLength(4);
  });
});
