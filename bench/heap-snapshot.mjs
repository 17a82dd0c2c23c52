// Where the heap of bench row 5a goes: streams the 20k-token markdown reply into the panel, then
// takes a heap snapshot (after a forced GC) and prints the self size by constructor, largest first.
// `node bench/heap-snapshot.mjs [--no-build] [--tokens N] [--top N] [--code] [--age] [--conversation N]`:
// --code names the functions and patterns that own machine code, --age runs 12 more GCs first,
// --conversation N does row 5b instead: an N-message conversation opened through History. Not part of npm test.
import { startSimulator } from '../tests/sim/server.mjs';
import { launch, SEL } from './lib/browser.mjs';
import { buildBench } from './lib/build.mjs';
import { heapUsedBytes } from './lib/heap.mjs';
import { installStreamProbe, takeStreamProbe } from './lib/probe.mjs';
import { conversations, layoutV2 } from './lib/seed.mjs';
import { markdownReply } from './lib/stream.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TOKENS = arg('--tokens', 20_000);
const TOP = arg('--top', 40);
const CONVERSATION = arg('--conversation', 0);

/**
 * Self size per constructor from a V8 heap snapshot.

 * @param {{ snapshot: { meta: { node_fields: string[], node_types: (string[] | string)[] } }, nodes: number[], strings: string[] }} snap
 */
export function byConstructor(snap, all = false) {
  const fields = snap.snapshot.meta.node_fields;
  const types = /** @type {string[]} */ (snap.snapshot.meta.node_types[0]);
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  /** @type {Map<string, { count: number, bytes: number }>} */
  const groups = new Map();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]];
    // Blink's own objects (type native) live outside the V8 heap that row 5a measures.
    if (type === 'native' && !all) continue;
    const raw = snap.strings[snap.nodes[i + nameAt]] ?? '';
    const name = type === 'object' || type === 'native' ? raw : type === 'code' || type === 'hidden' ? `(${type}) ${raw.slice(0, 40)}` : `(${type})`;
    const g = groups.get(name) ?? { count: 0, bytes: 0 };
    g.count++;
    g.bytes += snap.nodes[i + sizeAt];
    groups.set(name, g);
  }
  return [...groups].sort((a, b) => b[1].bytes - a[1].bytes);
}

/**
 * Machine code by the function it was compiled for: InstructionStream <- Code <- (function or regexp data).
 * @param {any} snap
 */
function codeOwners(snap) {
  const nf = snap.snapshot.meta.node_fields;
  const ef = snap.snapshot.meta.edge_fields;
  const W = nf.length;
  const EW = ef.length;
  const types = snap.snapshot.meta.node_types[0];
  const [T, N, S, EC] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f));
  const TO = ef.indexOf('to_node');
  const nodes = snap.nodes;
  const count = nodes.length / W;
  /** @type {Int32Array} */
  const firstEdge = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i] + nodes[i * W + EC] * EW;
  /** @type {Map<number, number[]>} */
  const parents = new Map();
  for (let i = 0; i < count; i++) {
    for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += EW) {
      const to = snap.edges[e + TO] / W;
      const list = parents.get(to);
      if (list) list.push(i);
      else parents.set(to, [i]);
    }
  }
  const name = (i) => `${types[nodes[i * W + T]]}:${snap.strings[nodes[i * W + N]]}`.slice(0, 70);
  /** @type {Map<string, number>} */
  const byOwner = new Map();
  for (let i = 0; i < count; i++) {
    if (!snap.strings[nodes[i * W + N]].includes('InstructionStream')) continue;
    const owners = (parents.get(i) ?? []).flatMap((p) => (parents.get(p) ?? []).map(name));
    let key = owners.find((o) => o.startsWith('closure:') || o.includes('RegExp')) ?? owners[0] ?? '?';
    if (key.includes('IrRegExpData')) {
      // Name the pattern: IrRegExpData <- RegExpDataWrapper? <- JSRegExp (type regexp, name = source).
      const data = (parents.get(i) ?? []).flatMap((p) => parents.get(p) ?? []);
      const up = data.flatMap((d) => [d, ...(parents.get(d) ?? []), ...(parents.get(d) ?? []).flatMap((x) => parents.get(x) ?? [])]);
      const re = up.find((n) => types[nodes[n * W + T]] === 'regexp');
      key = `regexp /${re === undefined ? '?' : snap.strings[nodes[re * W + N]].slice(0, 60)}/`;
    }
    byOwner.set(key, (byOwner.get(key) ?? 0) + nodes[i * W + S]);
  }
  const sorted = [...byOwner].sort((a, b) => b[1] - a[1]);
  for (const [k, v] of sorted.slice(0, 40)) console.log(`${(v / 1024).toFixed(0).padStart(7)} KB code  ${k}`);
}

/** @param {import('puppeteer').Page} page */
async function snapshot(page) {
  const cdp = await page.createCDPSession();
  let json = '';
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => (json += e.chunk));
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return JSON.parse(json);
}

/** Row 5b: what the panel holds once a long stored conversation is shown, as a user opens it. */
async function conversationSnapshot(/** @type {number} */ count) {
  const [conv] = conversations(1, count);
  if (!conv) throw new Error('no conversation generated');
  await session.writeStorage({ settings: { baseUrl: sim.url, defaultModel: 'llama3.2' }, ...layoutV2([conv]) });
  const page = await session.open('ours');
  await page.click('button[aria-label="History"]');
  await page.waitForSelector('.history-open');
  await page.click('.history-open');
  const last = String(conv.messages.at(-1)?.content ?? '').slice(0, 40);
  await page.waitForFunction((t) => [...document.querySelectorAll('[role="log"] article')].at(-1)?.textContent?.includes(t), { polling: 50 }, last);
  console.log(`heap with the conversation shown ${((await heapUsedBytes(page)) / 2 ** 20).toFixed(2)} MB`);
  report(await snapshot(page));
}

/** @param {any} snap */
function report(snap) {
  if (process.argv.includes('--code')) codeOwners(snap);
  const rows = byConstructor(snap);
  const total = rows.reduce((s, [, g]) => s + g.bytes, 0);
  console.log(`snapshot self sizes total ${(total / 2 ** 20).toFixed(2)} MB`);
  for (const [name, g] of rows.slice(0, TOP)) console.log(`${(g.bytes / 1024).toFixed(0).padStart(8)} KB ${String(g.count).padStart(8)}  ${name}`);
}

/** Row 5a: what the panel holds after the long markdown reply. */
async function replySnapshot() {
  await session.writeStorage({ settings: { baseUrl: sim.url, defaultModel: 'llama3.2' } });
  const { text, units } = markdownReply(TOKENS);
  sim.configure({ tokensPerSecond: 2_000, firstTokenDelayMs: 0, wholeLines: true, reply: () => text });
  await session.reset();
  const page = await session.open('ours');
  const before = await heapUsedBytes(page);
  await page.evaluate(installStreamProbe, units);
  await page.type(SEL.message, 'Benchmark');
  await page.click(SEL.send);
  await page.waitForFunction(() => /** @type {any} */ (window).__bench.doneAt > 0, { polling: 100, timeout: 120_000 });
  // The probe's own records are not the panel's: drop them as streamOnce does.
  await page.evaluate(takeStreamProbe);
  const heap = await heapUsedBytes(page);
  if (process.argv.includes('--age')) {
    // V8 flushes code that went unused through several full GCs: does the reply's code age out?
    const cdp = await page.createCDPSession();
    for (let i = 0; i < 12; i++) await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    console.log(`after 12 more GCs ${((await heapUsedBytes(page)) / 2 ** 20).toFixed(2)} MB`);
  }
  const snap = await snapshot(page);
  console.log(`heap used before ${(before / 2 ** 20).toFixed(2)} MB, after ${(heap / 2 ** 20).toFixed(2)} MB`);
  report(snap);
}

if (!process.argv.includes('--no-build')) await buildBench();
const sim = await startSimulator({ host: '127.0.0.1' });
const session = await launch();
try {
  if (CONVERSATION > 0) await conversationSnapshot(CONVERSATION);
  else await replySnapshot();
} finally {
  await session.close();
  await sim.close();
}
