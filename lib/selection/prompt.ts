/** Turning a page selection into what the model is asked: cut to a limit, quoted, templated. */

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
  const n = (x: number) => x.toLocaleString('en-US');
  return `Selection cut to ${n(Array.from(s.text).length)} of ${n(s.originalLength)} characters (limit in Settings).`;
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

/** The browser UI language's English name, e.g. "de" → "German". */
export function languageName(uiLanguage: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(uiLanguage) ?? uiLanguage;
  } catch {
    return uiLanguage || 'English';
  }
}

export interface QuickAction {
  id: string;
  title: string;
  template: string;
}

/** Built-in actions that send at once; `uiLanguage` picks the translation target. */
export function builtInActions(uiLanguage: string): QuickAction[] {
  const lang = languageName(uiLanguage);
  return [
    { id: 'explain', title: 'Explain', template: 'Explain the following text in simple terms:\n\n{selection}' },
    { id: 'summarize', title: 'Summarize', template: 'Summarize the following text in a few bullet points:\n\n{selection}' },
    {
      id: 'translate',
      title: `Translate into ${lang}`,
      template: `Translate the following text into ${lang}. Reply with the translation only.\n\n{selection}`,
    },
  ];
}
