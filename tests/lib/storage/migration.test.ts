/**
 * Data written by the previous release (tests/fixtures/storage-0.1.0.json: storage.local as 0.1.0
 * wrote it, plus the original app's array under the contract key) opens unchanged through today's
 * read paths. When a release changes what it writes, add its dump as a new fixture; never edit one.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONVERSATIONS_KEY } from '../../../lib/conversations/contract';
import { parseConversations } from '../../../lib/conversations/validate';
import { createHistoryStore } from '../../../lib/history/store';
import { CONVERSATION_PREFIX, INDEX_PREFIX } from '../../../lib/storage/history-keys';
import { historyIO } from '../../../lib/storage/history-io';
import { currentConversationItem, readSettings, selectedModelItem } from '../../../lib/storage/items';

type Dump = Record<string, unknown>;
const FIXTURES = ['storage-0.1.0.json'];
const load = (name: string): Dump => JSON.parse(readFileSync(resolve('tests/fixtures', name), 'utf8'));

describe.each(FIXTURES)('opening %s', (name) => {
  let dump: Dump;
  const problems: string[] = [];
  const open = () => createHistoryStore(historyIO, (m) => problems.push(m));
  const conversations = () => Object.entries(dump).filter(([k]) => k.startsWith(CONVERSATION_PREFIX));
  const shards = () => Object.entries(dump).filter(([k]) => k.startsWith(INDEX_PREFIX));

  beforeEach(async () => {
    fakeBrowser.reset();
    problems.length = 0;
    dump = load(name);
    await fakeBrowser.storage.local.set(structuredClone(dump));
  });

  it('has what a release writes: settings, the remembered model, conversations, index, legacy array', () => {
    expect(Object.keys(dump)).toEqual(expect.arrayContaining(['settings', 'selectedModel', 'currentConversation', CONVERSATIONS_KEY]));
    expect(conversations().length).toBeGreaterThanOrEqual(2);
    expect(shards().length).toBeGreaterThanOrEqual(1);
  });

  it('keeps every setting, the selected model and the open conversation', async () => {
    expect(await readSettings()).toMatchObject(dump.settings as object);
    expect(await selectedModelItem.getValue()).toBe(dump.selectedModel);
    expect(await currentConversationItem.getValue()).toBe(dump.currentConversation);
  });

  it('reads every stored conversation exactly as it was written (validate keeps each field)', async () => {
    const store = open();
    for (const [key, stored] of conversations()) {
      expect(parseConversations([stored])).toEqual({ ok: true, conversations: [stored] });
      expect(await store.get(key.slice(CONVERSATION_PREFIX.length))).toEqual(stored);
    }
    expect(problems).toEqual([]);
  });

  it('lists the stored index unchanged, with the legacy array moved in and kept aside as it was', async () => {
    const store = open();
    const summaries = await store.summaries();
    for (const [, shard] of shards()) for (const s of shard as object[]) expect(summaries).toContainEqual(s);
    const legacy = dump[CONVERSATIONS_KEY] as Array<{ id: string }>;
    for (const c of legacy) expect(await store.get(c.id)).toEqual(c);
    const after = await fakeBrowser.storage.local.get(null);
    const backups = Object.entries(after).filter(([k]) => k.startsWith(`${CONVERSATIONS_KEY}_backup_`));
    expect(backups.map(([, v]) => v)).toEqual([legacy]);
    for (const [key, value] of conversations()) expect(after[key]).toEqual(value);
    expect(problems).toEqual([]);
  });
});
