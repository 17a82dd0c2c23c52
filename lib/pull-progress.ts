/**
 * A pull's progress from Ollama's /api/pull lines: bytes per layer and overall, the speed over
 * the last few seconds, and the time left at that speed. Pure: time comes in with each line.
 */
import { cachedFormat, t } from './i18n';
import type { LayerProgress, PullProgress } from './protocol-models';

/** One /api/pull line as ollama/browser yields it (digest/total/completed only on layer lines). */
export interface PullLine {
  status: string;
  digest?: string;
  total?: number;
  completed?: number;
}

/** Speed is measured over this window: long enough to smooth bursts, short enough to follow changes. */
export const SPEED_WINDOW_MS = 5_000;

export interface PullTracker {
  /** Takes a line seen at `atMs`; returns the progress after it. */
  add(line: PullLine, atMs: number): PullProgress;
  current(): PullProgress;
}

export function createPullTracker(name: string): PullTracker {
  const layers = new Map<string, LayerProgress>();
  let status = 'pulling manifest';
  // (time, bytes fetched so far overall): bytes that were already there when a resumed pull
  // reports a layer count as no speed, since only differences between samples are used.
  let samples: { at: number; bytes: number }[] = [];

  const totals = () => {
    let completed = 0;
    let total = 0;
    for (const l of layers.values()) {
      completed += l.completed;
      total += l.total;
    }
    return { completed, total };
  };

  const current = (): PullProgress => {
    const { completed, total } = totals();
    const progress: PullProgress = { name, status, layers: [...layers.values()].map((l) => ({ ...l })), completed, total };
    const first = samples[0];
    const last = samples.at(-1);
    if (first && last && last.at > first.at) {
      const speed = ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
      progress.bytesPerSecond = Math.max(0, Math.round(speed));
      if (speed > 0) progress.etaSeconds = Math.ceil(Math.max(0, total - completed) / speed);
    }
    return progress;
  };

  return {
    add(line, atMs) {
      status = line.status;
      if (line.digest && typeof line.total === 'number') {
        const before = layers.get(line.digest);
        const completed = Math.min(line.total, Math.max(0, line.completed ?? 0));
        layers.set(line.digest, { digest: line.digest, total: line.total, completed });
        const bytes = totals().completed;
        // A layer seen for the first time brings what it already had: measure from there.
        if (!before) samples = samples.map((s) => ({ ...s, bytes: s.bytes + completed }));
        samples.push({ at: atMs, bytes });
        samples = samples.filter((s) => s.at >= atMs - SPEED_WINDOW_MS);
      }
      return current();
    },
    current,
  };
}

// Intl names MB, GB and TB the way each language does (1,3 Go in French). Bytes and kilobytes
// come from the messages: Intl's English says "byte" and "kB", where we have always said B and KB.
const LARGE = ['megabyte', 'gigabyte', 'terabyte'] as const;

const plain = (digits: number) =>
  cachedFormat(`pull-number-${digits}`, (l) => new Intl.NumberFormat(l, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }));

/** "1.3 GB", "512 KB": decimal units, as Ollama's own CLI prints sizes, in the UI language. */
export function formatBytes(n: number): string {
  let v = n;
  let i = 0;
  while (v >= 1000 && i < LARGE.length + 1) {
    v /= 1000;
    i++;
  }
  const digits = i > 0 && v < 10 ? 1 : 0;
  if (i === 0) return t('pull_progress_bytes', plain(0).format(v));
  if (i === 1) return t('pull_progress_kilobytes', plain(digits).format(v));
  const unit = LARGE[i - 2] ?? 'terabyte';
  return cachedFormat(
    `pull-${unit}-${digits}`,
    (l) => new Intl.NumberFormat(l, { style: 'unit', unit, minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }),
  ).format(v);
}

/** "50 MB/s". */
export const formatSpeed = (bytesPerSecond: number) => t('pull_progress_speed', formatBytes(bytesPerSecond));

/** "42%" of a pull, floor so that 100% means done. */
export const percent = (completed: number, total: number) => (total > 0 ? Math.floor((completed * 100) / total) : 0);

/** percent() as the language writes it ("42%", "42 %"). */
export const formatPercent = (completed: number, total: number) =>
  cachedFormat('pull-percent', (l) => new Intl.NumberFormat(l, { style: 'percent' })).format(percent(completed, total) / 100);

/** "1m 05s", "12s". */
export function formatEta(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return t('pull_progress_eta_seconds', s);
  const m = Math.floor(s / 60);
  // Two digits for the smaller unit, as a clock does; the padded text is passed as is.
  if (m < 60) return t('pull_progress_eta_minutes', m, String(s % 60).padStart(2, '0'));
  return t('pull_progress_eta_hours', Math.floor(m / 60), String(m % 60).padStart(2, '0'));
}
