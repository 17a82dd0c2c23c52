/**
 * browser.i18n for unit tests (WXT's fake browser leaves it unimplemented): the messages come from
 * public/_locales, rendered the way Chrome and Firefox do (named $PLACEHOLDERS$ whose content
 * refers to $1…$9, $N directly in the text, $$ for a dollar sign).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type LocaleMessages = Record<string, LocaleMessage>;

const ROOT = join(import.meta.dirname, '../..');
export const LOCALES_DIR = join(ROOT, 'public/_locales');

export function readLocale(lang: string): LocaleMessages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as LocaleMessages;
}

export function renderMessage(entry: LocaleMessage | undefined, subs: string[] = []): string {
  if (!entry) return '';
  // Chrome and Firefox match message names and placeholder names case-insensitively.
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const fill = (text: string): string =>
    text.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])/g, (whole, name: string | undefined, n: string | undefined) => {
      if (n) return subs[Number(n) - 1] ?? '';
      if (!name) return '$';
      const content = placeholders.get(name.toLowerCase());
      return content === undefined ? whole : fill(content);
    });
  return fill(entry.message);
}

/** Makes `target.i18n` answer from `lang`'s messages, falling back to English like the browsers. */
export function installI18n(target: { i18n: object }, lang = 'en'): void {
  const own = lang === 'en' ? {} : lowerKeys(readLocale(lang));
  const english = lowerKeys(readLocale('en'));
  Object.assign(target.i18n, {
    getMessage: (key: string, subs?: string | string[]) =>
      renderMessage(own[key.toLowerCase()] ?? english[key.toLowerCase()], subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]),
    getUILanguage: () => (lang === 'en' ? 'en-US' : lang.replace('_', '-')),
  });
}

const lowerKeys = (m: LocaleMessages): LocaleMessages => Object.fromEntries(Object.entries(m).map(([k, v]) => [k.toLowerCase(), v]));
