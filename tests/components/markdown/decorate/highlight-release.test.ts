import hljs from 'highlight.js/lib/core';
import { describe, expect, it } from 'vitest';
import { highlightToHtml, releaseGrammars } from '../../../../components/markdown/decorate/highlight';

const compiled = (name: string) => (hljs.getLanguage(name) as { isCompiled?: boolean } | undefined)?.isCompiled === true;

describe('releaseGrammars', () => {
  it('drops compiled grammars and highlights the same afterwards', () => {
    const code = 'const answer: number = 42; // why\nfunction f() { return "s"; }';
    const first = highlightToHtml(code, 'typescript');
    expect(compiled('typescript')).toBe(true);
    releaseGrammars();
    expect(compiled('typescript')).toBe(false);
    expect(hljs.getLanguage('ts')).toBeDefined();
    expect(highlightToHtml(code, 'typescript')).toBe(first);
    expect(highlightToHtml(code, 'ts')).toBe(first);
  });

  it('leaves grammars never used alone', () => {
    const rust = hljs.getLanguage('rust');
    releaseGrammars();
    expect(hljs.getLanguage('rust')).toBe(rust);
  });
});
