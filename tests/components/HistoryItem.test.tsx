import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryItem } from '../../components/HistoryItem';
import type { HistoryModel } from '../../components/state/history';

afterEach(cleanup);

describe('a History item’s ⋯ menu', () => {
  it('Esc closes it and gives focus back to its button', () => {
    const conversation = {
      id: 'conv-1-abcdefghi',
      title: 'Llamas',
      model: 'llama3.2',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    };
    render(
      <ul>
        <HistoryItem
          conversation={conversation as never}
          history={{ rename: vi.fn(), remove: vi.fn() } as unknown as HistoryModel}
          current={false}
          onOpen={vi.fn()}
          onExport={vi.fn()}
        />
      </ul>,
    );
    const summary = screen.getByLabelText('Actions for Llamas');
    const menu = summary.parentElement as HTMLDetailsElement;
    menu.open = true;
    const rename = screen.getByRole('button', { name: 'Rename' });
    rename.focus();
    fireEvent.keyDown(rename, { key: 'Escape' });
    expect(menu.open).toBe(false);
    expect(document.activeElement).toBe(summary);
  });

  it('Esc in the rename form cancels the rename only, renames nothing and gives focus back to the menu button', async () => {
    const conversation = {
      id: 'conv-1-abcdefghi',
      title: 'Llamas',
      model: 'llama3.2',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    };
    const rename = vi.fn();
    const outside = vi.fn();
    document.addEventListener('keydown', outside);
    render(
      <ul>
        <HistoryItem
          conversation={conversation as never}
          history={{ rename, remove: vi.fn() } as unknown as HistoryModel}
          current={false}
          onOpen={vi.fn()}
          onExport={vi.fn()}
        />
      </ul>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    const box = screen.getByRole('textbox', { name: 'Conversation name' });
    fireEvent.input(box, { target: { value: 'Alpacas' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    document.removeEventListener('keydown', outside);
    // The panel's own Esc (close History) never sees it.
    expect(outside).not.toHaveBeenCalled();
    expect(rename).not.toHaveBeenCalled();
    expect(screen.queryByRole('textbox', { name: 'Conversation name' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Actions for Llamas')));
  });
});
