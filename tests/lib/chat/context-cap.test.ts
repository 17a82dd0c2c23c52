import { describe, expect, it } from 'vitest';
import { capContext } from '../../../lib/chat/context-cap';
import type { ChatRequest } from '../../../lib/chat/request';

const asking = (num_ctx?: number): ChatRequest => ({
  messages: [{ role: 'user', content: 'q' }],
  options: { temperature: 0.3, ...(num_ctx === undefined ? {} : { num_ctx }) },
  keepAlive: '5m',
});

describe('capContext', () => {
  it('a Context length above the model’s maximum is sent as the maximum, and the cap is told', () => {
    expect(capContext(asking(32768), 8192)).toEqual({
      request: { ...asking(8192), options: { temperature: 0.3, num_ctx: 8192 } },
      cap: { numCtxAsked: 32768, numCtxCappedTo: 8192 },
    });
  });

  it('sends the setting unchanged when the maximum is unknown, not exceeded, or nothing is set', () => {
    expect(capContext(asking(32768), undefined)).toEqual({ request: asking(32768), cap: null });
    expect(capContext(asking(8192), 8192)).toEqual({ request: asking(8192), cap: null });
    expect(capContext(asking(4096), 8192)).toEqual({ request: asking(4096), cap: null });
    expect(capContext(asking(), 8192)).toEqual({ request: asking(), cap: null });
    expect(capContext({ messages: [] }, 8192)).toEqual({ request: { messages: [] }, cap: null });
  });
});
