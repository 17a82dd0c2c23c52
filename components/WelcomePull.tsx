/** The welcome's "no models" step: pull a suggested small model from here, with its progress. */
import { PullProgressView } from './PullProgressView';
import type { ModelsModel } from './state/models';

/** Small enough for any machine that runs Ollama (about 1.3 GB); the same as the guide's command. */
export const SUGGESTED_MODEL = 'llama3.2:1b';

export function WelcomePull({ models }: { models: Pick<ModelsModel, 'pulls' | 'pull' | 'cancel' | 'notice'> }) {
  const pull = models.pulls.value.find((p) => p.name === SUGGESTED_MODEL);
  const notice = models.notice.value;
  if (pull) return <PullProgressView pull={pull} onCancel={() => models.cancel(SUGGESTED_MODEL)} />;
  return (
    <>
      <p>
        <button type="button" class="action" onClick={() => models.pull(SUGGESTED_MODEL)}>
          Pull model
        </button>{' '}
        {SUGGESTED_MODEL} here; it keeps downloading if you close the panel.
      </p>
      {notice?.kind === 'error' && (
        <p class="notice notice-error" role="alert">
          {notice.text}
        </p>
      )}
    </>
  );
}
