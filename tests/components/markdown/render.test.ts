import './support/happy-dom-compat';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighlighter } from '../../../components/markdown/decorate/decorate';
import { renderOnce } from './support/dom';

const html = (md: string) => renderOnce(md).innerHTML;
// marked ends blocks with a newline; innerText in the panel drops it, textContent keeps it.
const text = (md: string) => renderOnce(md).textContent?.trimEnd();

// The highlighter loads lazily in the panel; tests want colors at once.
beforeAll(() => loadHighlighter());

describe('markdown rendering', () => {
  it('renders headings, emphasis, strikethrough and inline code', () => {
    const root = renderOnce('# Title\n\n## Sub\n\nSome **bold**, *italic*, ~~gone~~ and `a < b` code.');
    expect(root.querySelector('h1')?.textContent).toBe('Title');
    expect(root.querySelector('h2')?.textContent).toBe('Sub');
    expect(root.querySelector('strong')?.textContent).toBe('bold');
    expect(root.querySelector('em')?.textContent).toBe('italic');
    expect(root.querySelector('del')?.textContent).toBe('gone');
    expect(root.querySelector('p code')?.textContent).toBe('a < b');
  });

  it('renders bullet, ordered, nested and task lists', () => {
    const root = renderOnce('- one\n- two\n  - nested\n\n3. three\n4. four\n\n- [ ] todo\n- [x] done');
    expect([...root.querySelectorAll('ul > li')].map((li) => li.firstChild?.textContent?.trim())).toContain('two');
    expect(root.querySelector('ul ul li')?.textContent).toBe('nested');
    expect(root.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(text('- [ ] todo\n- [x] done')).toContain('☐ todo');
    expect(text('- [ ] todo\n- [x] done')).toContain('☑ done');
    expect(root.querySelector('input')).toBeNull();
  });

  it('keeps a loose list with blank lines between items as one list', () => {
    const root = renderOnce('1. a\n\n   more a\n\n2. b\n\n3. c');
    expect(root.querySelectorAll('ol')).toHaveLength(1);
    expect(root.querySelectorAll('ol > li')).toHaveLength(3);
  });

  it('renders a GFM table with alignment', () => {
    const root = renderOnce('| Name | Qty |\n|:-----|----:|\n| apple | 3 |\n| pear | 10 |');
    expect([...root.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Name', 'Qty']);
    expect([...root.querySelectorAll('tbody tr')].map((tr) => tr.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['apple 3', 'pear 10']);
    expect(root.querySelector('td:last-child')?.getAttribute('align')).toBe('right');
  });

  it('renders a fenced code block with its language, highlighted, with a Copy button', () => {
    const root = renderOnce('```python\ndef f(x):\n\n    return "hi"  # c\n```');
    const code = root.querySelector('.md-code pre code');
    expect(code?.textContent).toBe('def f(x):\n\n    return "hi"  # c\n');
    expect(code?.classList.contains('hljs')).toBe(true);
    expect(code?.querySelector('.hljs-keyword')?.textContent).toBe('def');
    expect(root.querySelector('.md-code-lang')?.textContent).toBe('python');
    expect(root.querySelector('button.md-copy')?.getAttribute('aria-label')).toBe('Copy code');
  });

  it('code blocks and tables scroll sideways in a focusable, named box, so the keyboard can scroll them', () => {
    const root = renderOnce('```python\nx = 1\n```\n\n```\nplain\n```\n\n| A | B |\n|---|---|\n| 1 | 2 |');
    const named = (el: Element | null | undefined) => [el?.getAttribute('tabindex'), el?.getAttribute('role'), el?.getAttribute('aria-label')];
    const [python, plain] = root.querySelectorAll('.md-code pre');
    expect(named(python)).toEqual(['0', 'group', 'Code, python']);
    expect(named(plain)).toEqual(['0', 'group', 'Code']);
    const table = root.querySelector('table');
    expect(table?.parentElement?.className).toBe('md-table');
    expect(named(table?.parentElement)).toEqual(['0', 'group', 'Table']);
    expect(table?.hasAttribute('tabindex')).toBe(false);
  });

  it('leaves an unknown language unhighlighted and labels a bare fence "text"', () => {
    const a = renderOnce('```brainfuck\n+++.\n```');
    expect(a.querySelector('code span')).toBeNull();
    expect(a.querySelector('.md-code-lang')?.textContent).toBe('brainfuck');
    expect(renderOnce('```\nplain\n```').querySelector('.md-code-lang')?.textContent).toBe('text');
  });

  it('renders links opening in a new tab without opener or referrer', () => {
    const a = renderOnce('See [docs](https://ollama.com/docs "Docs") or https://example.com.').querySelectorAll('a');
    expect(a).toHaveLength(2);
    expect(a[0]?.getAttribute('href')).toBe('https://ollama.com/docs');
    expect(a[0]?.getAttribute('target')).toBe('_blank');
    expect(a[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a[1]?.getAttribute('href')).toBe('https://example.com');
  });

  it('renders blockquotes and rules', () => {
    const root = renderOnce('> quoted *text*\n\n---\n\nafter');
    expect(root.querySelector('blockquote em')?.textContent).toBe('text');
    expect(root.querySelector('hr')).not.toBeNull();
  });

  it('renders an image as a click-to-load placeholder naming the host', () => {
    const root = renderOnce('![chart](https://img.example.com:8443/c.png)');
    const button = root.querySelector('button.md-image');
    expect(button?.textContent).toBe('Load image from img.example.com:8443');
    expect(button?.getAttribute('data-md-src')).toBe('https://img.example.com:8443/c.png');
    expect(root.querySelector('img')).toBeNull();
  });

  it('plain text without markdown keeps its exact characters', () => {
    const plain = 'Echo: Why? 🦙 你好世界 👍🏽 café x<y & y>x naïve Grüße こんにちは 🚀 the dog.';
    expect(text(plain)).toBe(plain);
    expect(html(plain)).toBe(
      `<div class="md-chunk"><div class="md-block"><p>${plain.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>\n</div></div>`,
    );
  });

  it('keeps single newlines as line breaks and blank lines as paragraphs', () => {
    const root = renderOnce('line one\nline two\n\nnext paragraph');
    expect(root.querySelectorAll('p')).toHaveLength(2);
    expect(root.querySelector('p br')).not.toBeNull();
  });

  it('shows raw HTML it would not keep as text instead of dropping it', () => {
    expect(text('Put it in the <head> element.')).toBe('Put it in the <head> element.');
    expect(renderOnce('H<sub>2</sub>O and <kbd>Ctrl</kbd>').querySelector('sub')?.textContent).toBe('2');
  });
});
