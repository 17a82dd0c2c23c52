/**
 * A pull's progress from Ollama's /api/pull lines: bytes per layer and overall, the speed over
 * the last few seconds, and the time left at that speed. Pure: time comes in with each line.
 */
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

/** "1.3 GB", "512 KB": decimal units, as Ollama's own CLI prints sizes. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** "42%" of a pull, floor so that 100% means done. */
export const percent = (completed: number, total: number) => (total > 0 ? Math.floor((completed * 100) / total) : 0);

/** "1m 05s", "12s". */
export function formatEta(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
