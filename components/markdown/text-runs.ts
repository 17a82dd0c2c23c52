/**
 * Long answers are kept as runs of text nodes of about RUN characters, never as one giant node.
 * Chromium's line breaker does work proportional to a text node's whole length for every line it
 * breaks inside it, so one 80 KB paragraph node made each frame's layout quadratic (bench: 36
 * long tasks over a 20k-token reply, up to 600 ms of layout per frame; 1 with runs). Line breaks
 * and shaping are computed over the paragraph's whole text, not per node, so runs render exactly
 * like one node as long as no cut falls inside a character or a cluster: we only cut next to
 * whitespace or before a CJK character, neither of which ever continues a cluster.
 */

/** Characters per text node before a new one is started. */
export const RUN = 1024;

const SPACE = /\s/;
/** Characters that always start a cluster of their own: whitespace, kana, CJK ideographs, Hangul. */
const STARTS = /[\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/;

/** May a new text node start at `at` in `text`? */
function cuttable(text: string, at: number): boolean {
  return at > 0 && at < text.length && (SPACE.test(text.charAt(at - 1)) || STARTS.test(text.charAt(at)));
}

/** The cut nearest after `from` in `text`, or -1 if there is none. */
function nextCut(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (cuttable(text, i)) return i;
  return -1;
}

/** Appends `text` to `target`'s last text node, or starts a new node once that one is a full run. */
export function appendRun(target: Node, text: string): void {
  if (!text) return;
  const tail = target.lastChild;
  const node = tail?.nodeType === 3 ? (tail as Text) : null;
  // Only the boundary between the two is looked at: the check costs the same however long the node.
  const boundary = node ? node.data.slice(-1) + text.charAt(0) : '';
  if (node && (node.length < RUN || !cuttable(boundary, 1))) node.appendData(text);
  else target.appendChild((target.ownerDocument as Document).createTextNode(text));
  // A chunk this big is rare (a hidden page's batch): cutting it is paid for by its own length.
  if (text.length > 2 * RUN) splitLong(target.lastChild as Text);
}

/** Cuts one text node into runs (nothing happens to a short one). */
export function splitLong(node: Text): void {
  let rest = node;
  while (rest.length > 2 * RUN) {
    const at = nextCut(rest.data, RUN);
    if (at < 0 || at >= rest.length) return;
    rest = rest.splitText(at);
  }
}

/** Cuts every long text node under `root` into runs, e.g. a freshly rendered block. */
export function splitLongTexts(root: Node): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const long: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).length > 2 * RUN) long.push(n as Text);
  for (const n of long) splitLong(n);
}
