import './support/happy-dom-compat';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageView } from '../../../components/MessageView';
import { createMessage } from '../../../components/state/message';
import { installI18n } from '../../support/i18n';

const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
});
afterEach(cleanup);

const details = (container: ParentNode) => container.querySelector('details.thinking') as HTMLDetailsElement | null;

describe('assistant message', () => {
  it('renders markdown in a .text that is a direct child of the article', async () => {
    const message = createMessage('assistant');
    const { container } = render(<MessageView message={message} />);
    message.text.append('Some **bold** text');
    await waitFor(() => expect(container.querySelector('article > .text strong')?.textContent).toBe('bold'));
  });

  it('keeps user messages plain text', () => {
    const { container } = render(<MessageView message={createMessage('user', { content: 'Some **bold** <b>x</b>' })} />);
    expect(container.querySelector('strong, b')).toBeNull();
    expect(container.querySelector('article > .text')?.textContent).toBe('Some **bold** <b>x</b>');
  });

  it('shows thinking open while it streams and folds it when the answer starts', async () => {
    const message = createMessage('assistant');
    const { container } = render(<MessageView message={message} />);
    expect(details(container)).toBeNull();
    message.thinking.append('Considering the question');
    await waitFor(() => expect(details(container)?.open).toBe(true));
    expect(details(container)?.querySelector('summary')?.textContent).toBe('Thinking');
    await waitFor(() => expect(details(container)?.textContent).toContain('Considering the question'));
    message.text.append('The answer');
    await waitFor(() => expect(details(container)?.open).toBe(false));
    expect(container.querySelector('article > .text')?.textContent).toContain('The answer');
  });

  it('shows <think> content as Thinking too, folded for a stored reply', () => {
    const message = createMessage('assistant', { content: '<think>private chain</think>\n\nPublic **answer**', status: 'done' });
    const { container } = render(<MessageView message={message} />);
    expect(details(container)?.open).toBe(false);
    expect(details(container)?.textContent).toContain('private chain');
    expect(container.querySelector('article > .text')?.textContent).not.toContain('private chain');
    expect(container.querySelector('article > .text strong')?.textContent).toBe('answer');
  });

  it('Copy message copies the raw markdown and says Copied', async () => {
    const message = createMessage('assistant', { content: '# Title\n\n`code`', status: 'done' });
    render(<MessageView message={message} />);
    const button = screen.getByRole('button', { name: 'Copy message' });
    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledWith('# Title\n\n`code`');
  });

  it('offers Copy message only once the reply has ended', () => {
    render(<MessageView message={createMessage('assistant', { content: 'partial' })} />);
    expect(screen.queryByRole('button', { name: 'Copy message' })).toBeNull();
  });

  it('Copy code copies the code block text and says Copied', async () => {
    const message = createMessage('assistant', { content: 'Run:\n\n```bash\necho "a < b"\n```', status: 'done' });
    render(<MessageView message={message} />);
    const button = screen.getByRole('button', { name: 'Copy code' });
    expect(screen.getByText('bash')).toBeTruthy();
    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledWith('echo "a < b"\n');
  });

  it('says when copying failed', async () => {
    writeText.mockRejectedValue(new Error('denied'));
    render(<MessageView message={createMessage('assistant', { content: 'x', status: 'done' })} />);
    const button = screen.getByRole('button', { name: 'Copy message' });
    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toBe('Copy failed'));
  });

  it('loads an image only when asked, without a referrer', () => {
    const message = createMessage('assistant', { content: '![cat](https://img.example/cat.png)', status: 'done' });
    const { container } = render(<MessageView message={message} />);
    expect(container.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Load image from img.example' }));
    const img = container.querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://img.example/cat.png');
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(img?.getAttribute('alt')).toBe('cat');
    expect(screen.queryByRole('button', { name: /Load image/ })).toBeNull();
  });
});

describe('an assistant message in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('labels the chrome around the reply from the German catalog: thinking, code, table, image, copy', async () => {
    installI18n(fakeBrowser, 'de');
    const content = '<think>hmm</think>\n\n```python\nprint(1)\n```\n\n```\nplain\n```\n\n| a |\n|---|\n| 1 |\n\n![cat](https://img.example/cat.png)';
    const { container } = render(<MessageView message={createMessage('assistant', { content, status: 'done' })} />);
    expect(container.querySelector('details.thinking summary')?.textContent).toBe('Denkprozess');
    expect(screen.getByRole('group', { name: 'Codeblock, python' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Codeblock' })).toBeTruthy();
    expect([...container.querySelectorAll('.md-code-lang')].map((l) => l.textContent)).toEqual(['python', 'Text']);
    expect(screen.getByRole('group', { name: 'Tabelle' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bild von img.example laden' })).toBeTruthy();
    const copyCode = screen.getAllByRole('button', { name: 'Code kopieren' })[0] as HTMLElement;
    expect(copyCode.textContent).toBe('Kopieren');
    fireEvent.click(copyCode);
    await waitFor(() => expect(copyCode.textContent).toBe('Kopiert'));
    const copyMessage = screen.getByRole('button', { name: 'Nachricht kopieren' });
    writeText.mockRejectedValueOnce(new Error('denied'));
    fireEvent.click(copyMessage);
    await waitFor(() => expect(copyMessage.textContent).toBe('Kopieren fehlgeschlagen'));
  });
});
