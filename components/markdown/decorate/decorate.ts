/**
 * Our own chrome around sanitized model output: code blocks get a language label and a Copy
 * button (and colors once finished), code and tables scroll in keyboard-focusable boxes, images
 * become click-to-load placeholders. Everything added here is built by us after sanitizing, so
 * model output can never forge these controls (buttons are not on its allow list).
 */
import type * as Highlighter from './highlight';
import { t } from '../../../lib/i18n';
import { CODE_CLASS } from '../sanitize/policy';
import { IMAGE_SRC_ATTR, sanitizeHighlight } from '../sanitize/sanitize';

export const COPY_CODE_CLASS = 'md-copy';
export const LOAD_IMAGE_CLASS = 'md-image';

function button(doc: Document, cls: string, text: string, label?: string): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.className = cls;
  b.textContent = text;
  if (label) b.setAttribute('aria-label', label);
  return b;
}

/**
 * A region that scrolls sideways (a long code line, a wide table) must be reachable by keyboard
 * to be scrolled at all (axe: scrollable-region-focusable); the name says what it is. A group,
 * not a region: a landmark per block would bury the panel's own.
 */
function focusableScroller(el: Element, name: string): void {
  el.setAttribute('tabindex', '0');
  el.setAttribute('role', 'group');
  el.setAttribute('aria-label', name);
}

const codeName = (lang: string) => (lang ? t('decorate_code_named', lang) : t('decorate_code'));

/** Wide tables scroll inside a wrapper, so the table itself keeps its table layout and semantics. */
function tableScroller(table: Element): void {
  const box = table.ownerDocument.createElement('div');
  box.className = 'md-table';
  focusableScroller(box, t('decorate_table'));
  table.before(box);
  box.append(table);
}

export function languageOf(code: Element): string {
  const cls = code.getAttribute('class') ?? '';
  return CODE_CLASS.test(cls) ? cls.slice('language-'.length) : '';
}

/** The frame around a code block (label, Copy); the <pre> goes after them. */
function codeShell(doc: Document, lang: string): HTMLElement {
  const box = doc.createElement('div');
  box.className = 'md-code';
  const bar = doc.createElement('div');
  bar.className = 'md-code-bar';
  const label = doc.createElement('span');
  label.className = 'md-code-lang';
  label.textContent = lang || t('decorate_plain_text');
  bar.append(label, button(doc, COPY_CODE_CLASS, t('decorate_copy'), t('decorate_copy_code')));
  box.append(bar);
  return box;
}

/** An empty code block for a fence that is still streaming: text is appended to its <code>. */
export function openCodeBlock(doc: Document, lang: string): { box: HTMLElement; code: HTMLElement } {
  const pre = doc.createElement('pre');
  const code = doc.createElement('code');
  if (lang && CODE_CLASS.test(`language-${lang}`)) code.className = `language-${lang}`;
  pre.append(code);
  focusableScroller(pre, codeName(languageOf(code)));
  const box = codeShell(doc, languageOf(code));
  box.append(pre);
  return { box, code };
}

// highlight.js and its grammars are a third of the panel's code: loaded with the first finished
// code block, not with the panel (issue 6: bundle ≤ 60 KB gzipped).
let highlighter: typeof Highlighter | null = null;
let loading: Promise<typeof Highlighter> | null = null;

/** Loads the highlighter now (tests, or a caller that knows code is coming). */
export function loadHighlighter(): Promise<typeof Highlighter> {
  loading ??= import('./highlight').then((m) => {
    highlighter = m;
    return m;
  });
  return loading;
}

function paint(code: Element, h: typeof Highlighter): void {
  const html = h.highlightToHtml(code.textContent ?? '', languageOf(code));
  const spans = html === null ? null : sanitizeHighlight(html);
  if (!spans) return;
  code.replaceChildren(spans);
  code.classList.add('hljs');
}

function highlight(code: Element): void {
  if (!languageOf(code)) return;
  if (highlighter) {
    paint(code, highlighter);
    return;
  }
  const text = code.textContent;
  // Colors arrive a moment later; a block replaced or changed meanwhile is left alone.
  void loadHighlighter().then((h) => {
    if (code.textContent === text) paint(code, h);
  });
}

function loadLabel(src: string): string {
  try {
    return t('decorate_load_image', new URL(src).host);
  } catch {
    return t('decorate_load_image_web');
  }
}

function imagePlaceholder(img: Element): void {
  const doc = img.ownerDocument;
  const src = img.getAttribute(IMAGE_SRC_ATTR);
  const alt = img.getAttribute('alt') ?? '';
  if (!src) {
    img.replaceWith(alt);
    return;
  }
  const b = button(doc, LOAD_IMAGE_CLASS, loadLabel(src));
  b.setAttribute(IMAGE_SRC_ATTR, src);
  if (alt) b.title = alt;
  img.replaceWith(b);
}

/** Adds our chrome to a sanitized fragment; `finished` blocks also get syntax colors. */
export function decorate(frag: DocumentFragment, finished: boolean): DocumentFragment {
  for (const img of frag.querySelectorAll('img')) imagePlaceholder(img);
  for (const table of frag.querySelectorAll('table')) tableScroller(table);
  for (const pre of frag.querySelectorAll('pre')) {
    const code = pre.querySelector('code');
    const lang = code ? languageOf(code) : '';
    focusableScroller(pre, codeName(lang));
    const shell = codeShell(pre.ownerDocument, lang);
    pre.before(shell);
    shell.append(pre);
    if (finished && code) highlight(code);
  }
  return frag;
}

/** After a reply: the grammars it compiled are let go (highlight.ts releaseGrammars). */
export function releaseHighlighter(): void {
  highlighter?.releaseGrammars();
}
