/** One pull's progress: overall and per layer (bytes, %, speed, time left), and its Cancel. */
import { t } from '../lib/i18n';
import type { PullProgress } from '../lib/protocol-models';
import { formatBytes, formatEta, formatPercent, formatSpeed } from '../lib/pull-progress';

const share = (completed: number, total: number) => t('pull_progress_view_of', formatBytes(completed), formatBytes(total), formatPercent(completed, total));

export function PullProgressView({ pull, onCancel }: { pull: PullProgress; onCancel(): void }) {
  const facts = [
    pull.total > 0 ? share(pull.completed, pull.total) : null,
    pull.bytesPerSecond ? formatSpeed(pull.bytesPerSecond) : null,
    pull.etaSeconds !== undefined && pull.completed < pull.total ? t('pull_progress_view_left', formatEta(pull.etaSeconds)) : null,
  ].filter(Boolean);
  return (
    <section class="pull" aria-label={t('pull_progress_view_label', pull.name)}>
      <p class="pull-head">
        <strong>{pull.name}</strong>: {pull.status}
      </p>
      <progress aria-label={t('pull_progress_view_overall', pull.name)} max={Math.max(1, pull.total)} value={pull.completed} />
      <p class="pull-facts">{facts.join(' · ')}</p>
      {pull.layers.length > 0 && (
        <ul class="pull-layers" aria-label={t('pull_progress_view_layers')}>
          {pull.layers.map((l) => (
            <li key={l.digest}>
              {l.digest.replace(/^sha256:/, '').slice(0, 12)}: {share(l.completed, l.total)}
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="action" aria-label={t('pull_progress_view_cancel_named', pull.name)} onClick={onCancel}>
        {t('pull_progress_view_cancel')}
      </button>
    </section>
  );
}
