import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../../lib/page/markdown';

const md = (html: string, skipChrome = false) => {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><head><base href="https://ex.org/wiki/"></head><body>${html}</body></html>`, 'text/html');
  return toMarkdown(doc.body, { skipChrome });
};

describe('toMarkdown', () => {
  it('keeps headings, paragraphs and inline emphasis, collapsing whitespace', () => {
    expect(md('<h1>Llamas</h1><p>The   <b>llama</b> is a\n <em>camelid</em>.</p><h3>Diet</h3><p>Grass &amp; <code>hay</code>.</p>')).toBe(
      '# Llamas\n\nThe **llama** is a _camelid_.\n\n### Diet\n\nGrass & `hay`.',
    );
  });

  it('writes absolute http(s) links, and leaves fragment and script links as their text', () => {
    expect(md('<p>See <a href="Alpaca">alpacas</a>, <a href="#cite-1">[1]</a> and <a href="javascript:void 0">this</a>.</p>')).toBe(
      'See [alpacas](https://ex.org/wiki/Alpaca), [1] and this.',
    );
  });

  it('writes every link exactly as the URL parser resolves it, the quick paths included', () => {
    const hrefs = [
      '/wiki/Llama',
      '/wiki/Llama?x=1#Diet',
      '/w/index.php?title=A&action=edit',
      '/a/./b',
      '/a/../b',
      '/a/%2e%2e/b',
      '/a/%2E/b',
      '/a b',
      "/q?it's",
      '/café',
      '/a\\b',
      '//other.org/x',
      '/%zz',
      'https://ex.org/wiki/A',
      'https://EX.org/A',
      'HTTPS://ex.org/A',
      'https://ex.org:443/A',
      'http://ex.org:8080/A',
      'https://127.1/A',
      'https://ex.org',
      'https://ex.org./A',
      'https://ex.org/a/../b',
      'https://ex.org/a?b=<c>',
      'https://user:pw@ex.org/A',
      'Alpaca',
      '../up',
    ];
    for (const href of hrefs) {
      const doc = new DOMParser().parseFromString(
        '<!doctype html><html><head><base href="https://ex.org/wiki/"></head><body><p><a>t</a></p></body></html>',
        'text/html',
      );
      doc.querySelector('a')?.setAttribute('href', href);
      const resolved = new URL(href, 'https://ex.org/wiki/').href;
      expect(toMarkdown(doc.body), href).toBe(`[t](${resolved})`);
    }
  });

  it('keeps nested and numbered lists', () => {
    expect(md('<ul><li>One<ul><li>One a</li></ul></li><li><p>Two</p></li></ul><ol start="3"><li>Three</li><li>Four</li></ol>')).toBe(
      '- One\n  - One a\n- Two\n\n3. Three\n4. Four',
    );
  });

  it('keeps tables as pipe tables, escaping pipes and padding short rows', () => {
    expect(
      md('<table><thead><tr><th>Name</th><th>Weight</th></tr></thead><tbody><tr><td>Llama</td><td>a|b</td></tr><tr><td>Alpaca</td></tr></tbody></table>'),
    ).toBe('| Name | Weight |\n| --- | --- |\n| Llama | a\\|b |\n| Alpaca |  |');
  });

  it('keeps code blocks verbatim and quotes quoted text', () => {
    expect(md('<pre>a  =  1\n  b</pre><blockquote><p>Quoted</p><p>Twice</p></blockquote><hr>')).toBe('```\na  =  1\n  b\n```\n\n> Quoted\n> \n> Twice\n\n---');
  });

  it('drops scripts, styles, images, forms and hidden parts', () => {
    expect(
      md(
        '<p>Text<script>evil()</script><style>p{}</style><img alt="x"></p><form><input value="q"><button>Go</button></form><div hidden>secret</div><p aria-hidden="true">hid</p>',
      ),
    ).toBe('Text');
  });

  it('mixes text and blocks in one container as separate paragraphs', () => {
    expect(md('<div>Loose text<p>A paragraph</p>more<br>lines</div>')).toBe('Loose text\n\nA paragraph\n\nmore\nlines');
  });

  it('leaves out navigation, header, footer and sidebars only when asked (the fallback)', () => {
    const page = '<header>Site</header><nav>Home</nav><div role="navigation">Menu</div><main><p>Body</p></main><aside>Ads</aside><footer>©</footer>';
    expect(md(page, true)).toBe('Body');
    expect(md(page)).toBe('Site\n\nHome\n\nMenu\n\nBody\n\nAds\n\n©');
  });
});

describe('toMarkdown in an XHTML document (lower-case names)', () => {
  it('still sees blocks, lists and skipped parts', () => {
    const doc = new DOMParser().parseFromString(
      '<html xmlns="http://www.w3.org/1999/xhtml"><body><h2>Title</h2><ul><li>One</li></ul><script>x()</script></body></html>',
      'application/xhtml+xml',
    );
    expect(toMarkdown(doc.querySelector('body') as Element)).toBe('## Title\n\n- One');
  });
});
