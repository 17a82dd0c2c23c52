// @vitest-environment node
// The real `ollama` npm client (what the extension builds on) against the simulator.
import { Ollama } from 'ollama';
import { describe, expect, it, vi } from 'vitest';
import { sim, user } from './helpers';
import { defaultReply } from './server.mjs';

const messages = user('Hi 🦙, 你好?');

async function collect(ollama: Ollama, model: string) {
  let text = '';
  let done = false;
  for await (const part of await ollama.chat({ model, messages, stream: true })) {
    text += part.message.content;
    done = part.done;
  }
  return { text, done };
}

describe('ollama npm client', () => {
  it('streams the full reply (through random chunk splits and garbage lines)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const s = await sim({ seed: 3, replyTokens: 50, faults: { garbageLines: true } });
      const ollama = new Ollama({ host: s.url });
      expect(await collect(ollama, 'llama3.2')).toEqual({ text: defaultReply(messages, 50), done: true });
      expect(warn).toHaveBeenCalled(); // the client skips the garbage lines, saying so
    } finally {
      warn.mockRestore();
    }
  });

  it('lists models and answers stream:false', async () => {
    const s = await sim();
    const ollama = new Ollama({ host: s.url });
    expect((await ollama.list()).models.map((m) => m.name)).toContain('qwen3:0.6b');
    const res = await ollama.chat({ model: 'qwen3:0.6b', messages });
    expect(res.message.content).toBe(defaultReply(messages, 30));
    expect(res.done_reason).toBe('stop');
  });

  it('throws a ResponseError with status_code 404 for an unknown model', async () => {
    const s = await sim();
    const err = await new Ollama({ host: s.url }).chat({ model: 'nope', messages, stream: true }).catch((e) => e);
    expect(err).toMatchObject({ name: 'ResponseError', status_code: 404, error: "model 'nope' not found" });
  });

  it('throws Error(message) for an error line mid-stream', async () => {
    const s = await sim({ faults: { errorAfterTokens: { n: 3, message: 'CUDA error: out of memory' } } });
    const err = await collect(new Ollama({ host: s.url }), 'llama3.2').catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('Error');
    expect(err.message).toBe('CUDA error: out of memory');
  });

  it('throws for a connection that dies mid-stream', async () => {
    const s = await sim({ faults: { dieAfterTokens: 2 } });
    await expect(collect(new Ollama({ host: s.url }), 'llama3.2')).rejects.toThrow();
  });
});
