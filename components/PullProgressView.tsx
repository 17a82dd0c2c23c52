/** One pull's progress: overall and per layer (bytes, %, speed, time left), and its Cancel. */
import { formatBytes, formatEta, percent } from '../lib/pull-progress';
import type { PullProgress } from '../lib/protocol-models';

export function PullProgressView({ pull, onCancel }: { pull: PullProgress; onCancel(): void }) {
  const pct = percent(pull.completed, pull.total);
  const facts = [
    pull.total > 0 ? `${formatBytes(pull.completed)} of ${formatBytes(pull.total)} (${pct}%)` : null,
    pull.bytesPerSecond ? `${formatBytes(pull.bytesPerSecond)}/s` : null,
    pull.etaSeconds !== undefined && pull.completed < pull.total ? `${formatEta(pull.etaSeconds)} left` : null,
  ].filter(Boolean);
  return (
    <section class="pull" aria-label={`Pull of ${pull.name}`}>
      <p class="pull-head">
        <strong>{pull.name}</strong>: {pull.status}
      </p>
      <progress aria-label={`${pull.name} overall`} max={Math.max(1, pull.total)} value={pull.completed} />
      <p class="pull-facts">{facts.join(' · ')}</p>
      {pull.layers.length > 0 && (
        <ul class="pull-layers" aria-label="Layers">
          {pull.layers.map((l) => (
            <li key={l.digest}>
              {l.digest.replace(/^sha256:/, '').slice(0, 12)}: {formatBytes(l.completed)} of {formatBytes(l.total)} ({percent(l.completed, l.total)}%)
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="action" aria-label={`Cancel pull of ${pull.name}`} onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
