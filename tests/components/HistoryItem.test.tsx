import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryItem } from '../../components/HistoryItem';
import type { HistoryModel } from '../../components/state/history';

afterEach(cleanup);

describe('a History item’s ⋯ menu', () => {
  it('Esc closes it and gives focus back to its button', () => {
    const conversation = { id: 'conv-1-abcdefghi', title: 'Llamas', model: 'llama3.2', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' };
    render(
      <ul>
        <HistoryItem conversation={conversation as never} history={{ rename: vi.fn(), remove: vi.fn() } as unknown as HistoryModel} current={false} onOpen={vi.fn()} onExport={vi.fn()} />
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
});
