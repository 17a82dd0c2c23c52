/**
 * highlight.js core with a fixed set of common languages, registered statically so the bundle
 * holds only these (the full build is ~10x larger). Unknown languages stay plain text: no
 * auto-detection, which would run every grammar over every block.
 */
import hljs from 'highlight.js/lib/core';
import theme from './highlight-theme.css?inline';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

// The token colors come with the highlighter: a constructed sheet, so the panel's own CSS stays
// small and no <style> element is needed (the extension CSP allows none).
if (typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in document) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(theme);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

const LANGUAGES = { bash, c, cpp, css, diff, go, java, javascript, json, markdown, python, rust, shell, sql, typescript, xml, yaml };
for (const [name, lang] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, lang);

export function isHighlightable(lang: string): boolean {
  return lang !== '' && hljs.getLanguage(lang) !== undefined;
}

/** HTML of `<span class="hljs-…">` around escaped code, or null for an unknown language. */
export function highlightToHtml(code: string, lang: string): string | null {
  if (!isHighlightable(lang)) return null;
  return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
}

/**
 * Drops the compiled form of every grammar used so far: highlight.js keeps each language's
 * compiled modes (hundreds of RegExps, and V8 keeps their machine code) for the page's life,
 * about 0.7 MB after a long reply with code (bench 5a, bench/heap-snapshot.mjs). Registering the
 * definition again gives an uncompiled language that compiles on its next use, in milliseconds.
 */
export function releaseGrammars(): void {
  for (const [name, lang] of Object.entries(LANGUAGES)) {
    const compiled = (hljs.getLanguage(name) as { isCompiled?: boolean } | undefined)?.isCompiled;
    if (!compiled) continue;
    hljs.unregisterLanguage(name);
    hljs.registerLanguage(name, lang);
  }
}
