import { describe, expect, it, vi } from 'vitest';
import { createHistoryModel } from '../../../components/state/history';
import type { PanelMessage } from '../../../lib/protocol';

// The import/export chunk is gone (an update replaced the files under a running panel).
vi.mock('../../../components/state/history-io', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('history model without its import/export chunk', () => {
  it('says so, sends nothing, and the caller sees the failure', async () => {
    const sent: PanelMessage[] = [];
    const model = createHistoryModel({
      send: (m) => sent.push(m),
      readIndex: async () => [],
      watchIndex: () => () => {},
      readAll: async () => [],
      usage: async () => ({ used: 0, quota: null }),
      pauseChanges: () => () => {},
    });
    await expect(model.importFile(new Blob(['[]']))).rejects.toThrow();
    expect(model.notice.value).toMatchObject({ kind: 'error', text: expect.stringContaining('could not be loaded') });
    expect(model.importing.value).toBeNull();
    expect(sent).toEqual([]);
    await expect(model.exportAllFile()).rejects.toThrow();
    model.dispose();
  });
});
