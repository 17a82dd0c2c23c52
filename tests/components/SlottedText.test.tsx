import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SlottedText, slot } from '../../components/SlottedText';

describe('SlottedText', () => {
  it('puts each element where the translation puts its slot, even when a language swaps them', () => {
    const parts = [<code key="a">doctor</code>, <code key="b">uninstall</code>];
    const { container } = render(<SlottedText text={`Entfernen: ${slot(1)}. Prüfen: ${slot(0)}.`} parts={parts} />);
    expect(container.innerHTML).toBe('Entfernen: <code>uninstall</code>. Prüfen: <code>doctor</code>.');
  });
});
