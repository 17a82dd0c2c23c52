import { describe, expect, it, vi } from 'vitest';

// A DOMPurify that says it works but strips nothing, as a broken DOM implementation makes it.
vi.mock('dompurify', () => ({
  default: () => ({
    isSupported: true,
    addHook: () => {},
    setConfig: () => {},
    sanitize: (html: string) => document.createRange().createContextualFragment(html),
  }),
}));

const { renderOnce } = await import('./support/dom');

describe('when the sanitizer cannot be trusted', () => {
  it('shows the reply as plain text paragraphs, never as markup', () => {
    const text = 'Some **bold** <b onclick="x">b</b>\n\n![i](http://127.0.0.1:9/leak.png)';
    const root = renderOnce(text);
    expect([...root.querySelectorAll('*')].map((e) => e.localName)).toEqual(['div', 'div', 'p', 'div', 'p']);
    expect([...root.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Some **bold** <b onclick="x">b</b>', '![i](http://127.0.0.1:9/leak.png)']);
  });
});
