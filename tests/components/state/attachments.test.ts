import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { type ContextBudget, contextBudget } from '../../../lib/attachments/budget';
import { estimateTokens } from '../../../lib/attachments/tokens';
import type { Attachment, TextAttachment } from '../../../lib/attachments/types';
import { createAttachments } from '../../../components/state/attachments';

const pdf = (title: string, pages: number): TextAttachment => ({
  kind: 'pdf',
  title,
  text: Array.from({ length: pages }, (_, i) => `[Page ${i + 1}]\n${'word '.repeat(200).trim()}`).join('\n\n'),
});
const image: Attachment = { kind: 'image', title: 'cat.png', mime: 'image/png', width: 2, height: 2, data: 'AAAA' };

describe('attachments fitted to the context budget', () => {
  it('cuts a text attachment that does not fit, with a note, and says the context length', () => {
    const budget = signal<ContextBudget>(contextBudget(1024, undefined, 0)); // 768 for attachments
    const m = createAttachments(budget);
    m.add(pdf('big.pdf', 10));
    const [c] = m.chips.value;
    expect(c?.attachment.kind === 'pdf' && estimateTokens(c.attachment.text)).toBeLessThanOrEqual(768);
    expect(c?.attachment.note).toMatch(/^Kept pages 1–\d of 10 \(.*\) to fit Context length 1,024; raise it in Settings\.$/);
    expect(m.context.value).toBe(1024);
  });

  it('shares the room in order: a later one gets what the earlier left, images are not cut', () => {
    const m = createAttachments(signal(contextBudget(2048, undefined, 0))); // 1536
    m.add(pdf('a.pdf', 5)); // ≈ 1,260: fits
    m.add(image);
    m.add(pdf('b.pdf', 5));
    const [a, img, b] = m.chips.value.map((c) => c.attachment);
    expect(a?.note).toBeUndefined();
    expect(img).toBe(image);
    expect(b?.note).toMatch(/^Kept page 1 of 5/);
  });

  it('fits again from the whole text when the budget grows, and sends what is shown', () => {
    const budget = signal(contextBudget(1024, undefined, 0));
    const m = createAttachments(budget);
    const whole = pdf('big.pdf', 10);
    m.add(whole);
    expect(m.chips.value[0]?.attachment.note).toBeDefined();
    budget.value = contextBudget(32768, undefined, 0);
    expect(m.chips.value[0]?.attachment).toBe(whole);
    budget.value = contextBudget(1024, undefined, 0);
    const shown = m.chips.value[0]?.attachment;
    expect(m.take()).toEqual([shown]);
    expect(m.chips.value).toEqual([]);
  });

  it('a refused request gives back the whole text, fitted again', () => {
    const budget = signal(contextBudget(1024, undefined, 0));
    const m = createAttachments(budget);
    const whole = pdf('big.pdf', 10);
    m.add(whole);
    const sent = m.take();
    expect(sent[0]).not.toBe(whole);
    m.restore(sent);
    expect(m.chips.value[0]?.attachment).toEqual(sent[0]);
    budget.value = contextBudget(32768, undefined, 0);
    expect(m.chips.value[0]?.attachment).toBe(whole);
  });

  it('without a budget keeps everything as given', () => {
    const m = createAttachments();
    const big = pdf('big.pdf', 100);
    m.add(big);
    expect(m.chips.value[0]?.attachment).toBe(big);
    expect(m.context.value).toBeNull();
  });
});
