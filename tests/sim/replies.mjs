// @ts-check
// The text the simulated model "generates", and how it is cut into tokens.
// Everything here is deterministic so that tests can assert the exact text a panel shows.

/** @typedef {{ role: string, content: string }} ChatMessage */

// Non-ASCII comes first so that even short replies contain 4-byte emoji (one with a skin-tone
// modifier: two code points, 8 bytes) and 3-byte CJK, which random byte splits land inside.
// `<`, `>` and `&` make the Go-style \u003c escaping show up on the wire.
const FILLER = [
  ' 🦙',
  ' 你好世界',
  ' 👍🏽',
  ' café',
  ' x<y',
  ' &',
  ' y>x',
  ' naïve',
  ' Grüße',
  ' こんにちは',
  ' 🚀',
  ' the',
  ' quick',
  ' brown',
  ' fox',
  ' jumps',
  ' over',
  ' a',
  ' lazy',
  ' dog.',
];

/**
 * Splits text into non-empty tokens: words with their leading whitespace; trailing whitespace
 * joins the last token. The tokens concatenate to exactly `text`.
 * @param {string} text
 * @returns {string[]}
 */
export function splitTokens(text) {
  const words = text.match(/\s*\S+/gu);
  if (!words) return text === '' ? [] : [text];
  const used = words.reduce((n, w) => n + w.length, 0);
  if (used < text.length) words[words.length - 1] += text.slice(used);
  return words;
}

/**
 * @param {ChatMessage[]} messages
 * @returns {string}
 */
function lastUserContent(messages) {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m && m.role === 'user') return typeof m.content === 'string' ? m.content : '';
  }
  return '';
}

/**
 * The default generated reply: `Echo: <last user message>` then filler words until the reply has
 * `tokens` tokens (the echo is never cut, so a long message can make it longer). The filler holds
 * emoji and CJK from its second word on.
 * @param {ChatMessage[]} messages
 * @param {number} tokens
 * @returns {string}
 */
export function defaultReply(messages, tokens) {
  let text = `Echo: ${lastUserContent(messages)}`;
  const missing = tokens - splitTokens(text).length;
  for (let i = 0; i < missing; i++) text += FILLER[i % FILLER.length];
  return text;
}

/**
 * What a thinking-capable model "thinks" before answering (streamed as message.thinking).
 * @param {ChatMessage[]} messages
 * @returns {string}
 */
export function defaultThinking(messages) {
  const last = lastUserContent(messages).slice(0, 40);
  return `Okay, the user wrote "${last}". I will echo it back 🤔 and add some filler.`;
}
