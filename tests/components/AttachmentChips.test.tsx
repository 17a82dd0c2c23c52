import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentView, sizeLabel } from '../../components/AttachmentChips';
import { installI18n } from '../support/i18n';

describe('sizeLabel', () => {
  it('says tokens are an estimate, against the context length when fitted to one', () => {
    const a = { kind: 'pdf' as const, title: 'a.pdf', text: 'x'.repeat(4000) };
    expect(sizeLabel(a)).toBe(`≈${(1000).toLocaleString()} tokens (estimate)`);
    expect(sizeLabel(a, 4096)).toBe(`≈${(1000).toLocaleString()} tokens (estimate) of ${(4096).toLocaleString()}`);
    expect(sizeLabel({ kind: 'image', title: 'i', mime: 'image/png', width: 3, height: 2, data: 'AAAA' }, 4096)).toBe('3×2');
  });

  it('a single token is counted in the singular', () => {
    expect(sizeLabel({ kind: 'pdf', title: 'a.pdf', text: 'xxxx' })).toBe('≈1 token (estimate)');
  });
});

describe('an attachment chip in German', () => {
  afterEach(() => {
    cleanup();
    installI18n(fakeBrowser);
  });

  it('takes its texts from the German catalog and writes numbers the German way', () => {
    installI18n(fakeBrowser, 'de');
    const a = { kind: 'pdf' as const, title: 'a.pdf', text: 'x'.repeat(4000) };
    expect(sizeLabel(a, 4096)).toBe('≈1.000 Token (geschätzt) von 4.096');
    render(<AttachmentView attachment={{ kind: 'selection', title: '', text: 'quoted' }} onRemove={() => {}} />);
    expect(screen.getByText('Auswahl', { selector: '.context-kind' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Auswahl entfernen' }).textContent).toBe('Entfernen');
  });
});
