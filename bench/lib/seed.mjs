// Stored conversations for the cold-open case, in the shape the history issue will store under
// storage.local `ollama_chat_conversations`: {id,title,model,messages:[{role,content,timestamp}],
// created_at,updated_at}. Deterministic, so every run opens the same bytes.

export const HISTORY_KEY = 'ollama_chat_conversations';

const WORDS = ['the', 'llama', 'answers', 'quickly', 'while', 'a', 'model', 'loads', 'in', 'memory', 'and', 'tokens', 'stream', 'café', '你好', 'naïve', 'over', 'local', 'network', 'requests'];

/** @param {number} seed @param {number} count */
function words(seed, count) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(WORDS[(seed * 7 + i * 13 + ((i * i) % 5)) % WORDS.length]);
  return out.join(' ');
}

/**
 * User turns about 80 characters, replies about 450: a modest chat, so that 1,000 of them stay
 * inside storage.local's 10 MB quota (which real, longer replies would not: see the report).
 * @param {number} count
 * @param {number} messagesEach
 */
export function conversations(count, messagesEach) {
  const base = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, c) => {
    const created = base + c * 3_600_000;
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
