/** The Models view in German: its names, facts and progress come from the catalog and Intl. */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ModelsView } from '../../components/ModelsView';
import { createModelsModel } from '../../components/state/models';
import { installI18n } from '../support/i18n';

const spaced = (s: string | null | undefined) => (s ?? '').replace(/\s/g, ' ');

describe('ModelsView in German', () => {
  beforeEach(() => installI18n(fakeBrowser, 'de'));
  afterEach(() => {
    cleanup();
    installI18n(fakeBrowser);
  });

  it('names its controls, lists a model’s facts and its pull in German', async () => {
    const models = createModelsModel({ send: vi.fn(), recheck: vi.fn() });
    models.events['models/list']({
      type: 'models/list',
      installed: [
        {
          name: 'llama3.2:latest',
          size: 2_019_393_189,
          family: 'llama',
          parameterSize: '3.2B',
          quantization: 'Q4_K_M',
          contextLength: 131072,
          capabilities: ['completion', 'tools'],
        },
      ],
      loaded: [{ name: 'llama3.2:latest', size: 2_019_393_189, sizeVram: 2_019_393_189, expiresAt: '2318-01-01T00:00:00Z' }],
    });
    render(<ModelsView models={models} />);
    expect(screen.getByRole('region', { name: 'Modelle' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Modell zum Herunterladen' }).getAttribute('placeholder')).toBe('z. B. llama3.2:1b');
    expect(screen.getByRole('button', { name: 'Modell herunterladen' })).toBeTruthy();
    const item = screen.getByRole('listitem', { name: 'llama3.2:latest' });
    expect(spaced(item.textContent)).toContain('2,0 GB · llama · 3.2B · Q4_K_M · Kontext 131.072');
    expect(item.textContent).toContain('Fähigkeiten: completion, tools');
    expect(spaced(item.textContent)).toContain('Im Speicher (2,0 GB auf der GPU) bis zum Entladen');
    expect(screen.getByRole('button', { name: 'llama3.2:latest entladen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'llama3.2:latest löschen' }).textContent).toBe('Löschen…');

    models.events['models/progress']({
      type: 'models/progress',
      pull: {
        name: 'llama3.2:1b',
        status: 'pulling 74701a8c35f6',
        layers: [{ digest: 'sha256:74701a8c35f6aaaa', total: 1_000_000_000, completed: 250_000_000 }],
        completed: 250_000_000,
        total: 1_000_000_000,
        bytesPerSecond: 50_000_000,
        etaSeconds: 65,
      },
    });
    const pull = await screen.findByRole('region', { name: 'Download von llama3.2:1b' });
    expect(spaced(pull.textContent)).toContain('250 MB von 1,0 GB (25 %) · 50 MB/s · noch 1 Min. 05 Sek.');
    expect(screen.getByRole('button', { name: 'Download von llama3.2:1b abbrechen' }).textContent).toBe('Abbrechen');
  });
});
