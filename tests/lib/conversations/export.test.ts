// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../lib/conversations/contract';
import { exportFileName, toJsonExport, toMarkdown } from '../../../lib/conversations/export';
import { parseConversations, parseConversationsJson } from '../../../lib/conversations/validate';
import { assistant, conv, ORIGINAL_DUMP, user } from './helpers';

describe('toJsonExport', () => {
  const list = [
    conv('old', '2026-01-01T00:00:00Z'),
    conv('new', '2026-01-09T00:00:00Z', { messages: [user('q'), assistant('part', { status: 'stopped', thinking: 't' })] }),
    { ...conv('extra', '2026-01-05T00:00:00Z'), pinned: true } as Conversation,
  ];

  it('round-trips through parseConversations to an equal list, newest first, extras kept', () => {
    const text = toJsonExport(list);
    const r = parseConversations(JSON.parse(text));
    if (!r.ok) throw new Error(r.error);
    expect(r.conversations.map((c) => c.id)).toEqual(['new', 'extra', 'old']);
    expect(r.conversations).toEqual([list[1], list[2], list[0]]);
    expect(r.conversations[1]).toMatchObject({ pinned: true });
  });

  it('keeps a conversation’s system prompt through export and import', () => {
    const withSystem = { ...conv('sys', '2026-01-02T00:00:00Z'), system: 'Be brief.' };
    const r = parseConversationsJson(toJsonExport([withSystem]));
    expect(r.ok && r.conversations).toEqual([withSystem]);
  });

  it('keeps what was attached to a question (page, PDF, selection, image) through export and import', () => {
    const attachments = [
      { kind: 'page' as const, title: 'Llamas', url: 'https://example.test/llamas', text: '# Llamas\n\nThey hum.', note: 'Kept 1 of 2 sections.' },
      { kind: 'pdf' as const, title: 'paper.pdf', text: '[Page 1]\nAbstract' },
      { kind: 'selection' as const, title: 'Llamas', text: 'They hum.' },
      { kind: 'image' as const, title: 'a.png', mime: 'image/png', width: 2, height: 2, data: 'AAAA' },
    ];
    const withPage = { ...conv('att', '2026-01-03T00:00:00Z'), messages: [{ ...user('q'), attachments }, assistant('a')] };
    const r = parseConversationsJson(toJsonExport([withPage]));
    expect(r.ok && r.conversations).toEqual([withPage]);
    expect(toMarkdown(withPage)).toContain('_Attached page: Llamas (https://example.test/llamas)_');
    expect(toMarkdown(withPage)).toContain('_Attached PDF: paper.pdf_');
  });

  it('is pretty-printed', () => {
    expect(toJsonExport([conv('a', '2026-01-01T00:00:00Z')])).toMatch(/^\[\n {2}\{\n {4}"id": "a",/);
  });

  it('re-exports the original app dump unchanged in content', () => {
    const parsed = parseConversationsJson(ORIGINAL_DUMP);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(JSON.parse(toJsonExport(parsed.conversations))).toEqual(JSON.parse(ORIGINAL_DUMP));
  });
});

describe('toMarkdown', () => {
  const chat = conv('a', '2026-01-02T00:00:00Z', {
    title: 'Boiling eggs',
    model: 'llama3.2:latest',
    created_at: '2026-01-01T10:00:00.000Z',
    messages: [user('How long?'), assistant('About **7 minutes**.'), user('And soft?'), assistant('Around', { status: 'interrupted' })],
  });

  it('renders title, model, date and each message under a heading', () => {
    expect(toMarkdown(chat)).toBe(
      [
        '# Boiling eggs',
        '',
        '_Model: llama3.2:latest · 2026-01-01_',
        '',
        '### You',
        '',
        'How long?',
        '',
        '### Assistant',
        '',
        'About **7 minutes**.',
        '',
        '### You',
        '',
        'And soft?',
        '',
        '### Assistant',
        '',
        'Around',
        '',
        '_(Interrupted: this reply is incomplete.)_',
        '',
      ].join('\n'),
    );
  });

  it('marks stopped replies, even empty ones', () => {
    const md = toMarkdown({ ...chat, messages: [user('q'), assistant('', { status: 'stopped' })] });
    expect(md).toContain('### Assistant\n\n_(Stopped: the reply was stopped before it finished.)_\n');
  });

  it('folds thinking into a <details> block before the answer', () => {
    const md = toMarkdown({ ...chat, messages: [assistant('42', { thinking: 'Let me think.' })] });
    expect(md).toContain('### Assistant\n\n<details>\n<summary>Thinking</summary>\n\nLet me think.\n\n</details>\n\n42\n');
  });

  it('closes a code fence left open by a cut-off reply', () => {
    const md = toMarkdown({ ...chat, messages: [assistant('```python\nprint(1)', { status: 'interrupted' }), user('next')] });
    expect(md).toContain('```python\nprint(1)\n```\n\n_(Interrupted');
    const fences = md.split('\n').filter((l) => l.startsWith('```'));
    expect(fences).toHaveLength(2);
  });

  it('leaves balanced fences alone', () => {
    const content = '````md\n```\ninner\n```\n````';
    expect(toMarkdown({ ...chat, messages: [assistant(content)] })).toContain(`${content}\n`);
    expect(toMarkdown({ ...chat, messages: [assistant(content)] })).not.toContain(`${content}\n\`\`\``);
  });

  it('keeps the heading on one line and escapes formatting characters', () => {
    const md = toMarkdown({ ...chat, title: 'line one\nline *two*', model: 'my_model:latest' });
    expect(md.startsWith('# line one line \\*two\\*\n\n_Model: my\\_model:latest · 2026-01-01_\n')).toBe(true);
  });

  it('uses "Untitled Conversation" for a blank title and shows an unparseable date as is', () => {
    const md = toMarkdown({ ...chat, title: ' ', created_at: 'yesterday' });
    expect(md.startsWith('# Untitled Conversation\n\n_Model: llama3.2:latest · yesterday_')).toBe(true);
  });
});

describe('exportFileName', () => {
  const now = new Date(2026, 10, 25, 23, 30); // local time: the user's calendar day
  const named = (title: string) => exportFileName('one', conv('a', '2026-01-01T00:00:00Z', { title }), now);

  it('dates the full backup with the local day', () => {
    expect(exportFileName('all', undefined, now)).toBe('ollama-chat-2026-11-25.json');
    expect(exportFileName('one', undefined, now)).toBe('ollama-chat-2026-11-25.md');
  });

  it('slugs the title of one conversation', () => {
    expect(named('How do I boil an egg?')).toBe('ollama-chat-how-do-i-boil-an-egg.md');
    expect(named('  a/b\\c:d*e?f"g<h>i|j  ')).toBe('ollama-chat-a-b-c-d-e-f-g-h-i-j.md');
    expect(named('Café résumé 東京 🍜')).toBe('ollama-chat-café-résumé-東京.md');
  });

  it('caps the slug at 60 chars without a trailing dash', () => {
    const name = named(`${'word '.repeat(30)}end`);
    const slug = name.replace(/^ollama-chat-/, '').replace(/\.md$/, '');
    expect(Array.from(slug).length).toBeLessThanOrEqual(60);
    expect(slug).toBe('word-'.repeat(12).slice(0, 59));
  });

  it('falls back to "untitled" when nothing usable is left', () => {
    expect(named('🍜🍣 ... !!!')).toBe('ollama-chat-untitled.md');
  });

  it('produces only filesystem-safe characters', () => {
    const name = named('<script>alert("x")</script> ../../etc/passwd\u0000\n');
    expect(name).toMatch(/^ollama-chat-[\p{L}\p{M}\p{N}-]+\.md$/u);
    expect(name).toBe('ollama-chat-script-alert-x-script-etc-passwd.md');
  });
});
