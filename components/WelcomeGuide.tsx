/** The first-run guide, one step at a time: get Ollama answering, allow this extension, get a model, chat. */
import { t } from '../lib/i18n';
import { formatBytes } from '../lib/pull-progress';
import { CopyCommand } from './CopyCommand';
import { SLOT, SlottedText } from './SlottedText';
import { type BannerAction, INSTALL_COMMAND, ORIGINS_COMMAND, PULL_COMMAND, SERVE_COMMAND } from './state/banner-actions';
import type { ModelsModel } from './state/models';
import type { WelcomeStep } from './state/welcome';
import { WelcomePull } from './WelcomePull';

export interface WelcomeProps {
  step: WelcomeStep;
  act(action: BannerAction): void;
  /** Sends an example prompt as the user's message. */
  ask(text: string): void;
  /** Pulls from the "no models" step (absent: only the command is shown). */
  models?: Pick<ModelsModel, 'pulls' | 'pull' | 'cancel' | 'notice'>;
}

/** Sent as the user's own message, so in the user's language (the model answers in it). */
export const examplePrompts = () => [t('welcome_guide_example_rainbow'), t('welcome_guide_example_haiku'), t('welcome_guide_example_dinner')];

/** The macOS app reads its environment from launchd, not from a shell. */
const LAUNCHCTL_COMMAND = 'launchctl setenv OLLAMA_ORIGINS "chrome-extension://*,moz-extension://*"';

function Command({ command }: { command: string }) {
  return (
    <div class="command">
      <code class="command-text">{command}</code>
      <CopyCommand command={command} />
    </div>
  );
}

export function WelcomeGuide({ step, act, ask, models }: WelcomeProps) {
  const check = (
    <button type="button" class="action" onClick={() => act({ kind: 'retry', what: 'check' })}>
      {t('welcome_guide_check_again')}
    </button>
  );
  if (step.kind === 'ready')
    return (
      <div class="welcome-prompts">
        <p class="hint">{t('welcome_guide_try')}</p>
        {examplePrompts().map((p) => (
          <button key={p} type="button" class="action" onClick={() => ask(p)}>
            {p}
          </button>
        ))}
      </div>
    );
  if (step.kind === 'down' && step.host)
    return (
      <div class="welcome-guide">
        <h2>{t('welcome_guide_remote_down', step.host)}</h2>
        <p>{t('welcome_guide_remote_start')}</p>
        {check}
      </div>
    );
  if (step.kind === 'down')
    return (
      <div class="welcome-guide">
        <h2>{t('welcome_guide_start_heading')}</h2>
        <p>{t('welcome_guide_in_terminal')}</p>
        <Command command={SERVE_COMMAND} />
        {step.helper === 'installed' && (
          <p>
            {t('welcome_guide_let_start')}{' '}
            <button type="button" class="action" onClick={() => act({ kind: 'start' })}>
              {t('welcome_guide_start_button')}
            </button>
          </p>
        )}
        {step.helper === 'missing' && (
          <>
            <p>{t('welcome_guide_install_helper')}</p>
            <Command command={INSTALL_COMMAND} />
          </>
        )}
        <p>
          <SlottedText
            text={t('welcome_guide_get_ollama', SLOT)}
            parts={[
              <a key="get" href="https://ollama.com/download" target="_blank" rel="noopener noreferrer">
                ollama.com
              </a>,
            ]}
          />
        </p>
        {check}
      </div>
    );
  if (step.kind === 'forbidden')
    return (
      <div class="welcome-guide">
        <h2>{t('welcome_guide_forbidden_heading')}</h2>
        <p>{t('welcome_guide_forbidden_text')}</p>
        <Command command={ORIGINS_COMMAND} />
        <p>{t('welcome_guide_macos', LAUNCHCTL_COMMAND)}</p>
        {check}
      </div>
    );
  if (step.kind === 'no-models')
    return (
      <div class="welcome-guide">
        <h2>{t('welcome_guide_models_heading')}</h2>
        <p>{t('welcome_guide_models_text', formatBytes(1_300_000_000))}</p>
        <Command command={PULL_COMMAND} />
        {models && <WelcomePull models={models} />}
        {check}
      </div>
    );
  return (
    <div class="welcome-guide">
      <p>{t('welcome_guide_error')}</p>
      {check}
    </div>
  );
}
