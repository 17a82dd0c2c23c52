import { describe, expect, it } from 'vitest';
import { appendText, growingEnd } from '../../../components/markdown/block-end';

function block(html: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
}

describe('block end', () => {
  it('appends raw text inside the innermost element the block ends in, past trailing whitespace', () => {
    const el = block('<ul><li>one</li>\n<li>tw</li>\n</ul>\n');
    appendText(el, 'o');
    expect(el.querySelectorAll('li')[1]?.textContent).toBe('two');
  });

  it('appends into a code block’s <code>, and into a new paragraph when nothing can hold text', () => {
    const code = block('<pre><code>let a</code></pre>');
    appendText(code, ' = 1');
    expect(code.querySelector('code')?.textContent).toBe('let a = 1');
    const heading = block('<h2>Title</h2>');
    appendText(heading, 'more');
    expect(heading.innerHTML).toBe('<h2>Title</h2><p>more</p>');
  });

  it('puts the caret in a heading too, but not inside inline markup', () => {
    const heading = block('<h2>Title</h2>');
    expect(growingEnd(heading).nodeName).toBe('H2');
    const para = block('<p>some <strong>bold</strong></p>');
    expect(growingEnd(para).nodeName).toBe('P');
  });
});
