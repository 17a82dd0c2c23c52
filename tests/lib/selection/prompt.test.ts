import { describe, expect, it } from 'vitest';
import { builtInActions, fillTemplate, languageName, quoteSelection, takeSelection, truncationNote } from '../../../lib/selection/prompt';

describe('selection prompts', () => {
  it('cuts long selections at the limit by characters, never inside an emoji, with a note', () => {
    const s = takeSelection(`  ${'a'.repeat(9)}🦙xyz  `, 10, 'T', 'https://e.x/');
    expect(s.text).toBe(`${'a'.repeat(9)}🦙`);
    expect(s).toMatchObject({ truncated: true, originalLength: 13, pageTitle: 'T', pageUrl: 'https://e.x/' });
    expect(truncationNote(s)).toBe('Selection cut to 10 of 13 characters (limit in Settings).');
    expect(truncationNote(takeSelection('short', 10))).toBeNull();
  });

  it('fills every {selection}, or appends when the template has none', () => {
    expect(fillTemplate('A {selection} B {selection}', 'x')).toBe('A x B x');
    expect(fillTemplate('Explain:', 'x')).toBe('Explain:\n\nx');
    // $-patterns in the selection are not special.
    expect(fillTemplate('{selection}', '$& $1')).toBe('$& $1');
  });

  it('quotes every line with its source', () => {
    expect(quoteSelection(takeSelection('one\ntwo', 100, 'Page', 'https://p/'))).toBe('From "Page" (https://p/):\n> one\n> two');
    expect(quoteSelection(takeSelection('x', 100))).toBe('> x');
  });

  it('translates into the browser UI language', () => {
    expect(languageName('de')).toBe('German');
    expect(builtInActions('fr-FR').map((a) => a.title)).toEqual(['Explain', 'Summarize', 'Translate into French (France)']);
  });
});
