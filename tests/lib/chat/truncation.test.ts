import { describe, expect, it } from 'vitest';
import type { WireTurn } from '../../../lib/chat/request';
import { estimatePrompt, truncatedTo } from '../../../lib/chat/truncation';

const turns = (chars: number): WireTurn[] => [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'x'.repeat(chars) },
];

describe('truncatedTo', () => {
  it('estimates what was sent: about 4 characters a token plus a few per message', () => {
    expect(estimatePrompt(turns(4000))).toBe(3 + 4 + 1000 + 4);
  });

  it('reports the window when the prompt clearly exceeded num_ctx and Ollama read less', () => {
    expect(truncatedTo(turns(8000), 1024, 1024)).toBe(1024);
    // Ollama had dropped old messages to fit: it read less than the window; still cut.
    expect(truncatedTo(turns(8000), 1024, 700)).toBe(1024);
  });

  it('is quiet when the prompt fits, or only just passes the window (the estimate is rough)', () => {
    expect(truncatedTo(turns(2000), 1024, 510)).toBeNull();
    expect(truncatedTo(turns(4400), 1024, 1024)).toBeNull();
  });

  it('is quiet when Ollama read at least what was estimated: it saw it all', () => {
    expect(truncatedTo(turns(8000), 1024, 2100)).toBeNull();
  });

  it('is quiet without a count', () => {
    expect(truncatedTo(turns(80_000), 1024, undefined)).toBeNull();
    expect(truncatedTo(turns(80_000), 1024, 0)).toBeNull();
  });

  it("without num_ctx takes Ollama's default window that holds what it read", () => {
    expect(truncatedTo(turns(40_000), undefined, 4096)).toBe(4096);
    expect(truncatedTo(turns(400_000), undefined, 32_768)).toBe(32_768);
    // A cached later turn reports few tokens; a prompt within the default is not called cut.
    expect(truncatedTo(turns(12_000), undefined, 40)).toBeNull();
  });
});
