/** The first-run guide, one step at a time: get Ollama answering, allow this extension, get a model, chat. */
import { CopyCommand } from './CopyCommand';
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

export const EXAMPLE_PROMPTS = [
  'Explain how a rainbow forms, in three sentences.',
  'Write a haiku about the sea.',
  'Give me three ideas for a quick vegetarian dinner.',
];

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
      Check again
    </button>
  );
  if (step.kind === 'ready')
    return (
      <div class="welcome-prompts">
        <p class="hint">Or try one of these:</p>
        {EXAMPLE_PROMPTS.map((p) => (
          <button key={p} type="button" class="action" onClick={() => ask(p)}>
            {p}
          </button>
        ))}
      </div>
    );
  if (step.kind === 'down' && step.host)
    return (
      <div class="welcome-guide">
        <h2>Ollama at {step.host} is not answering</h2>
        <p>Only that machine can start it. Start Ollama there, or change the URL in Settings.</p>
        {check}
      </div>
    );
  if (step.kind === 'down')
    return (
      <div class="welcome-guide">
        <h2>First, start Ollama</h2>
        <p>In a terminal, run:</p>
        <Command command={SERVE_COMMAND} />
        {step.helper === 'installed' && (
          <p>
            Or let Ollama Chat start it:{' '}
            <button type="button" class="action" onClick={() => act({ kind: 'start' })}>
              Start Ollama
            </button>
          </p>
        )}
        {step.helper === 'missing' && (
          <>
            <p>To have Ollama Chat start it for you, install its helper once, from the Ollama Chat folder:</p>
            <Command command={INSTALL_COMMAND} />
          </>
        )}
        <p>
          No Ollama yet? Get it at{' '}
          <a href="https://ollama.com/download" target="_blank" rel="noopener noreferrer">
            ollama.com
          </a>
          .
        </p>
        {check}
      </div>
    );
  if (step.kind === 'forbidden')
    return (
      <div class="welcome-guide">
        <h2>Let Ollama answer this extension</h2>
        <p>Ollama only answers browser extensions it is told to trust. Stop it, then start it with:</p>
        <Command command={ORIGINS_COMMAND} />
        <p>The macOS app: run launchctl setenv OLLAMA_ORIGINS "chrome-extension://*,moz-extension://*" and restart it.</p>
        {check}
      </div>
    );
  if (step.kind === 'no-models')
    return (
      <div class="welcome-guide">
        <h2>Get a model</h2>
        <p>Ollama is running but has no model yet. Download a small one (about 1.3 GB):</p>
        <Command command={PULL_COMMAND} />
        {models && <WelcomePull models={models} />}
        {check}
      </div>
    );
  return (
    <div class="welcome-guide">
      <p>Ollama answers, but with an error: the message above says which.</p>
      {check}
    </div>
  );
}
