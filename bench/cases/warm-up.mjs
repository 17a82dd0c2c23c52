// A short reply on each page before measuring: the first page of a fresh browser pays for
// compiling and caching the extension's code, which no later open pays again.
import { paragraphReply, streamOnce } from '../lib/stream.mjs';

/**
 * @param {import('../lib/browser.mjs').Session} session
 * @param {import('../../tests/sim/server.mjs').Simulator} sim
 */
export async function warmUp(session, sim) {
  const reply = paragraphReply(200);
  for (const kind of /** @type {const} */ (['baseline', 'ours'])) await streamOnce(session, sim, kind, { ...reply, tokensPerSecond: 2000 });
}
