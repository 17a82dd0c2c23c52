// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { inertMarkdown } from '../../../lib/conversations/inert-markdown';

const inert = (md: string) => {
  const doc = inertMarkdown();
  doc.untrusted(md);
  doc.closeFence();
  return doc.text();
};

describe('inertMarkdown', () => {
  it('escapes < outside code as &lt; and keeps everything else byte for byte', () => {
    expect(inert('a <b>x</b> & **y** <!-- c -->')).toBe('a &lt;b>x&lt;/b> & **y** &lt;!-- c -->');
    expect(inert('\\<i> \\\\<i> \\* `<i>`')).toBe('&lt;i> \\\\&lt;i> \\* `<i>`');
  });

  it('keeps code as is: fences, a cut-off fence (closed), inline spans', () => {
    expect(inert('```\n<a>\n```\n<a>')).toBe('```\n<a>\n```\n&lt;a>');
    expect(inert('~~~~ x\n<a>\n~~~')).toBe('~~~~ x\n<a>\n~~~\n~~~~');
    expect(inert('`<a>` and ``<b> ` c``')).toBe('`<a>` and ``<b> ` c``');
  });

  it('does not trust inline code it cannot be sure of', () => {
    expect(inert('`open\n`<a>`')).toBe('`open\n`&lt;a>`');
    expect(inert('`open\n\n`<a>`')).toBe('`open\n\n`<a>`');
    expect(inert('| `<a>` |')).toBe('| `&lt;a>` |');
  });

  it('images become links', () => {
    expect(inert('![a](u) \\![b](v) `![c](w)`')).toBe('&#33;[a](u) \\![b](v) `![c](w)`');
  });

  it('a fence indented like a list item is closed so that it ends in every reading', () => {
    expect(inert('1. x\n   ```\n   <a>')).toBe('1. x\n   ```\n   <a>\n   ```');
  });

  it('after two readings part ways, nothing more is trusted, and no closer is guessed', () => {
    // Top level, the fence is still open at "<a>"; inside the list item it ended at "y".
    expect(inert('- x\n  ```\ny\n<a>\n  ```\n`<b>`')).toBe('- x\n  ```\ny\n&lt;a>\n  ```\n`&lt;b>`');
  });

  it('a message line never lands inside our own raw HTML block', () => {
    const doc = inertMarkdown();
    doc.trusted('<details>');
    doc.untrusted('`<b>`');
    expect(doc.text()).toBe('<details>\n\n`<b>`');
  });
});
