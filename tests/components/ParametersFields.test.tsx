/** The Context length hints: the general field says it is capped per model (lib/chat/context-cap.ts). */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ParametersFields } from '../../components/ParametersFields';
import { createPromptSettings } from '../../components/state/prompt-settings';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { installI18n } from '../support/i18n';

function hints(selected: string | null, max?: number) {
  const prompts = createPromptSettings({ askFacts: () => {}, read: async () => DEFAULT_SETTINGS, write: async () => {} });
  if (max) prompts.facts('llama3.2', max);
  prompts.pickOverrideModel('llama3.2');
  const { container } = render(<ParametersFields model={prompts} installed={['llama3.2']} selected={selected} />);
  const hint = (id: string) => container.querySelector(`#${id}-hint`)?.textContent;
  return { general: hint('param-default-num_ctx'), perModel: hint('param-model-num_ctx') };
}

describe('ParametersFields: the Context length hints', () => {
  afterEach(() => {
    cleanup();
    installI18n(fakeBrowser);
  });

  it('the general field is capped at each model’s maximum; a model’s own field shows its maximum', () => {
    expect(hints(null)).toEqual({ general: "tokens, at least 256; capped at each model's maximum", perModel: 'tokens, at least 256' });
    cleanup();
    expect(hints('llama3.2', 8192)).toEqual({ general: "max 8192 for llama3.2; capped at each model's maximum", perModel: 'max 8192' });
  });

  it('come from the catalog (German)', () => {
    installI18n(fakeBrowser, 'de');
    expect(hints('llama3.2', 8192)).toEqual({ general: 'max. 8192 für llama3.2; begrenzt auf das Maximum des jeweiligen Modells', perModel: 'max. 8192' });
    cleanup();
    expect(hints(null).general).toBe('Token, mindestens 256; begrenzt auf das Maximum des jeweiligen Modells');
  });
});
