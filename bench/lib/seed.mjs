// Stored conversations for the cold-open case, in the shape the history issue will store under
// storage.local `ollama_chat_conversations`: {id,title,model,messages:[{role,content,timestamp}],
// created_at,updated_at}. Deterministic, so every run opens the same bytes.

export const HISTORY_KEY = 'ollama_chat_conversations';

const WORDS = [
  'the',
  'llama',
  'answers',
  'quickly',
  'while',
  'a',
  'model',
  'loads',
  'in',
  'memory',
  'and',
  'tokens',
  'stream',
  'café',
  '你好',
  'naïve',
  'over',
  'local',
  'network',
  'requests',
];

/** @param {number} seed @param {number} count */
function words(seed, count) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(WORDS[(seed * 7 + i * 13 + ((i * i) % 5)) % WORDS.length]);
  return out.join(' ');
}

/**
 * User turns about 80 characters, replies about 450: a modest chat, so that 1,000 of them stay
 * inside storage.local's 10 MB quota (which real, longer replies would not: see the report).
 * Conversation c starts at `start` + c × `stepMs` (an import refuses dates more than a day ahead,
 * so many conversations need a short step or an early start).
 * @param {number} count
 * @param {number} messagesEach
 * @param {{ start?: number, stepMs?: number }} [time]
 */
export function conversations(count, messagesEach, { start = Date.UTC(2026, 0, 1), stepMs = 3_600_000 } = {}) {
  return Array.from({ length: count }, (_, c) => {
    const created = start + c * stepMs;
    const messages = Array.from({ length: messagesEach }, (_, m) => ({
      role: m % 2 === 0 ? 'user' : 'assistant',
      content: words(c + m, m % 2 === 0 ? 14 : 75),
      timestamp: new Date(created + m * 30_000).toISOString(),
    }));
    return {
      id: `conv-${c.toString(36)}`,
      title: words(c, 5),
      model: 'llama3.2:latest',
      messages,
      created_at: new Date(created).toISOString(),
      updated_at: new Date(created + messagesEach * 30_000).toISOString(),
    };
  });
}

/**
 * The same conversations in the extension's storage layout v2 (lib/storage/history-io.ts): a key
 * per conversation and the index, newest first.
 * @param {ReturnType<typeof conversations>} list
 */
export function layoutV2(list) {
  const newestFirst = [...list].sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at));
  /** @type {Record<string, unknown[]>} */
  const shards = Object.fromEntries(Array.from({ length: 16 }, (_, n) => [`ollama_chat_index:${n}`, []]));
  for (const c of newestFirst) {
    const summary = { id: c.id, title: c.title, model: c.model, created_at: c.created_at, updated_at: c.updated_at, messageCount: c.messages.length };
    shards[`ollama_chat_index:${shardOf(c.id)}`]?.push(summary);
  }
  return { ...shards, ...Object.fromEntries(list.map((c) => [`ollama_chat_conversation:${c.id}`, c])) };
}

/** lib/history/summary.ts shardOf, repeated here because the bench is plain Node without a TS loader. */
/** @param {string} id */
function shardOf(id) {
  // FNV-1a: a multiply by 31 mod 16 mixes too little for ids that differ in a few digits.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % 16;
}
