import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { ASSUMED_DEFAULT_CONTEXT, contextBudget, fitText } from '../../../lib/attachments/budget';
import { estimateTokens } from '../../../lib/attachments/tokens';
import type { TextAttachment } from '../../../lib/attachments/types';
import { installI18n } from '../../support/i18n';

const pdf = (pages: number, wordsPerPage: number): TextAttachment => ({
  kind: 'pdf',
  title: 'paper.pdf',
  text: Array.from({ length: pages }, (_, i) => `[Page ${i + 1}]\n${'word '.repeat(wordsPerPage).trim()}`).join('\n\n'),
});

describe('contextBudget', () => {
  it("uses the setting, capped at the model's maximum, and leaves room for the reply and what else is sent", () => {
    expect(contextBudget(8192, undefined, 0)).toEqual({ context: 8192, assumed: false, forAttachments: 8192 - 2048 });
    expect(contextBudget(65536, 32768, 1000)).toEqual({ context: 32768, assumed: false, forAttachments: 32768 - 8192 - 1000 });
    // A small window still keeps 256 tokens for the reply.
    expect(contextBudget(512, undefined, 0).forAttachments).toBe(256);
    expect(contextBudget(512, undefined, 10_000).forAttachments).toBe(0);
  });

  it("assumes Ollama's default when no Context length is set, and says it assumed", () => {
    expect(contextBudget(undefined, 131072, 0)).toEqual({ context: ASSUMED_DEFAULT_CONTEXT, assumed: true, forAttachments: 3072 });
    // Never more than the model itself holds.
    expect(contextBudget(undefined, 2048, 0).context).toBe(2048);
  });
});

describe('fitText', () => {
  const budget = contextBudget(4096, undefined, 0);

  it('leaves what fits untouched', () => {
    const a = pdf(3, 10);
    expect(fitText(a, 1000, budget)).toBe(a);
  });

  it('keeps whole pages from the start and says which, of how many, and why', () => {
    const a = pdf(40, 245); // ≈ 307 tokens a page
    const fitted = fitText(a, 3000, budget);
    expect(fitted.text.startsWith('[Page 1]\n')).toBe(true);
    expect(fitted.text).toContain('[Page 9]');
    expect(fitted.text).not.toContain('[Page 10]');
    expect(estimateTokens(fitted.text)).toBeLessThanOrEqual(3000);
    expect(fitted.note).toBe(
      `Kept pages 1–9 of 40 (≈${estimateTokens(fitted.text).toLocaleString('en-US')} of ${estimateTokens(a.text).toLocaleString('en-US')} tokens, estimate) to fit Context length 4,096; raise it in Settings.`,
    );
    expect(fitted.title).toBe(a.title);
  });

  it('cuts text without pages at paragraphs, and names the assumed default when nothing is set', () => {
    const a: TextAttachment = {
      kind: 'page',
      title: 'Post',
      url: 'https://example.com/',
      text: ['alpha '.repeat(100), 'beta '.repeat(100), 'gamma '.repeat(100)].join('\n\n'),
    };
    const fitted = fitText(a, 300, contextBudget(undefined, undefined, 0));
    expect(fitted.text).toContain('beta');
    expect(fitted.text).not.toContain('gamma');
    expect(fitted.note).toMatch(
      /^Kept the first 2 of 3 paragraphs \(≈\d+ of 426 tokens, estimate\) to fit Ollama's usual default context of 4,096 tokens; set Context length in Settings\.$/,
    );
  });

  it('keeps the start of the first piece when even that does not fit, cut at a word', () => {
    const fitted = fitText(pdf(2, 1000), 100, budget);
    expect(fitted.text.startsWith('[Page 1]\nword word')).toBe(true);
    expect(fitted.text.endsWith('word')).toBe(true);
    expect(estimateTokens(fitted.text)).toBeLessThanOrEqual(100);
    expect(fitted.note).toMatch(/^Kept the start of page 1 \(≈\d+ of 2,505 tokens, estimate\)/);
  });

  it('says so when nothing at all fits', () => {
    const fitted = fitText(pdf(1, 50), 0, budget);
    expect(fitted.text).toBe('');
    expect(fitted.note).toMatch(/^Kept nothing \(≈0 of \d+ tokens, estimate\)/);
  });
});

describe('the cut note in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('comes from the catalog as a whole sentence, numbers written the German way', () => {
    installI18n(fakeBrowser, 'de');
    const a = pdf(40, 245);
    const fitted = fitText(a, 3000, contextBudget(4096, undefined, 0));
    const n = (x: number) => x.toLocaleString('de');
    expect(fitted.note).toBe(
      `Die Kontextlänge beträgt 4.096; behalten: Seiten 1–9 von 40 (≈${n(estimateTokens(fitted.text))} von ${n(estimateTokens(a.text))} Token, geschätzt). Erhöhen Sie sie in den Einstellungen.`,
    );
  });
});
