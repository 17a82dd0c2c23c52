// @vitest-environment node
// Native-messaging framing: 4-byte little-endian length + UTF-8 JSON, however the bytes arrive.
import { describe, expect, it } from 'vitest';
import { encode, FrameDecoder, MAX_IN } from '../../native-host/framing.mjs';
import { frame } from './helpers';

const header = (n: number) => {
  const h = Buffer.alloc(4);
  h.writeUInt32LE(n, 0);
  return h;
};

describe('encode', () => {
  it('writes a little-endian length and UTF-8 JSON', () => {
    const bytes = encode({ ok: true, text: 'é🦙' });
    const body = Buffer.from('{"ok":true,"text":"é🦙"}', 'utf8');
    expect(bytes.readUInt32LE(0)).toBe(body.length);
    expect(bytes.subarray(0, 4)).toEqual(header(body.length));
    expect(bytes.subarray(4)).toEqual(body);
  });

  it('refuses replies over 1 MB', () => {
    expect(() => encode({ s: 'x'.repeat(MAX_IN) })).toThrow(RangeError);
  });
});

describe('FrameDecoder', () => {
  it('decodes a stream fed one byte at a time, multi-byte characters included', () => {
    const d = new FrameDecoder();
    const bytes = Buffer.concat([frame({ id: 1, verb: 'ping', t: 'ü🦙' }), frame({ id: 2 })]);
    const events = [];
    for (let i = 0; i < bytes.length; i++) events.push(...d.push(bytes.subarray(i, i + 1)));
    expect(events).toEqual([
      { type: 'message', value: { id: 1, verb: 'ping', t: 'ü🦙' } },
      { type: 'message', value: { id: 2 } },
    ]);
    expect(d.end()).toBeNull();
  });

  it('decodes several frames from one read, and a frame split across reads', () => {
    const d = new FrameDecoder();
    const bytes = Buffer.concat([frame({ a: 1 }), frame({ b: 2 }), frame({ c: 3 })]);
    const cut = bytes.length - 3;
    expect(d.push(bytes.subarray(0, cut)).map((e) => e.type === 'message' && e.value)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(d.push(bytes.subarray(cut))).toEqual([{ type: 'message', value: { c: 3 } }]);
  });

  it('reports a non-JSON body and stays in sync for the next frame', () => {
    const d = new FrameDecoder();
    const events = d.push(Buffer.concat([frame(Buffer.from('not json')), frame(Buffer.from([0xff, 0xfe])), frame(Buffer.alloc(0)), frame({ ok: 1 })]));
    expect(events.map((e) => e.type)).toEqual(['invalid', 'invalid', 'invalid', 'message']);
    expect(events[0]).toMatchObject({ error: expect.stringMatching(/^Invalid JSON: /) });
    expect(events[3]).toEqual({ type: 'message', value: { ok: 1 } });
  });

  it('accepts exactly 1 MB and rejects a longer (or garbage) length before reading the body', () => {
    const big = Buffer.from(JSON.stringify('x'.repeat(MAX_IN - 2)));
    expect(big.length).toBe(MAX_IN);
    expect(new FrameDecoder().push(frame(big))[0]?.type).toBe('message');

    const d = new FrameDecoder();
    expect(d.push(header(MAX_IN + 1))).toEqual([{ type: 'fatal', error: `Message too large: ${MAX_IN + 1} bytes (max ${MAX_IN})` }]);
    expect(d.push(frame({ after: true }))).toEqual([]); // nothing after a corrupt length is trusted
    expect(d.end()).toBeNull();
    expect(new FrameDecoder().push(Buffer.from('GET / HTTP/1.1\r\n'))[0]).toMatchObject({ type: 'fatal' });
  });

  it('reports a stream that ends inside a header or a body', () => {
    const inHeader = new FrameDecoder();
    inHeader.push(Buffer.from([5, 0]));
    expect(inHeader.end()).toEqual({ type: 'fatal', error: 'Truncated message: input ended after 2 of 4 header bytes' });
    const inBody = new FrameDecoder();
    inBody.push(frame({ verb: 'ping' }).subarray(0, 10));
    expect(inBody.end()).toEqual({ type: 'fatal', error: 'Truncated message: input ended after 6 of 15 body bytes' });
  });
});
