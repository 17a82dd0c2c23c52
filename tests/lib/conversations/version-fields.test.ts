// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConversations, parseConversationsJson } from '../../../lib/conversations/validate';

const conv = (messages: unknown[]) => ({
  id: 'conv-1-aaaaaaaaa',
  title: 'q',
  model: 'm',
  messages,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
});
const q = { role: 'user', content: 'q', timestamp: 't' };
const a = { role: 'assistant', content: 'a', timestamp: 't' };

const read = (messages: unknown[]) => {
  const r = parseConversations([conv(messages)]);
  if (!r.ok) throw new Error(r.error);
  return r.conversations[0]?.messages;
};

describe('version fields on read and import', () => {
  it('an older export (no version fields) imports unchanged', () => {
    const text = readFileSync(resolve('tests/lib/conversations/fixtures/original-app-dump.json'), 'utf8');
    const r = parseConversationsJson(text);
    expect(r.ok && r.conversations).toEqual(JSON.parse(text));
    expect(JSON.stringify(r)).not.toContain('versions');
  });

  it('well-formed versions are kept as they are, nested branches included', () => {
    const branch = { content: 'old q', timestamp: 't', rest: [{ ...a, versions: [{ content: 'b', timestamp: 't', status: 'stopped' }], version: 0 }] };
    const messages = [
      { ...q, versions: [branch] },
      { ...a, versions: [{ content: 'a0', timestamp: 't', stats: { model: 'm', evalCount: 2 } }], version: 0 },
    ];
    expect(read(messages)).toEqual(messages);
  });

  it.each([
    ['not a list', 'x'],
    ['an empty list', []],
    ['entries of the wrong shape', [null, 3, { content: 1, timestamp: 't' }, { content: 'x' }]],
  ])('versions that are %s are dropped; the message stays', (_, versions) => {
    expect(read([{ ...q, versions, version: 0 }, a])).toEqual([q, a]);
  });

  it('a malformed entry is dropped, the others kept; bad optional fields inside are dropped too', () => {
    const got = read([
      q,
      { ...a, versions: [{ content: 'ok', timestamp: 't', status: 'weird', thinking: 4, stats: { model: 'm', evalCount: -1 } }, 'junk'], version: 0 },
    ]);
    expect(got).toEqual([q, { ...a, versions: [{ content: 'ok', timestamp: 't' }], version: 0 }]);
  });

  it('a position outside the versions is dropped (the shown one counts as newest)', () => {
    for (const version of [-1, 1.5, 2, '0']) {
      expect(read([q, { ...a, versions: [{ content: 'b', timestamp: 't' }], version }])).toEqual([q, { ...a, versions: [{ content: 'b', timestamp: 't' }] }]);
    }
  });

  it('a branch is cut at its first damaged message; what came before in it is kept', () => {
    const rest = [a, { role: 'system', content: 'x', timestamp: 't' }, q];
    expect(read([{ ...q, versions: [{ content: 'old', timestamp: 't', rest }] }])).toEqual([
      { ...q, versions: [{ content: 'old', timestamp: 't', rest: [a] }] },
    ]);
  });

  it('hostile nesting does not recurse without end', () => {
    let v: Record<string, unknown> = { content: 'deep', timestamp: 't' };
    for (let i = 0; i < 5000; i++) v = { content: 'v', timestamp: 't', versions: [v] };
    const got = read([{ ...q, versions: [v] }]);
    expect(got?.[0]?.content).toBe('q');
  });

  it('attachments are kept when well formed, dropped one by one when damaged, in versions too', () => {
    const page = { kind: 'page', title: 'Llamas', url: 'https://example.test/', text: 'They hum.' };
    const m = read([{ ...q, attachments: [page, { kind: 'page' }], versions: [{ content: 'old', timestamp: 't', attachments: [page, 7] }] }])?.[0];
    expect(m?.attachments).toEqual([page]);
    expect(m?.versions?.[0]?.attachments).toEqual([page]);
    const n = read([{ ...q, attachments: [{ kind: 'image', title: 'x' }] }])?.[0];
    expect(n && 'attachments' in n).toBe(false);
  });
});
