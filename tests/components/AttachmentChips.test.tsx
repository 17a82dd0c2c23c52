import { describe, expect, it } from 'vitest';
import { sizeLabel } from '../../components/AttachmentChips';

describe('sizeLabel', () => {
  it('says tokens are an estimate, against the context length when fitted to one', () => {
    const a = { kind: 'pdf' as const, title: 'a.pdf', text: 'x'.repeat(4000) };
    expect(sizeLabel(a)).toBe(`≈${(1000).toLocaleString()} tokens (estimate)`);
    expect(sizeLabel(a, 4096)).toBe(`≈${(1000).toLocaleString()} tokens (estimate) of ${(4096).toLocaleString()}`);
    expect(sizeLabel({ kind: 'image', title: 'i', mime: 'image/png', width: 3, height: 2, data: 'AAAA' }, 4096)).toBe('3×2');
  });
});
