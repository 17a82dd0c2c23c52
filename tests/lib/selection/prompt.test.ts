import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { builtInActions, fillTemplate, languageName, quoteSelection, takeSelection, truncationNote } from '../../../lib/selection/prompt';
import { installI18n } from '../../support/i18n';

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

describe('selection prompts in French', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('the cut note and the titles come from the catalog, numbers written the French way', () => {
    installI18n(fakeBrowser, 'fr');
    expect(truncationNote(takeSelection('x'.repeat(12_345), 8000))).toBe(
      'Sélection réduite à 8\u202f000 caractères sur 12\u202f345 (limite dans les paramètres).',
    );
    expect(builtInActions('de').map((a) => a.title)).toEqual(['Expliquer', 'Résumer', 'Traduire en allemand']);
  });
});
