/** Turning a page selection into what the model is asked: cut to a limit, quoted, templated. */
import { cachedFormat, t, tn } from '../i18n';

export const DEFAULT_SELECTION_LIMIT = 8_000;

export interface Selection {
  text: string;
  /** Characters in the original selection, before cutting. */
  originalLength: number;
  truncated: boolean;
  pageTitle: string;
  pageUrl: string;
}

/** Cuts at `limit` characters (code points: never half an emoji), trimming surrounding space. */
export function takeSelection(raw: string, limit: number, pageTitle = '', pageUrl = ''): Selection {
  const text = raw.trim();
  const chars = Array.from(text);
  const truncated = chars.length > limit;
  return { text: truncated ? chars.slice(0, limit).join('') : text, originalLength: chars.length, truncated, pageTitle, pageUrl };
}

/** A user-visible note for a cut selection, or null. */
export function truncationNote(s: Selection): string | null {
  if (!s.truncated) return null;
  return tn('prompt_selection_cut', s.originalLength, Array.from(s.text).length);
}

/** Fills every {selection} in a template; a template without one gets the selection appended. */
export function fillTemplate(template: string, selection: string): string {
  return template.includes('{selection}') ? template.split('{selection}').join(selection) : `${template}\n\n${selection}`;
}

/** The selection as a markdown quote with its source, for the model and for the stored message. */
export function quoteSelection(s: Selection): string {
  const quoted = s.text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const source = s.pageTitle || s.pageUrl ? `From "${s.pageTitle || s.pageUrl}"${s.pageUrl ? ` (${s.pageUrl})` : ''}:\n` : '';
  return `${source}${quoted}`;
}

/** The browser UI language's English name, e.g. "de" → "German": what the model is asked for. */
export function languageName(uiLanguage: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(uiLanguage) ?? uiLanguage;
  } catch {
    return uiLanguage || 'English';
  }
}

/** The same language named in the messages' language, for the menu the user reads ("Deutsch"). */
function shownLanguageName(uiLanguage: string): string {
  try {
    return cachedFormat('language-names', (l) => new Intl.DisplayNames(l, { type: 'language' })).of(uiLanguage) ?? uiLanguage;
  } catch {
    return languageName(uiLanguage);
  }
}

export interface QuickAction {
  id: string;
  title: string;
  template: string;
}

/**
 * Built-in actions that send at once; `uiLanguage` picks the translation target. Titles are the
 * user's to read; the templates are the model's, so they stay English.
 */
export function builtInActions(uiLanguage: string): QuickAction[] {
  const lang = languageName(uiLanguage);
  return [
    { id: 'explain', title: t('prompt_explain'), template: 'Explain the following text in simple terms:\n\n{selection}' },
    { id: 'summarize', title: t('prompt_summarize'), template: 'Summarize the following text in a few bullet points:\n\n{selection}' },
    {
      id: 'translate',
      title: t('prompt_translate', shownLanguageName(uiLanguage)),
      template: `Translate the following text into ${lang}. Reply with the translation only.\n\n{selection}`,
    },
  ];
}
