import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryView } from '../../components/HistoryView';
import { createHistoryModel } from '../../components/state/history';
import type { ConversationSummary } from '../../lib/history/summary';
import { installI18n } from '../support/i18n';

const summary = (n: number): ConversationSummary => ({
  id: `conv-${n}`,
  title: n === 0 ? 'Apples' : `Chat ${n}`,
  model: 'm',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: new Date(Date.now() - 5 * 60_000).toISOString(),
  messageCount: 2,
});

async function view(count: number) {
  const model = createHistoryModel({
    send: vi.fn(),
    readIndex: async () => Array.from({ length: count }, (_, i) => summary(i)),
    watchIndex: () => () => {},
    readAll: async () => [],
    usage: async () => ({ used: 0, quota: null }),
    pauseChanges: () => () => {},
  });
  await model.whenLoaded();
  render(<HistoryView history={model} currentId={null} onOpen={async () => {}} fetch={async () => null} />);
  return model;
}

describe('HistoryView', () => {
  afterEach(() => {
    cleanup();
    installI18n(fakeBrowser);
  });

  it('counts the conversations in the search box, one in the singular', async () => {
    await view(1);
    expect(screen.getByRole('searchbox', { name: 'Search conversations' }).getAttribute('placeholder')).toBe('Search 1 conversation');
    cleanup();
    await view(2);
    expect(screen.getByRole('searchbox', { name: 'Search conversations' }).getAttribute('placeholder')).toBe('Search 2 conversations');
    expect(screen.getAllByText('m · 5 minutes ago')).toHaveLength(2);
    cleanup();
    // Written without grouping, as they always were.
    await view(1200);
    expect(screen.getByRole('searchbox').getAttribute('placeholder')).toBe('Search 1200 conversations');
    expect(screen.getByRole('button', { name: 'Show more (1100 left)' })).toBeTruthy();
  });

  it('in German: every text from the German catalog, times and counts in German', async () => {
    installI18n(fakeBrowser, 'de');
    const model = await view(102);
    expect(screen.getByRole('region', { name: 'Verlauf' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Unterhaltungen durchsuchen' }).getAttribute('placeholder')).toBe('102 Unterhaltungen durchsuchen');
    expect(screen.getByRole('button', { name: 'Alle exportieren' })).toBeTruthy();
    expect(screen.getByLabelText('Unterhaltungen importieren')).toBeTruthy();
    expect(screen.getByLabelText('Aktionen für Apples')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Umbenennen' })).toHaveLength(100);
    expect(screen.getAllByText('m · vor 5 Minuten')).toHaveLength(100);
    expect(screen.getByRole('button', { name: 'Mehr anzeigen (noch 2)' })).toBeTruthy();
    model.events['history/done']({ type: 'history/done', action: 'delete', message: 'Deleted', deleted: { ...summary(0), messages: [] } as never });
    expect((await screen.findByText(/gelöscht/)).textContent).toContain('„Apples“ gelöscht.');
    expect(screen.getByRole('button', { name: 'Rückgängig' })).toBeTruthy();
  });

  it('in German, an empty history says so', async () => {
    installI18n(fakeBrowser, 'de');
    await view(0);
    expect(screen.getByText('Noch keine gespeicherten Unterhaltungen.')).toBeTruthy();
    expect(screen.getByRole('searchbox').getAttribute('placeholder')).toBe('0 Unterhaltungen durchsuchen');
  });
});
