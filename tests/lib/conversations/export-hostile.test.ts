/**
 * The Markdown export opened in a renderer that passes raw HTML through (marked, as most viewers
 * do): hostile message text must show as text, never become elements, and thinking must stay
 * inside its <details>. Rendered HTML is parsed with DOMParser, which runs and loads nothing.
 */
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../../lib/conversations/export';
import { xssCorpus } from '../../components/markdown/support/xss-corpus';
import { assistant, conv, user } from './helpers';

const renderer = new Marked({ gfm: true });

function render(md: string): Document {
  return new DOMParser().parseFromString(renderer.parse(md, { async: false }), 'text/html');
}

// What Markdown syntax itself makes, plus our <details>: anything else came from raw HTML.
const MARKDOWN_TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'em',
  'strong',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'hr',
  'br',
  'del',
  'input',
  'details',
  'summary',
]);
const ATTRS: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  code: ['class'],
  th: ['align'],
  td: ['align'],
  ol: ['start'],
  input: ['checked', 'disabled', 'type'],
};

/** Elements and attributes that raw HTML, not Markdown, put in the page. */
function foreign(doc: Document): string[] {
  const found: string[] = [];
  for (const el of doc.body.querySelectorAll('*')) {
    const tag = el.localName;
    if (!MARKDOWN_TAGS.has(tag)) found.push(`<${tag}>`);
    for (const { name } of el.attributes) if (!ATTRS[tag]?.includes(name)) found.push(`<${tag} ${name}>`);
    if (tag === 'input' && el.getAttribute('type') !== 'checkbox') found.push('a real <input>');
  }
  return found;
}

const exported = (content: string, thinking?: string) =>
  toMarkdown(conv('x', '2026-01-01T00:00:00Z', { title: 'T', messages: [user(content), assistant(content, thinking ? { thinking } : {})] }));

describe('Markdown export: raw HTML in messages is shown, never run', () => {
  it.each(xssCorpus())('%j as question, answer and thinking renders no markup', (payload) => {
    const doc = render(exported(payload, payload));
    expect(foreign(doc)).toEqual([]);
    expect(doc.querySelectorAll('details')).toHaveLength(1);
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<!-- hidden --><b>bold?</b>',
    '<?php echo 1; ?>',
    '<![CDATA[ x ]]>',
    '<div\nonclick="alert(1)">two lines</div>',
    '\\<img src=x onerror=alert(1)>',
  ])('%j reads as the text it is', (payload) => {
    const doc = render(exported(payload));
    expect(foreign(doc)).toEqual([]);
    const text = doc.body.textContent ?? '';
    expect(text).toContain(payload.replace(/^\\/, '').split('\n')[0]);
  });

  it('markdown images become links: opening the file loads nothing', () => {
    const md = toMarkdown({
      ...conv('x', '2026-01-01T00:00:00Z'),
      messages: [assistant('![pixel](http://127.0.0.1:9/leak.png?q=secret) and ![ref][r]\n\n[r]: http://127.0.0.1:9/x.png')],
    });
    const doc = render(md);
    expect(doc.querySelector('img')).toBeNull();
    expect([...doc.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['pixel', 'http://127.0.0.1:9/leak.png?q=secret'],
      ['ref', 'http://127.0.0.1:9/x.png'],
    ]);
  });

  it('titles, model names and dates are escaped too', () => {
    const md = toMarkdown({
      ...conv('x', '2026-01-01T00:00:00Z'),
      title: '<img src=x onerror=alert(1)> &amp;',
      model: '<svg onload=alert(1)>',
      created_at: '<script>x</script>',
    });
    const doc = render(md);
    expect(foreign(doc)).toEqual([]);
    expect(doc.querySelector('h1')?.textContent).toBe('<img src=x onerror=alert(1)> &amp;');
    expect(doc.body.textContent).toContain('Model: <svg onload=alert(1)> · <script>x</script>');
  });
});

describe('Markdown export: code stays exactly as written', () => {
  const code = (md: string) => [...render(exported(md)).querySelectorAll('code')].map((c) => c.textContent);

  it('fenced, tilde and list-item fences, and inline code keep their <', () => {
    expect(code('```html\n<div class="a">x</div>\n```')).toContain('<div class="a">x</div>\n');
    expect(code('~~~\nVec<u8> `x`\n~~~')).toContain('Vec<u8> `x`\n');
    expect(code('1. Build:\n   ```sh\n   make <target>\n   ```\n2. Done')).toContain('make <target>\n');
    expect(code('Use `List<String>` or ``a ` <b>``.')).toEqual(['List<String>', 'a ` <b>', 'List<String>', 'a ` <b>']);
  });

  it('a cut-off fence is closed, and the text after it is markdown again', () => {
    const md = toMarkdown({
      ...conv('x', '2026-01-01T00:00:00Z'),
      messages: [assistant('```js\nif (a < b) {', { status: 'interrupted' }), user('<b>next</b>')],
    });
    const doc = render(md);
    expect(doc.querySelector('code')?.textContent).toBe('if (a < b) {\n');
    expect(foreign(doc)).toEqual([]);
    expect(doc.body.textContent).toContain('<b>next</b>');
  });
});

describe('Markdown export: thinking cannot close its <details> early', () => {
  const closers = [
    '</details>',
    '</DETAILS>',
    '</details >',
    '</Details\t>',
    '</details\n>',
    '</ details>',
    '  </details>',
    '</details><img src=x onerror=alert(1)>',
  ];

  it.each(closers)('%j inside thinking stays inside it', (closer) => {
    const thinking = `first thought\n\n${closer}\n\nsecond thought`;
    const doc = render(exported('The answer.', thinking));
    expect(foreign(doc)).toEqual([]);
    const details = doc.querySelectorAll('details');
    expect(details).toHaveLength(1);
    expect(details[0]?.textContent).toContain('second thought');
    expect(details[0]?.textContent).not.toContain('The answer.');
  });

  it.each([
    ['in a fence', '```\n</details>\n```'],
    ['in an unclosed fence', '```\n</details>\n<img src=x onerror=alert(1)>'],
    ['in inline code', 'see `</details>` here'],
    ['after an unclosed backtick', 'a ` b\n</details>'],
    ['in a blockquote', '> </details>\n> more'],
    ['in a list-item fence', '- x\n  ```\n  </details>\n  ```'],
  ])('%s', (_, thinking) => {
    const doc = render(exported('The answer.', `${thinking}\n\nlast thought`));
    expect(foreign(doc)).toEqual([]);
    const details = doc.querySelectorAll('details');
    expect(details).toHaveLength(1);
    expect(details[0]?.textContent).toContain('last thought');
    expect(details[0]?.textContent).not.toContain('The answer.');
  });
});

describe('Markdown export: tricks that make a renderer read code differently', () => {
  it.each([
    ['a backtick left open pairs with one on the next line', '`abc\n`<img src=x onerror=alert(1)>`'],
    ['lazy blockquote continuation', '> `abc\n`<img src=x onerror=alert(1)>`'],
    ['a table splits a span at |', '| a | b |\n| - | - |\n| `x | <img src=x onerror=alert(1)> | y` |'],
    ['a table row after a rejected span', '| h |\n| - |\n| `a | b` `<img src=x onerror=alert(1)>` |'],
    ['an escaped backtick does not open a span', '\\`<img src=x onerror=alert(1)>`'],
    ['a span ends at a blank line', '`x\n\n<img src=x onerror=alert(1)>\n\n`'],
    ['a heading interrupts the paragraph', '`abc\n# <img src=x onerror=alert(1)>`'],
    ['a backtick in a fence info string is no fence', '```x`\n<img src=x onerror=alert(1)>\n```'],
    ['a list-item fence ends with a less indented line', '- a\n\n  ```\n<img src=x onerror=alert(1)>\n  ```'],
    ['a nested list-item fence', '- a\n  - b\n    ```\n   ```\n<img src=x onerror=alert(1)>'],
    ['a closer indented for a list item', '- a\n\n  ```\n     ```\n  <img src=x onerror=alert(1)>'],
    ['old Mac line endings', '`a\r\r<img src=x onerror=alert(1)>`'],
    ['Windows line endings', '```\r\nx\r\n```\r\n<img src=x onerror=alert(1)>'],
    ['a fence closed by a shorter run is still open', '````\n```\n<img src=x onerror=alert(1)>\n````\n<img src=y onerror=alert(2)>'],
    ['a fence in a blockquote', '> ```\n> <img src=x onerror=alert(1)>\n> ```\n<img src=y onerror=alert(2)>'],
    ['an HTML block start line', '<div>\n`<img src=x onerror=alert(1)>`\n</div>'],
  ])('%s', (_, content) => {
    expect(foreign(render(exported(content, content)))).toEqual([]);
  });
});

/** Seeded, so a failure names a case that reproduces. */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) as number;
  };
}

const PIECES = [
  '```',
  '````',
  '~~~',
  '```js',
  ' ',
  '  ',
  '   ',
  '    ',
  '\t',
  '- ',
  '1. ',
  '> ',
  '`',
  '``',
  '\\',
  '|',
  '| - |',
  '<img src=x onerror=alert(1)>',
  '</details>',
  '<b>',
  'text',
  '#',
  '!',
  '[a]',
  '(u)',
  '\n',
  '\n\n',
  '\r',
];

describe('Markdown export: random hostile documents', () => {
  it('2,000 documents built from fences, containers, backticks and HTML render no markup', () => {
    const pick = random(20261125);
    for (let n = 0; n < 2000; n++) {
      const parts = (count: number) => Array.from({ length: count }, () => PIECES[pick(PIECES.length)]).join('');
      const content = parts(4 + pick(30));
      const thinking = parts(pick(20));
      const doc = render(exported(content, thinking));
      const found = foreign(doc);
      if (found.length || doc.querySelectorAll('details').length > 1)
        throw new Error(`case ${n}: ${found.join(', ')}\n${JSON.stringify({ content, thinking })}`);
    }
    // 2,000 documents take a second alone; a loaded 2-core machine needs more than the 5 s default.
  }, 60_000);
});
