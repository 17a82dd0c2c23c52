import { describe, expect, it } from 'vitest';
import { pageHandoff } from '../../../lib/background/page-menu';
import type { PageExtract } from '../../../lib/page/extract';
import { BACKGROUND_GUARDS } from '../../../lib/protocol-guards';

const article: PageExtract = { title: 'Llamas', url: 'https://ex.org/llamas', markdown: '# Llamas\n\nThey hum.', source: 'readability' };

describe('"Ask Ollama about this page"', () => {
  it('reads the clicked tab into a page attachment', async () => {
    const seen: number[] = [];
    const h = await pageHandoff(
      async (id) => {
        seen.push(id);
        return article;
      },
      { id: 5, url: 'https://ex.org/llamas', title: 'Llamas – Ex' },
    );
    expect(seen).toEqual([5]);
    expect(h).toMatchObject({ kind: 'page', attachment: { kind: 'page', title: 'Llamas', url: 'https://ex.org/llamas', text: '# Llamas\n\nThey hum.' } });
    expect(h.refusal).toBeUndefined();
  });

  it('hands over the reason for a page it cannot read, without trying', async () => {
    const h = await pageHandoff(
      async () => {
        throw new Error('must not be called');
      },
      { id: 5, url: 'chrome://settings' },
    );
    expect(h.attachment).toBeUndefined();
    expect(h.refusal).toMatch(/browser page/);
  });

  it('passes the Port guard both ways it can come, and a damaged one does not', async () => {
    const ok = await pageHandoff(async () => article, { id: 1 });
    const refused = await pageHandoff(async () => article, { id: 1, url: 'about:config' });
    const guard = BACKGROUND_GUARDS['selection/items'];
    expect(guard({ type: 'selection/items', items: [ok, refused] })).toBe(true);
    expect(guard({ type: 'selection/items', items: [{ ...ok, attachment: { kind: 'page', title: 1 } }] } as never)).toBe(false);
    expect(guard({ type: 'selection/items', items: [{ ...ok, refusal: 42 }] } as never)).toBe(false);
  });
});
