// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildChatRequest } from '../../../lib/chat/request';
import type { HistoryMessage } from '../../../lib/conversations/contract';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const at = '2026-01-01T00:00:00.000Z';
const history: HistoryMessage[] = [
  { role: 'user', content: 'hi', timestamp: at },
  { role: 'assistant', content: '', timestamp: at, status: 'interrupted' },
  { role: 'assistant', content: 'hello', timestamp: at, thinking: 'hmm' },
  { role: 'user', content: 'again', timestamp: at },
];
const turns = [
  { role: 'user', content: 'hi' },
  { role: 'assistant', content: 'hello' },
  { role: 'user', content: 'again' },
];

describe('buildChatRequest', () => {
  it('with nothing set: only role and content of non-empty turns, no options, no system message', () => {
    expect(buildChatRequest('m', history, undefined, DEFAULT_SETTINGS)).toEqual({ messages: turns });
  });

  it('sends the global system prompt first', () => {
    const r = buildChatRequest('m', history, undefined, { ...DEFAULT_SETTINGS, systemPrompt: 'Be brief.' });
    expect(r.messages).toEqual([{ role: 'system', content: 'Be brief.' }, ...turns]);
  });

  it('the conversation’s own prompt wins over the default; a blank one sends none', () => {
    const settings = { ...DEFAULT_SETTINGS, systemPrompt: 'Be brief.' };
    expect(buildChatRequest('m', history, 'Talk like a pirate.', settings).messages[0]).toEqual({ role: 'system', content: 'Talk like a pirate.' });
    expect(buildChatRequest('m', history, '  ', { ...DEFAULT_SETTINGS }).messages).toEqual(turns);
  });

  it('puts parameters in options and keep_alive apart, the model’s override field by field', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      parameters: { temperature: 0.8, top_p: 0.9, seed: 7, num_ctx: 4096, keep_alive: '-1' },
      modelParameters: { m: { temperature: 0.1, keep_alive: '10m' } },
    };
    expect(buildChatRequest('m', history, undefined, settings)).toEqual({
      messages: turns,
      options: { temperature: 0.1, top_p: 0.9, seed: 7, num_ctx: 4096 },
      keepAlive: '10m',
    });
    expect(buildChatRequest('other', history, undefined, settings)).toMatchObject({ options: { temperature: 0.8 }, keepAlive: '-1' });
  });

  it('turns attachments into the message: text before the question, images in `images`', () => {
    const withAttachments: HistoryMessage[] = [
      {
        role: 'user',
        content: 'What is it?',
        timestamp: at,
        attachments: [
          { kind: 'page', title: 'Llamas', url: 'https://example.test/', text: 'They hum.' },
          { kind: 'image', title: 'a.png', mime: 'image/png', width: 2, height: 2, data: 'AAAA' },
        ],
      },
      { role: 'user', content: '', timestamp: at, attachments: [{ kind: 'image', title: 'b.png', mime: 'image/png', width: 2, height: 2, data: 'BBBB' }] },
    ];
    expect(buildChatRequest('m', withAttachments, undefined, DEFAULT_SETTINGS).messages).toEqual([
      { role: 'user', content: '<<< Web page: "Llamas" (https://example.test/)\nThey hum.\n>>> End of web page\n\nWhat is it?', images: ['AAAA'] },
      { role: 'user', content: '', images: ['BBBB'] },
    ]);
  });
});
