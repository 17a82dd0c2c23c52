import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatNumber, t, tn, uiLocale } from '../../lib/i18n';
import { installI18n, readLocale, renderMessage } from '../support/i18n';

afterEach(() => installI18n(fakeBrowser));

describe('t', () => {
  it('answers in the browser language, and in English where that language has no message', () => {
    installI18n(fakeBrowser, 'de');
    expect(t('header_history')).toBe(readLocale('de').header_history?.message);
    expect(t('header_history')).not.toBe(readLocale('en').header_history?.message);
  });

  it('formats numbers for the language the messages are in', () => {
    installI18n(fakeBrowser, 'de');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    installI18n(fakeBrowser, 'fr');
    expect(formatNumber(1234.5)).toBe('1\u202f234,5');
    installI18n(fakeBrowser);
    expect(formatNumber(1234.5)).toBe('1,234.5');
  });
});

describe('uiLocale', () => {
  it('keeps the browser region when its language is the messages language', () => {
    installI18n(fakeBrowser);
    fakeBrowser.i18n.getUILanguage = () => 'en-GB';
    expect(uiLocale()).toBe('en-GB');
  });

  it('follows the messages when the browser reports another language (headless Chromium)', () => {
    installI18n(fakeBrowser, 'de');
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    expect(uiLocale()).toBe('de');
  });
});

describe('the test double renders messages the way the browsers do', () => {
  const entry = { message: 'Delete $MODEL$ ($1 left), $$5', placeholders: { model: { content: '$2' } } };
  it('fills named placeholders, bare $N and $$', () => {
    expect(renderMessage(entry, ['3', 'llama3'])).toBe('Delete llama3 (3 left), $5');
  });
});

describe('tn', () => {
  it('picks the plural form by the language rule (French counts 0 as one)', () => {
    const plural = (one: string, other: string) => ({ x_one: { message: one }, x_other: { message: other } });
    const messages: Record<string, Record<string, { message: string }>> = { en: plural('$1 file', '$1 files'), fr: plural('$1 fichier', '$1 fichiers') };
    let lang = 'en';
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
      key === 'locale_tag' ? lang : renderMessage(messages[lang]?.[key], [subs ?? []].flat())) as typeof fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getUILanguage = () => lang;
    // The key is made by tn from a base the English file does not have: cast for the test only.
    const count = (n: number) => tn('x' as Parameters<typeof tn>[0], n);
    expect([count(0), count(1), count(2)]).toEqual(['0 files', '1 file', '2 files']);
    lang = 'fr';
    expect([count(0), count(1), count(2)]).toEqual(['0 fichier', '1 fichier', '2 fichiers']);
  });
});
