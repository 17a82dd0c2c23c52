/**
 * Markdown a renderer cannot turn into markup. Exported messages are model output (a prompt
 * injection can put `<img onerror=…>` there) and may be opened in any Markdown viewer, most of
 * which pass raw HTML through. So every `<` becomes `&lt;` (which still reads as `<`), except
 * inside code, where a renderer shows it as text anyway and `&lt;` would show literally; and
 * images become links.
 *
 * What is code is decided fail-closed, by CommonMark's rules: a `<` is kept only when every way a
 * renderer could read the lines so far puts it in code. A fence opened with 1–3 spaces may be
 * top-level or inside a list item whose indent we do not track, so each possible reading is
 * followed; inline code is trusted only on a line that cannot belong to a table row (no `|`) and
 * whose paragraph has no backtick left open on an earlier line (a span may cross lines there).
 */

/** A fenced code block a renderer may be inside. */
interface OpenFence {
  ch: '`' | '~';
  len: number;
  /** Indentation of the opening line: a closing line so indented closes it in every reading. */
  indent: number;
  /** A closing fence may be indented this much (3, or 3 more than the list item's content). */
  closeMax: number;
  /** A non-blank line indented less ends the list item the fence is in, and so the fence. */
  endBelow: number;
}

/** One way of reading the document so far: outside any fence (null), or inside one. */
type Reading = OpenFence | null;
type LineRole = 'blank' | 'text' | 'fence' | 'code';

const OPENER = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Columns of leading whitespace, tabs to the next multiple of 4 as CommonMark counts them. */
function indentOf(line: string): number {
  let col = 0;
  for (const c of line) {
    if (c === ' ') col++;
    else if (c === '\t') col += 4 - (col % 4);
    else break;
  }
  return col;
}

const isBlank = (line: string) => /^[ \t]*$/.test(line);

function opener(line: string): Omit<OpenFence, 'closeMax' | 'endBelow'> | null {
  const m = OPENER.exec(line);
  if (!m) return null;
  const marker = m[2] ?? '';
  const ch = marker[0] === '`' ? '`' : '~';
  // A backtick fence's info string cannot contain a backtick (then it is inline code instead).
  if (ch === '`' && (m[3] ?? '').includes('`')) return null;
  return { ch, len: marker.length, indent: (m[1] ?? '').length };
}

function closes(line: string, f: OpenFence): boolean {
  const m = /^[ \t]*(`+|~+)[ \t]*$/.exec(line);
  return !!m && m[1]?.[0] === f.ch && (m[1]?.length ?? 0) >= f.len && indentOf(line) <= f.closeMax;
}

/** The readings after `line`, and what the line is in this one. */
function advance(r: Reading, line: string): { next: Reading[]; role: LineRole } {
  if (r) {
    if (isBlank(line)) return { next: [r], role: 'code' };
    if (indentOf(line) < r.endBelow) return advance(null, line);
    return closes(line, r) ? { next: [null], role: 'fence' } : { next: [r], role: 'code' };
  }
  if (isBlank(line)) return { next: [null], role: 'blank' };
  const o = opener(line);
  if (!o) return { next: [null], role: 'text' };
  // Top level, or inside a list item whose content starts at any column up to the fence's.
  const next: Reading[] = [{ ...o, closeMax: 3, endBelow: 0 }];
  for (let c = 1; c <= o.indent; c++) next.push({ ...o, closeMax: c + 3, endBelow: c });
  return { next, role: 'fence' };
}

const key = (r: Reading) => (r ? `${r.ch}${r.len}/${r.indent}/${r.closeMax}/${r.endBelow}` : 'out');

/**
 * `<` and an escaped `\<` become `&lt;`; the `!` of an image becomes `&#33;`, leaving a link that
 * loads nothing until clicked (the panel never loads an image unasked either). Other backslash
 * pairs are kept whole.
 */
const inert = (m: string) => (m === '<' || m === '\\<' ? '&lt;' : m === '!' ? '&#33;' : m);
const escapeAll = (s: string) => s.replace(/\\[\s\S]|<|!(?=\[)/g, inert);

/** Finds, for a position and a length, the next run of exactly that many backticks on a line. */
function backtickRuns(line: string): (from: number, len: number) => number | undefined {
  const starts = new Map<number, number[]>();
  for (const m of line.matchAll(/`+/g)) {
    const list = starts.get(m[0].length) ?? [];
    list.push(m.index);
    starts.set(m[0].length, list);
  }
  return (from, len) => {
    const list = starts.get(len) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] ?? 0) < from) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  };
}

/**
 * Escapes outside the line's code spans: a run of n backticks up to the next run of exactly n
 * (backslashes are literal in between, so `\`` can close a span but never open one). `open`
 * says a run found no closer on this line.
 */
function escapeOutsideSpans(line: string): { text: string; open: boolean } {
  const closerAt = backtickRuns(line);
  let text = '';
  let open = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '\\') {
      text += escapeAll(line.slice(i, i + 2));
      i += 2;
    } else if (c === '`') {
      let n = 0;
      while (line[i + n] === '`') n++;
      const end = closerAt(i + n, n);
      if (end === undefined) open = true;
      const stop = end === undefined ? i + n : end + n;
      text += line.slice(i, stop);
      i = stop;
    } else {
      text += c === '<' || (c === '!' && line[i + 1] === '[') ? inert(c) : c;
      i++;
    }
  }
  return { text, open };
}

export interface InertMarkdown {
  /** Markdown from a message: escaped as above. */
  untrusted(md: string): void;
  /** Our own lines (headings, <details>): kept as they are, but followed like the rest. */
  trusted(md: string): void;
  /** Closes a fence left open (a reply cut off mid-block), when every reading agrees it is open. */
  closeFence(): void;
  text(): string;
}

export function inertMarkdown(): InertMarkdown {
  const out: string[] = [];
  let readings: Reading[] = [null];
  // The paragraph may hold a backtick run that a later line's run could close.
  let spanOpen = false;
  // Our own raw HTML line starts an HTML block, which runs to the next blank line: a message line
  // inside it would be passed through as HTML, so one is never put there.
  let inHtml = false;

  function feed(line: string, trusted: boolean): void {
    if (inHtml && !trusted && !isBlank(line)) feed('', true);
    inHtml = trusted ? (inHtml || /^ {0,3}</.test(line)) && !isBlank(line) : false;
    const outside = readings.length === 1 && readings[0] === null;
    const steps = readings.map((r) => advance(r, line));
    const roles = steps.map((s) => s.role);
    const seen = new Map<string, Reading>();
    for (const r of steps.flatMap((s) => s.next)) seen.set(key(r), r);
    readings = [...seen.values()];
    const settled = readings.length === 1 && readings[0] === null;

    if (trusted || roles.every((r) => r === 'code' || r === 'blank')) out.push(line);
    else if (outside && roles[0] === 'text' && !spanOpen && !line.includes('|')) {
      const r = escapeOutsideSpans(line);
      out.push(r.text);
      spanOpen = r.open;
    } else out.push(escapeAll(line));

    // A new paragraph starts after a blank line or a fence closed in every reading; until then,
    // uncertainty (several readings, a `|` row with backticks) keeps inline code untrusted.
    if (!outside || !settled || (line.includes('|') && line.includes('`'))) spanOpen = true;
    if (settled && (roles.every((r) => r === 'blank') || (!outside && roles.every((r) => r === 'fence')))) spanOpen = false;
  }

  return {
    untrusted(md) {
      for (const line of md.replace(/\r\n?/g, '\n').split('\n')) feed(line, false);
    },
    trusted(md) {
      for (const line of md.split('\n')) feed(line, true);
    },
    closeFence() {
      const first = readings[0];
      if (!first || !readings.every((r) => r && r.ch === first.ch && r.len === first.len && r.indent === first.indent)) return;
      // Indented like its opener, a closing line closes the fence whichever reading is right.
      feed(`${' '.repeat(first.indent)}${first.ch.repeat(first.len)}`, true);
    },
    text: () => out.join('\n'),
  };
}
