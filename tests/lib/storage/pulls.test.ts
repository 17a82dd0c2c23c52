import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { pullRecordsIO, readPullRecords } from '../../../lib/storage/pulls';

describe('pull records storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads nothing stored, and a damaged value, as no pulls; keeps the sound records of a partly damaged list', async () => {
    expect(await readPullRecords()).toEqual([]);
    await fakeBrowser.storage.local.set({ ollama_chat_pulls: { name: 'm' } });
    expect(await readPullRecords()).toEqual([]);
    await fakeBrowser.storage.local.set({
      ollama_chat_pulls: [
        'junk',
        { name: '', startedAt: 1 },
        { name: 'm', startedAt: 'x' },
        { name: 'a', startedAt: 5, connection: 7 },
        { name: 'a', startedAt: 9 },
        null,
      ],
    });
    expect(await readPullRecords()).toEqual([{ name: 'a', startedAt: 5 }]);
  });

  it('adds one record per model, keeps the first start, and removes by name, in order', async () => {
    const writes = [
      pullRecordsIO.add({ name: 'a', connection: 'c1', startedAt: 1 }),
      pullRecordsIO.add({ name: 'b', startedAt: 2 }),
      pullRecordsIO.add({ name: 'a', connection: 'c1', startedAt: 3 }),
      pullRecordsIO.remove('b'),
    ];
    await Promise.all(writes);
    expect(await readPullRecords()).toEqual([{ name: 'a', connection: 'c1', startedAt: 1 }]);
    expect(await fakeBrowser.storage.local.get('ollama_chat_pulls')).toEqual({ ollama_chat_pulls: [{ name: 'a', connection: 'c1', startedAt: 1 }] });
    await pullRecordsIO.remove('a');
    expect(await readPullRecords()).toEqual([]);
  });
});
