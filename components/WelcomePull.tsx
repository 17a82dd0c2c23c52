/** The welcome's "no models" step: pull a suggested small model from here, with its progress. */
import { t } from '../lib/i18n';
import { PullProgressView } from './PullProgressView';
import { SLOT, SlottedText } from './SlottedText';
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
        <SlottedText
          text={t('welcome_pull_offer', SLOT, SUGGESTED_MODEL)}
          parts={[
            <button key="pull" type="button" class="action" onClick={() => models.pull(SUGGESTED_MODEL)}>
              {t('welcome_pull_button')}
            </button>,
          ]}
        />
      </p>
      {notice?.kind === 'error' && (
        <p class="notice notice-error" role="alert">
          {notice.text}
        </p>
      )}
    </>
  );
}
