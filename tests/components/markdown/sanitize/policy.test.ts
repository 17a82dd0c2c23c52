import { describe, expect, it } from 'vitest';
import { markdownToHtml, parseStats } from '../../../../components/markdown/parse/parse';
import { ALLOWED_ATTR, ALLOWED_TAGS, isSafeImage, isSafeLink } from '../../../../components/markdown/sanitize/policy';

describe('policy', () => {
  it('allows nothing that runs, loads, submits or styles', () => {
    const risky = [
      'script',
      'style',
      'iframe',
      'object',
      'embed',
      'form',
      'input',
      'button',
      'svg',
      'math',
      'base',
      'meta',
      'link',
      'video',
      'audio',
      'source',
      'template',
      'details',
    ];
    expect(ALLOWED_TAGS.filter((t) => (risky as string[]).includes(t))).toEqual([]);
    const attrs: readonly string[] = ALLOWED_ATTR;
    expect(attrs.filter((a) => a === 'style' || a === 'src' || a === 'srcset' || a.startsWith('on') || a === 'id' || a === 'name')).toEqual([]);
  });

  it.each([
    ['https://a.example/x', true],
    ['http://a.example', true],
    ['mailto:me@example.com', true],
    ['MAILTO:me@example.com', true],
    ['javascript:alert(1)', false],
    [' JavaScript:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
    ['file:///etc/passwd', false],
    ['chrome-extension://abc/x.html', false],
    ['/relative', false],
    ['//evil.example/x', false],
    ['#top', false],
  ])('link %s allowed: %s', (href, ok) => {
    expect(isSafeLink(href)).toBe(ok);
  });

  it('loads images from http(s) only', () => {
    expect(isSafeImage('https://x.example/a.png')).toBe(true);
    expect(isSafeImage('mailto:a@b.c')).toBe(false);
    expect(isSafeImage('data:image/png;base64,AAAA')).toBe(false);
  });
});

describe('markdownToHtml', () => {
  it('escapes raw HTML whose tag is not allowed, keeps the rest for the sanitizer', () => {
    expect(markdownToHtml('a <script>x</script> b')).toContain('&lt;script&gt;');
    expect(markdownToHtml('<div onclick="x">\nhi\n</div>')).toBe('<p>&lt;div onclick=&quot;x&quot;&gt;\nhi\n&lt;/div&gt;</p>');
    expect(markdownToHtml('H<sub>2</sub>O')).toContain('<sub>2</sub>');
    expect(markdownToHtml('<!-- hidden -->')).toContain('&lt;!-- hidden --&gt;');
  });

  it.each(['<img src=x onerror=alert(1)>', '<img/onerror=alert(1)>', '<b title="x"onclick=y>b</b>', '<p\tONMOUSEOVER=x>p</p>', '<kbd onfocus>k</kbd>'])(
    'shows allowed tags with a handler attribute as text: %s',
    (raw) => {
      const html = markdownToHtml(raw);
      // Only marked's own paragraph around it is markup; the payload itself is text.
      expect(html.replace(/<\/?p>/g, '')).not.toMatch(/<[a-z]/i);
      expect(html).toContain('&lt;');
    },
  );

  it('counts what it parses', () => {
    const before = { ...parseStats };
    markdownToHtml('12345');
    expect(parseStats.calls - before.calls).toBe(1);
    expect(parseStats.chars - before.chars).toBe(5);
  });
});
