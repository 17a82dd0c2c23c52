/**
 * Every text the user reads comes from here. browser.i18n picks the browser's UI language from
 * public/_locales/<lang>/messages.json and falls back to English (default_locale) per message.
 * Keys are typed from the English file, so a misspelt key fails `tsc`; tests/locales.test.ts
 * keeps the other languages complete.
 */
import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;
/** A counted message: its English file has `<base>_one` and `<base>_other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_one` ? Base : never) : never;
type Substitution = string | number;

/**
 * The language the messages are in (e.g. "de", "en-US"): what Intl formats dates and numbers
 * for, so a German text never shows an English date. Each messages.json names its language
 * (`locale_tag`), because the browser's UI language can differ from the one its messages came
 * from (headless Chromium reports en-US while showing German); the UI language adds its region
 * when the two agree (en-GB dates for a British browser).
 */
export function uiLocale(): string {
  const tag = browser.i18n.getMessage('locale_tag') || 'en';
  const ui = browser.i18n.getUILanguage() || tag;
  return ui.split('-')[0]?.toLowerCase() === tag.split('-')[0]?.toLowerCase() ? ui : tag;
}

/**
 * One Intl formatter per language and options, made on first use: building them costs far more
 * than formatting, and the language can change only with a browser restart (or in a test).
 */
export function cachedFormat<T>(kind: string, make: (locale: string) => T): T {
  const key = `${kind}|${uiLocale()}`;
  let made = formatters.get(key) as T | undefined;
  if (made === undefined) {
    made = make(uiLocale());
    formatters.set(key, made);
  }
  return made;
}
const formatters = new Map<string, unknown>();

/** A number the way the user's language writes it (1,234.5 / 1.234,5 / 1 234,5). */
export function formatNumber(n: number): string {
  return cachedFormat('number', (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 1 })).format(n);
}

// Numbers are written for the UI language; pass a string for what must stay as is (ids, ports).
const asText = (s: Substitution) => (typeof s === 'number' ? formatNumber(s) : s);

/** The message `key` in the UI language, with $1…$9 filled from `subs`. */
export function t(key: MessageKey, ...subs: Substitution[]): string {
  // A key no locale has would be a bug tests/locales.test.ts catches; show it rather than a blank.
  return browser.i18n.getMessage(key, subs.map(asText)) || key;
}

/**
 * A counted message: `<base>_one` or `<base>_other` by the UI language's plural rule, with the
 * count as $1 and `subs` as $2…. The languages we ship have only these two forms; Japanese and
 * Chinese use the same text for both.
 */
export function tn(base: PluralKey, count: number, ...subs: Substitution[]): string {
  const form = cachedFormat('plural', (l) => new Intl.PluralRules(l)).select(count) === 'one' ? 'one' : 'other';
  return t(`${base}_${form}` as MessageKey, count, ...subs);
}
