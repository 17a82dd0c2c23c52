// The replies the streaming cases send, token by token, and how their progress is counted on a page.
import { splitTokens } from '../../tests/sim/server.mjs';

const SENTENCE = ' The quick brown fox jumps over a lazy dog, 🦙 café 你好.';

/**
 * @typedef {object} Reply
 * @property {string} text
 * @property {string[]} tokens
 * @property {'chars' | 'letters'} units  what the page probe counts (see probe.mjs)
 * @property {(kind: import('./browser.mjs').Kind) => Float64Array} ends  per token, the units a page
 *   shows once that token is visible
 */

/** @param {string} text @param {number} count */
function exactly(text, count) {
  const tokens = splitTokens(text);
  if (tokens.length !== count) throw new Error(`reply has ${tokens.length} tokens, wanted ${count}`);
  return tokens;
}

/** @param {string[]} tokens @param {(t: string) => number} size */
function cumulative(tokens, size) {
  const ends = new Float64Array(tokens.length);
  let n = 0;
  for (const [i, t] of tokens.entries()) {
    n += size(t);
    ends[i] = n;
  }
  return ends;
}

/**
 * A reply of exactly `count` tokens with no blank lines: one paragraph that only grows. Not what a
 * model writes, but the worst case for layout, the same in both pages; progress is its length.
 * @param {number} count
 * @returns {Reply}
 */
export function paragraphReply(count) {
  const words = splitTokens(SENTENCE);
  const text = Array.from({ length: count }, (_, i) => words[i % words.length]).join('');
  const tokens = exactly(text, count);
  const ends = cumulative(tokens, (t) => t.length);
  return { text, tokens, units: 'chars', ends: () => ends };
}

const LETTERS = /[\p{L}\p{N}]/gu;
const LETTER = /[\p{L}\p{N}]/u;
const letters = (/** @type {string} */ s) => s.match(LETTERS)?.length ?? 0;
const FENCE_LINE = /^\s*(```|~~~)/;

/** Section `n` of a model-like answer: heading, prose with inline markup, a list, code, a table, a quote. */
function section(/** @type {number} */ n) {
  const fn = `step${n}`;
  const code =
    n % 2 === 0
      ? `\`\`\`ts\nexport function ${fn}(items: number[], limit = ${n}): number {\n  let total = 0;\n  for (const item of items) {\n    if (item > limit) total += item * 2; // weigh the large ones\n    else total += item;\n  }\n  return total;\n}\n\`\`\``
      : `\`\`\`python\ndef ${fn}(items, limit=${n}):\n    """Sum the items, weighing the large ones twice."""\n    return sum(i * 2 if i > limit else i for i in items)\n\`\`\``;
  return `## Step ${n}: handling the ${n % 3 === 0 ? 'edge cases' : 'main path'}

The function \`${fn}\` walks the list once, so its cost is **linear** in the input. We keep a running
total and compare each item with the *limit*, which defaults to ${n}. The quick brown fox jumps over
a lazy dog, 🦙 café 你好. This keeps memory constant and makes the behaviour easy to test.

- Read the items in order, one pass
- Weigh an item twice when it is above the limit
- Return the total, never \`null\`

${code}

| Input | Limit | Result |
| --- | --- | ---: |
| [1, 2, 3] | ${n} | ${6 + n} |
| [10, 20] | ${n} | ${60 + n} |

> Note: step ${n} assumes the items are numbers; validate them first.

`;
}

/**
 * A markdown answer with code of exactly `count` tokens (issue 6's benchmark reply): sections of
 * headings, prose, lists, fenced code in two languages, tables and quotes, then plain words to
 * the exact count. Markup characters do not show as text, so progress is counted in letters and
 * digits; a fence's language name shows only as the code block's label, which the probe skips.
 * @param {number} count
 * @returns {Reply}
 */
export function markdownReply(count) {
  let text = '';
  let used = 0;
  for (let n = 1; ; n++) {
    const next = section(n);
    const size = splitTokens(next).length;
    if (used + size > count - 40) break;
    text += next;
    used += size;
  }
  text += 'In short';
  const words = ['the', 'work', 'is', 'linear', 'and', 'safe.'];
  for (let i = splitTokens(text).length; i < count; i++) text += ` ${words[i % words.length]}`;
  const tokens = exactly(text, count);
  const raw = cumulative(tokens, letters);
  // Letters in the fence lines (```ts) belong to the label, not the text, in the rendered page.
  let atLineStart = true;
  let line = '';
  const rendered = cumulative(tokens, (t) => {
    let shown = 0;
    for (const ch of t) {
      if (atLineStart) line = '';
      line += ch;
      atLineStart = ch === '\n';
      if (LETTER.test(ch) && !FENCE_LINE.test(line)) shown++;
    }
    return shown;
  });
  return { text, tokens, units: 'letters', ends: (kind) => (kind === 'baseline' ? raw : rendered) };
}
