import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installI18n } from '../../support/i18n';
import { createPdfModel, type PdfDeps } from '../../../components/state/pdf';
import type { Attachment } from '../../../lib/attachments/types';

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 50 && !cond(); i++) await new Promise((r) => setTimeout(r, 0));
};

function setup(over: Partial<PdfDeps> = {}) {
  const added: Attachment[] = [];
  const deps: PdfDeps = {
    attachments: {
      add: (a) => {
        added.push(a);
        return 'k';
      },
    },
    read: vi.fn(async (_b: ArrayBuffer, title: string, url?: string) => ({ kind: 'pdf' as const, title, ...(url ? { url } : {}), text: '[Page 1]\nhi' })),
    activeTabUrl: vi.fn(async () => 'https://example.com/docs/paper.pdf'),
    request: vi.fn(async () => true),
    fetchBytes: vi.fn(async () => new ArrayBuffer(8)),
    ...over,
  };
  return { model: createPdfModel(deps), deps, added };
}

const file = (name: string, type: string) => new File(['%PDF-1.4'], name, { type });

describe('PDF tools', () => {
  it('reads the PDFs among picked or dropped files and leaves the others', async () => {
    const t = setup();
    expect(t.model.attachFiles([file('cat.png', 'image/png')])).toBe(false);
    expect(t.model.attachFiles([file('a.pdf', 'application/pdf'), file('cat.png', 'image/png'), file('B.PDF', '')])).toBe(true);
    await until(() => t.added.length === 2);
    expect(t.added.map((a) => a.title)).toEqual(['a.pdf', 'B.PDF']);
    expect(t.model.busy.value).toBeNull();
  });

  it('shows why a PDF could not be read, and adds nothing', async () => {
    const t = setup({ read: async () => Promise.reject(new Error('"x.pdf" is protected by a password')) });
    t.model.attachFiles([file('x.pdf', 'application/pdf')]);
    await until(() => t.model.error.value !== null);
    expect(t.model.error.value).toBe('"x.pdf" is protected by a password');
    expect(t.added).toEqual([]);
    t.model.dismiss();
    expect(t.model.error.value).toBeNull();
  });

  it("reads the tab's PDF after asking for its site only, in the click itself", async () => {
    const t = setup();
    await t.model.lookAtTab();
    expect(t.model.tabPdf.value).toBe('https://example.com/docs/paper.pdf');
    const reading = t.model.readTab();
    // Asked before any await: a permission asked later is refused by both browsers.
    expect(t.deps.request).toHaveBeenCalledWith(['https://example.com/*']);
    await reading;
    expect(t.deps.fetchBytes).toHaveBeenCalledWith('https://example.com/docs/paper.pdf');
    expect(t.added).toEqual([{ kind: 'pdf', title: 'paper.pdf', url: 'https://example.com/docs/paper.pdf', text: '[Page 1]\nhi' }]);
  });

  it('asks for no permission for a PDF on this machine (already granted for Ollama)', async () => {
    const t = setup({ activeTabUrl: async () => 'http://127.0.0.1:8080/a.pdf' });
    await t.model.lookAtTab();
    await t.model.readTab();
    expect(t.deps.request).not.toHaveBeenCalled();
    expect(t.added).toHaveLength(1);
  });

  it('asks for access to websites when the address is hidden, then reads it', async () => {
    const urls = [undefined, 'https://example.com/p.pdf'];
    const t = setup({ activeTabUrl: async () => urls.shift() });
    await t.model.lookAtTab();
    const reading = t.model.readTab();
    expect(t.deps.request).toHaveBeenCalledWith(['http://*/*', 'https://*/*']);
    await reading;
    expect(t.added).toHaveLength(1);
  });

  it('does not read a tab that changed to another site while access was asked', async () => {
    const urls = ['https://example.com/p.pdf', 'https://other.example/q.pdf'];
    const t = setup({ activeTabUrl: async () => urls.shift() });
    await t.model.lookAtTab();
    await t.model.readTab();
    expect(t.model.error.value).toBe('The tab changed while access was asked; click Read PDF tab again.');
    expect(t.deps.fetchBytes).not.toHaveBeenCalled();
  });

  it('says what is wrong with a tab it cannot read, and adds nothing', async () => {
    const cases: [Partial<PdfDeps>, RegExp][] = [
      [{ activeTabUrl: async () => 'https://example.com/' }, /does not show a PDF/],
      [{ activeTabUrl: async () => 'file:///home/me/a.pdf' }, /local file .* use Attach PDF/],
      [{ request: async () => false }, /^Permission to read example.com was not granted/],
      [{ activeTabUrl: async () => undefined, request: async () => false }, /allow access to websites/],
      [{ request: async () => Promise.reject(new Error('not in a user gesture')) }, /^Permission to read example.com was not granted/],
      [{ fetchBytes: async () => Promise.reject(new Error('example.com answered 404 when asked for the PDF.')) }, /answered 404/],
    ];
    for (const [over, message] of cases) {
      const t = setup(over);
      await t.model.lookAtTab();
      await t.model.readTab();
      expect(t.model.error.value).toMatch(message);
      expect(t.added).toEqual([]);
    }
  });
});

describe('in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('says in German why the tab cannot be read', async () => {
    installI18n(fakeBrowser, 'de');
    const t = setup({ request: async () => false });
    await t.model.lookAtTab();
    await t.model.readTab();
    expect(t.model.error.value).toBe('Die Berechtigung zum Lesen von example.com wurde nicht erteilt; oder verwenden Sie „PDF anhängen“.');
  });
});
