import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfMessage, refusalFromError, restrictionOf } from '../../../lib/page/restricted';
import { installI18n } from '../../support/i18n';

describe('restrictionOf', () => {
  it.each([
    'chrome://version',
    'chrome-extension://abc/sidepanel.html',
    'edge://settings',
    'about:config',
    'about:blank',
    'moz-extension://x/y.html',
    'view-source:https://example.org/',
  ])('%s is a browser page', (url) => {
    expect(restrictionOf(url)).toMatch(/^This is a browser page \([a-z-]+:\/\/…\): browsers do not let extensions read it\.$/);
  });

  it.each(['https://chromewebstore.google.com/detail/x', 'https://chrome.google.com/webstore/category', 'https://addons.mozilla.org/en-US/firefox/'])(
    '%s is a store page',
    (url) => {
      expect(restrictionOf(url)).toBe('This is an extension store page: browsers do not let extensions read it.');
    },
  );

  it('hands PDFs to Attach PDF', () => {
    expect(restrictionOf('https://ex.org/paper.PDF')).toBe(pdfMessage());
  });

  it('lets ordinary pages (and Google pages that are not the store) be tried', () => {
    for (const url of ['https://en.wikipedia.org/wiki/Llama', 'http://127.0.0.1:8080/a', 'https://chrome.google.com/other', 'file:///home/a.html'])
      expect(restrictionOf(url)).toBeNull();
  });

  it('says an unparsable address cannot be read', () => {
    expect(restrictionOf('not a url')).toBe('This tab has no web address Ollama Chat can read.');
  });
});

describe('refusalFromError', () => {
  const none = { access: false, urlKnown: false };
  it('recognises the browsers’ refusals', () => {
    expect(refusalFromError('Cannot access a chrome:// URL', none)).toBe('This is a browser page: browsers do not let extensions read it.');
    expect(refusalFromError('The extensions gallery cannot be scripted.', none)).toMatch(/browser page/);
    expect(refusalFromError('Cannot access contents of url "file:///a.html". Extension manifest must request permission to access this host.', none)).toMatch(
      /Allow access to file URLs/,
    );
  });

  it('with access to all pages, a hidden address is a browser page (Firefox says only "missing host permission")', () => {
    expect(refusalFromError('Missing host permission for the tab', { access: true, urlKnown: false })).toMatch(/browser page/);
  });

  it('without host access, says how to give it; with it, shows the error', () => {
    expect(refusalFromError('Cannot access contents of the page.', none)).toMatch(/allow reading pages when the browser asks/);
    expect(refusalFromError('boom', { access: true, urlKnown: true })).toBe('This page could not be read (boom).');
  });
});

describe('in Japanese', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('the reasons come from the catalog, with the address and the error filled in', () => {
    installI18n(fakeBrowser, 'ja');
    expect(restrictionOf('about:config')).toBe('これはブラウザーのページ (about://…) です。ブラウザーは拡張機能によるこのページの読み取りを許可していません。');
    expect(restrictionOf('https://ex.org/a.pdf')).toBe('このタブには PDF が表示されています。「PDF を添付」で追加してください。');
    expect(refusalFromError('boom', { access: true, urlKnown: true })).toBe('このページを読み取れませんでした (boom)。');
  });
});
