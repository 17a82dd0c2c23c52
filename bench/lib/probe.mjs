// Code that runs inside the measured page (puppeteer sends each function's source, so each is
// self-contained). Both pages use the same selectors, so one probe serves both.
/* global window, document, performance, MutationObserver, PerformanceObserver, requestAnimationFrame, HTMLElement, NodeFilter, Node */

/**
 * Records, for the first assistant message, each moment its visible text grew (one stamp per
 * MutationObserver callback, i.e. right after the task that changed the DOM) with the text length
 * then, and every long task. Lengths are kept per Text node, so a callback costs O(nodes changed),
 * never O(text so far): a probe that re-read textContent would itself make long replies quadratic.
 * `units`: 'chars' counts text length; 'letters' counts letters and digits, skipping our code
 * blocks' label bar, for markdown, whose markup never shows as text.
 * Long animation frames (LoAF, > 50 ms) are recorded beside long tasks: a frame's style, layout
 * and paint count there, and a long task never sees them when no script ran in the same task.
 * @param {'chars' | 'letters'} units
 */
export function installStreamProbe(units = 'chars') {
  const now = () => performance.timeOrigin + performance.now();
  const b = {
    times: /** @type {number[]} */ ([]),
    lens: /** @type {number[]} */ ([]),
    longTasks: /** @type {number[][]} */ ([]),
    longFrames: /** @type {number[][]} */ ([]),
    total: 0,
    doneAt: 0,
    status: '',
    stop: () => {},
  };
  const LETTERS = /[\p{L}\p{N}]/gu;
  /** @param {Text} t */
  const size = (t) => {
    if (units === 'chars') return t.data.length;
    if (t.parentElement?.closest('.md-code-bar')) return 0;
    return t.data.match(LETTERS)?.length ?? 0;
  };
  /** @type {any} */ (window).__bench = b;
  /** @type {WeakMap<Node, number>} */
  const counted = new WeakMap();
  /** @param {Node} n @param {number} sign */
  const visit = (n, sign) => {
    if (n.nodeType === Node.TEXT_NODE) {
      const was = counted.get(n) ?? 0;
      const is = sign > 0 ? size(/** @type {Text} */ (n)) : 0;
      b.total += is - was;
      if (sign > 0) counted.set(n, is);
      else counted.delete(n);
      return;
    }
    const walker = document.createTreeWalker(n, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) visit(t, sign);
  };
  const stamp = (/** @type {number} */ before) => {
    if (b.total === before) return;
    b.times.push(now());
    b.lens.push(b.total);
  };
  const text = new MutationObserver((records) => {
    const before = b.total;
    for (const r of records) {
      if (r.type === 'characterData') visit(r.target, 1);
      else {
        for (const n of r.removedNodes) visit(n, -1);
        for (const n of r.addedNodes) visit(n, 1);
      }
    }
    stamp(before);
  });
  /** @type {HTMLElement | null} */
  let article = null;
  const status = new MutationObserver(() => {
    const s = article?.getAttribute('data-status');
    if (s && s !== 'streaming' && !b.doneAt) {
      b.doneAt = now();
      b.status = s;
    }
  });
  const log = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (!(n instanceof HTMLElement) || !n.matches('article[aria-label="Assistant"]')) continue;
        article = n;
        const box = n.querySelector(':scope > .text');
        if (!box) throw new Error('assistant message has no .text');
        text.observe(box, { childList: true, subtree: true, characterData: true });
        status.observe(n, { attributes: true, attributeFilter: ['data-status'] });
        visit(box, 1);
        stamp(0);
        log.disconnect();
        return;
      }
    }
  });
  const root = document.querySelector('[role="log"]');
  if (!root) throw new Error('no [role=log] message container');
  log.observe(root, { childList: true });
  const tasks = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push([performance.timeOrigin + e.startTime, e.duration]);
  });
  tasks.observe({ type: 'longtask', buffered: true });
  const frames = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longFrames.push([performance.timeOrigin + e.startTime, e.duration]);
  });
  frames.observe({ type: 'long-animation-frame', buffered: true });
  b.stop = () => {
    for (const o of [text, status, log, tasks, frames]) o.disconnect();
  };
}

/** Hands the records to Node and drops them, so that a heap measured next is the page's own. */
export function takeStreamProbe() {
  const w = /** @type {any} */ (window);
  const b = w.__bench;
  b.stop();
  w.__bench = undefined;
  return { times: b.times, lens: b.lens, longTasks: b.longTasks, longFrames: b.longFrames, doneAt: b.doneAt, status: b.status, total: b.total };
}

/**
 * Installed before the page's own scripts: when does the page become usable (its input enabled,
 * and/or a history item painted), and when is the frame after that presented. Times are
 * performance.now(), i.e. ms since the navigation that opened the page started.
 * @param {{ input: boolean, historyItem: string | null }} wait
 */
export function installOpenProbe(wait) {
  const b = { usableAt: 0, paintedAt: 0 };
  /** @type {any} */ (window).__benchOpen = b;
  const check = () => {
    if (b.usableAt) return;
    if (wait.input) {
      const input = /** @type {HTMLTextAreaElement | null} */ (document.querySelector('textarea[aria-label="Message"]'));
      if (!input || input.disabled || input.readOnly) return;
    }
    if (wait.historyItem && !document.querySelector(wait.historyItem)) return;
    b.usableAt = performance.now();
    mo.disconnect();
    // rAF runs just before the frame is produced; a task queued from it runs once it is out.
    requestAnimationFrame(() => setTimeout(() => (b.paintedAt = performance.now()), 0));
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'readonly'] });
}

/**
 * Installed before the panel's scripts, for the import case: when a file is picked (the file
 * input's change event), each progress text and when it showed, when the import's notice
 * appeared, when the list's count reached `expected`, and every long task and long animation frame.
 * @param {number} expected  conversations the list must count at the end
 */
export function installImportProbe(expected) {
  const now = () => performance.timeOrigin + performance.now();
  const b = {
    pickedAt: 0,
    doneAt: 0,
    listedAt: 0,
    notice: '',
    progress: /** @type {[number, string][]} */ ([]),
    longTasks: /** @type {number[][]} */ ([]),
    longFrames: /** @type {number[][]} */ ([]),
  };
  /** @type {any} */ (window).__benchImport = b;
  document.addEventListener('change', () => (b.pickedAt ||= now()), true);
  const placeholder = `Search ${expected} conversations`;
  const mo = new MutationObserver(() => {
    if (!b.pickedAt) return;
    const p = document.querySelector('.import-progress span')?.textContent;
    if (p && p !== b.progress.at(-1)?.[1]) b.progress.push([now(), p]);
    const n = document.querySelector('.history .notice')?.textContent ?? '';
    if (!b.doneAt && n.startsWith('Import') && !document.querySelector('.import-progress')) {
      b.doneAt = now();
      b.notice = n;
    }
    if (!b.listedAt && document.querySelector('input[type="search"]')?.getAttribute('placeholder') === placeholder) b.listedAt = now();
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder'] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push([performance.timeOrigin + e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longFrames.push([performance.timeOrigin + e.startTime, e.duration]);
  }).observe({ type: 'long-animation-frame', buffered: true });
}
