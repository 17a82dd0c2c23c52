import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MessageList, PAGE, WINDOW } from '../../components/MessageList';
import { AssistantBody } from '../../components/MessageView';
import type { ChatModel } from '../../components/state/chat';
import { createMessage, type MutableMessage } from '../../components/state/message';

const conversation = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => createMessage(i % 2 ? 'assistant' : 'user', { content: `${tag} message ${i}`, status: 'done' }));

function setup(list: MutableMessage[]) {
  const messages = signal<readonly MutableMessage[]>(list);
  const chat = { messages, streaming: signal(false), retry: () => {} } as unknown as ChatModel;
  render(<MessageList chat={chat} />);
  return messages;
}

const articles = () => screen.queryAllByRole('article');

describe('MessageList', () => {
  // The panel preloads the reply view after its first paint; these tests count rendered text at once.
  beforeAll(() => AssistantBody.preload());
  afterEach(cleanup);

  it('opens a long conversation at its latest messages and shows older ones a page at a time', () => {
    const total = WINDOW + PAGE + 30;
    setup(conversation(total, 'a'));
    expect(articles()).toHaveLength(WINDOW);
    expect(articles().at(-1)?.textContent).toContain(`a message ${total - 1}`);
    fireEvent.click(screen.getByRole('button', { name: `Show earlier messages (${total - WINDOW} more)` }));
    expect(articles()).toHaveLength(WINDOW + PAGE);
    fireEvent.click(screen.getByRole('button', { name: 'Show earlier messages (30 more)' }));
    expect(articles()).toHaveLength(total);
    expect(articles()[0]?.textContent).toContain('a message 0');
    expect(screen.queryByRole('button', { name: /Show earlier/ })).toBeNull();
  });

  it('a short conversation shows whole, with no button', () => {
    setup(conversation(3, 'b'));
    expect(articles()).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /Show earlier/ })).toBeNull();
  });

  it('new messages join the window; another conversation starts with the short window again', async () => {
    const messages = setup(conversation(WINDOW + 10, 'c'));
    fireEvent.click(screen.getByRole('button', { name: /Show earlier/ }));
    expect(articles()).toHaveLength(WINDOW + 10);
    messages.value = [...messages.value, createMessage('user', { content: 'c new' })];
    await waitFor(() => expect(articles().at(-1)?.textContent).toContain('c new'));
    expect(articles()).toHaveLength(WINDOW + 11);
    messages.value = conversation(WINDOW * 3, 'd');
    await waitFor(() => expect(articles().at(-1)?.textContent).toContain(`d message ${WINDOW * 3 - 1}`));
    expect(articles()).toHaveLength(WINDOW);
  });
});
