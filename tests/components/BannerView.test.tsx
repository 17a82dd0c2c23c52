import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BannerView } from '../../components/BannerView';
import { createBannerModel } from '../../components/state/banner';
import { installI18n } from '../support/i18n';

describe('BannerView', () => {
  afterEach(cleanup);

  it('shows the actions the banner carries; Copy command copies and says Copied; the others go to act', async () => {
    const writeText = vi.fn(async (_: string) => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const banner = createBannerModel(() => ({ helper: 'missing', local: true, replyRetryable: false }));
    const act = vi.fn();
    banner.error('Ollama refused this extension (403 Forbidden).', 'status', 'forbidden');
    render(<BannerView banner={banner} act={act} />);
    const copy = await screen.findByRole('button', { name: 'Copy command' });
    fireEvent.click(copy);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith('OLLAMA_ORIGINS=chrome-extension://*,moz-extension://* ollama serve');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(act).toHaveBeenCalledWith({ kind: 'retry', what: 'check' });
  });

  it('a clipboard that refuses says so on the button', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new Error('denied')) } });
    const banner = createBannerModel(() => ({ helper: 'missing', local: true, replyRetryable: false }));
    banner.error('down', 'status', 'refused');
    render(<BannerView banner={banner} act={() => {}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy command' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copy failed' })).toBeTruthy());
  });

  it('an info banner has only its text and Dismiss', () => {
    const banner = createBannerModel();
    banner.info('Connection to Ollama lost. Attempting to reconnect...', 'recovery');
    render(<BannerView banner={banner} act={() => {}} />);
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual(['Dismiss']);
  });

  it('in German, its buttons say what they do in German', async () => {
    installI18n(fakeBrowser, 'de');
    try {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: vi.fn(async () => {}) } });
      const banner = createBannerModel(() => ({ helper: 'missing', local: true, replyRetryable: false }));
      banner.error('down', 'status', 'forbidden');
      render(<BannerView banner={banner} act={() => {}} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Befehl kopieren' }));
      await waitFor(() => expect(screen.getByRole('button', { name: 'Kopiert' })).toBeTruthy());
      expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Schließen' })).toBeTruthy();
    } finally {
      installI18n(fakeBrowser);
    }
  });
});
