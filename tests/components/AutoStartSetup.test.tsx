import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import AutoStartSetup from '../../components/AutoStartSetup';
import * as download from '../../components/download';
import * as target from '../../lib/autostart/target';
import { installI18n } from '../support/i18n';

const plan = (os: target.InstallerPlan['os']): target.InstallerPlan => ({
  os,
  target: { browser: 'chrome', extensionId: 'abcdefghijklmnopabcdefghijklmnop', version: '0.1.0' },
});

describe('Set up auto-start', () => {
  afterEach(cleanup);

  it('on Linux and macOS downloads the sh installer with the running id and shows the sh command, doctor and uninstall', async () => {
    vi.spyOn(target, 'installerPlan').mockResolvedValue(plan('posix'));
    const saved = vi.spyOn(download, 'downloadText').mockImplementation(() => {});
    render(<AutoStartSetup />);
    await screen.findByText('sh ~/Downloads/ollama-chat-setup.sh');
    expect(saved).toHaveBeenCalledTimes(1);
    const [name, text] = saved.mock.calls[0] ?? [];
    expect(name).toBe('ollama-chat-setup.sh');
    expect(text).toContain("EXTENSION_ID='abcdefghijklmnopabcdefghijklmnop'");
    expect(text).toContain('payload_host_sh()');
    expect(screen.getByText('sh ~/Downloads/ollama-chat-setup.sh doctor')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy command' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download again' }));
    await waitFor(() => expect(saved).toHaveBeenCalledTimes(2));
  });

  it('on Windows downloads the PowerShell installer and shows the PowerShell line', async () => {
    vi.spyOn(target, 'installerPlan').mockResolvedValue(plan('windows'));
    const saved = vi.spyOn(download, 'downloadText').mockImplementation(() => {});
    render(<AutoStartSetup />);
    await screen.findByText('powershell -ExecutionPolicy Bypass -File "$env:USERPROFILE\\Downloads\\ollama-chat-setup.ps1"');
    expect(saved.mock.calls[0]?.[0]).toBe('ollama-chat-setup.ps1');
    expect(saved.mock.calls[0]?.[1]).toContain("$ExtensionId = 'abcdefghijklmnopabcdefghijklmnop'");
    expect(screen.getByText(/Run it once in PowerShell/)).toBeTruthy();
  });

  it('on a system without a helper says so, and downloads nothing', async () => {
    vi.spyOn(target, 'installerPlan').mockResolvedValue(plan(null));
    const saved = vi.spyOn(download, 'downloadText').mockImplementation(() => {});
    render(<AutoStartSetup />);
    expect((await screen.findByRole('alert')).textContent).toContain('Auto-start is not available on this system');
    expect(saved).not.toHaveBeenCalled();
  });

  it('an id it cannot use is said, not downloaded', async () => {
    vi.spyOn(target, 'installerPlan').mockResolvedValue({ ...plan('posix'), target: { ...plan('posix').target, extensionId: "x'y" } });
    const saved = vi.spyOn(download, 'downloadText').mockImplementation(() => {});
    render(<AutoStartSetup />);
    expect((await screen.findByRole('alert')).textContent).toContain('The installer could not be made: Not an extension id');
    expect(saved).not.toHaveBeenCalled();
  });

  it('in Japanese, the check and remove commands stay code where the sentence puts them', async () => {
    installI18n(fakeBrowser, 'ja');
    try {
      vi.spyOn(target, 'installerPlan').mockResolvedValue(plan('posix'));
      vi.spyOn(download, 'downloadText').mockImplementation(() => {});
      const { container } = render(<AutoStartSetup />);
      await screen.findByText('sh ~/Downloads/ollama-chat-setup.sh');
      expect(screen.getByText(/ターミナルで一度実行してから/).textContent).toContain('ollama-chat-setup.sh をダウンロードしました。');
      const hint = container.querySelectorAll('p.hint')[1] as HTMLElement;
      expect([...hint.querySelectorAll('code')].map((c) => c.textContent)).toEqual([
        'sh ~/Downloads/ollama-chat-setup.sh doctor',
        'sh ~/Downloads/ollama-chat-setup.sh uninstall',
      ]);
      expect(hint.textContent).toBe('確認: sh ~/Downloads/ollama-chat-setup.sh doctor。削除: sh ~/Downloads/ollama-chat-setup.sh uninstall。 再ダウンロード');
      expect(screen.getByRole('button', { name: 'コマンドをコピー' })).toBeTruthy();
    } finally {
      installI18n(fakeBrowser);
    }
  });

  it('in English, the sentence around the commands is the one it always was', async () => {
    vi.spyOn(target, 'installerPlan').mockResolvedValue(plan('posix'));
    vi.spyOn(download, 'downloadText').mockImplementation(() => {});
    const { container } = render(<AutoStartSetup />);
    await screen.findByText('sh ~/Downloads/ollama-chat-setup.sh');
    const hints = [...container.querySelectorAll('p.hint')].map((p) => p.textContent);
    expect(hints).toEqual([
      'ollama-chat-setup.sh was downloaded. Run it once in a terminal (it needs no Node.js), then reopen Settings:',
      'Check it: sh ~/Downloads/ollama-chat-setup.sh doctor. Remove it: sh ~/Downloads/ollama-chat-setup.sh uninstall. Download again',
    ]);
  });
});
