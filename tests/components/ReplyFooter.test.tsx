import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageView } from '../../components/MessageView';
import { contextCapWarning, duration, footerDetails } from '../../components/ReplyFooter';
import { createMessage } from '../../components/state/message';
import { installI18n } from '../support/i18n';

const stats = { model: 'llama3.2', evalCount: 421, evalDurationNs: 10e9, totalDurationNs: 3.24e9, promptEvalCount: 1234, ttftMs: 812 };
const footer = (c: Element) => c.querySelector('.reply-footer');

describe('ReplyFooter', () => {
  afterEach(cleanup);

  it('shows model, tokens per second and total time under a finished reply, the first token in its tooltip', async () => {
    const { container } = render(<MessageView message={createMessage('assistant', { content: 'a', status: 'done', stats })} />);
    // Loaded with the first finished reply, not with the panel.
    const f = await waitFor(() => footer(container) ?? Promise.reject(new Error('no footer yet')));
    expect(f?.firstChild?.textContent).toBe('llama3.2 · 42.1 tok/s · 3.2 s');
    expect(f?.getAttribute('title')).toBe('First token after 0.8 s · 421 tokens generated · prompt: 1,234 tokens');
    // Screen readers get the details too (a title is not reliably read).
    expect(f?.textContent).toContain('First token after 0.8 s');
  });

  it('shows only what is known, and nothing while streaming, after a stop, or without stats', async () => {
    const { container } = render(<MessageView message={createMessage('assistant', { content: 'a', status: 'done', stats: { model: 'm' } })} />);
    await waitFor(() => expect(footer(container)?.textContent).toBe('m'));
    cleanup();
    for (const m of [
      createMessage('assistant', { content: 'a', stats }),
      createMessage('assistant', { content: 'a', status: 'stopped', stats }),
      createMessage('assistant', { content: 'a', status: 'done' }),
    ]) {
      const r = render(<MessageView message={m} />);
      expect(footer(r.container)).toBeNull();
      cleanup();
    }
  });

  it('appears when the streaming reply finishes', async () => {
    const m = createMessage('assistant', { content: 'a' });
    const { container } = render(<MessageView message={m} />);
    expect(footer(container)).toBeNull();
    m.finish(stats);
    await waitFor(() => expect(footer(container)).not.toBeNull());
  });

  it("warns, in the issue's words, when Ollama cut the prompt, and only then", async () => {
    const cut = { ...stats, truncatedTo: 4096 };
    const { container } = render(<MessageView message={createMessage('assistant', { content: 'a', status: 'done', stats: cut })} />);
    await waitFor(() => expect(footer(container)).not.toBeNull());
    expect(container.querySelector('.reply-warning')?.textContent).toBe('The model saw only the last 4,096 tokens; raise the context length in Settings.');
    cleanup();
    const whole = render(<MessageView message={createMessage('assistant', { content: 'a', status: 'done', stats })} />);
    await waitFor(() => expect(footer(whole.container)).not.toBeNull());
    expect(whole.container.querySelector('.reply-warning')).toBeNull();
  });

  it('says when the Context length was capped at the model’s maximum, next to a cut prompt', async () => {
    const capped = { ...stats, truncatedTo: 8192, numCtxAsked: 32768, numCtxCappedTo: 8192 };
    const { container } = render(<MessageView message={createMessage('assistant', { content: 'a', status: 'done', stats: capped })} />);
    await waitFor(() => expect(footer(container)).not.toBeNull());
    expect([...container.querySelectorAll('.reply-warning')].map((p) => p.textContent)).toEqual([
      'Context length 32,768 is more than llama3.2 can use; 8,192 was used.',
      'The model saw only the last 8,192 tokens; raise the context length in Settings.',
    ]);
    expect(contextCapWarning(stats)).toBeNull();
    expect(contextCapWarning({ model: 'm', numCtxAsked: 32768 })).toBeNull();
  });

  it('the cap note comes from the catalog (German)', () => {
    installI18n(fakeBrowser, 'de');
    try {
      expect(contextCapWarning({ model: 'llama3.2', numCtxAsked: 32768, numCtxCappedTo: 8192 })).toBe(
        'Die Kontextlänge 32.768 ist mehr, als llama3.2 nutzen kann; es wurden 8.192 verwendet.',
      );
    } finally {
      installI18n(fakeBrowser);
    }
  });

  it('formats long waits in minutes, and no details as none', () => {
    expect(duration(125_400)).toBe('2 min 5 s');
    expect(footerDetails({ model: 'm' })).toBe('');
  });
});
