import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type MessageActions, MessageView } from '../../components/MessageView';
import { createMessage } from '../../components/state/message';

afterEach(cleanup);

const actions = (streaming = false) => ({
  regenerate: vi.fn(() => true),
  edit: vi.fn(() => true),
  switchVersion: vi.fn(),
  streaming: signal(streaming),
});
const reply = () =>
  createMessage('assistant', {
    content: 'a',
    status: 'done',
    versions: [
      { content: 'b', timestamp: 't' },
      { content: 'c', timestamp: 't' },
    ],
    version: 1,
  });

describe('message view: versions, Regenerate, Edit message', () => {
  it('shows the position between the named arrows, and switches', () => {
    const a: MessageActions = actions();
    const m = reply();
    render(<MessageView message={m} actions={a} />);
    expect(screen.getByText('2/3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Previous version' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next version' }));
    expect(a.switchVersion).toHaveBeenNthCalledWith(1, m.id, 0);
    expect(a.switchVersion).toHaveBeenNthCalledWith(2, m.id, 2);
    fireEvent.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect(a.regenerate).toHaveBeenCalledWith(m.id);
  });

  it('at an end, and while a reply streams, the arrows stay focusable but do nothing', () => {
    const a = actions(true);
    const m = createMessage('assistant', { content: 'a', status: 'done', versions: [{ content: 'b', timestamp: 't' }] });
    render(<MessageView message={m} actions={a} />);
    const next = screen.getByRole('button', { name: 'Next version' });
    expect(next.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(next);
    fireEvent.click(screen.getByRole('button', { name: 'Previous version' }));
    fireEvent.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect(a.switchVersion).not.toHaveBeenCalled();
    expect(a.regenerate).not.toHaveBeenCalled();
  });

  it('a message with one version has no arrows; a failed last reply has Retry, not Regenerate', () => {
    const m = createMessage('assistant', { content: '', status: 'failed' });
    render(<MessageView message={m} actions={actions()} onRetry={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Previous version' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Regenerate' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('Edit message opens the text in place; Esc cancels, Send sends the edited text', async () => {
    const a = actions();
    const m = createMessage('user', { content: 'old question' });
    render(<MessageView message={m} actions={a} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit message' }));
    const box = (await screen.findByRole('textbox', { name: 'Edited message' })) as HTMLTextAreaElement;
    expect(box.value).toBe('old question');
    expect(document.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Edited message' })).toBeNull();
    expect(screen.getByText('old question')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit message' }));

    fireEvent.click(screen.getByRole('button', { name: 'Edit message' }));
    const again = screen.getByRole('textbox', { name: 'Edited message' });
    fireEvent.input(again, { target: { value: '  new question ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(a.edit).toHaveBeenCalledWith(m.id, 'new question');
  });
});
