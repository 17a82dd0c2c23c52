import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentChips } from '../../components/AttachmentChips';
import { PageToggle } from '../../components/PageToggle';
import { createAttachments } from '../../components/state/attachments';
import type { PageTabs } from '../../lib/page/tabs';

function tabs(url: string): PageTabs {
  return {
    current: async () => ({ id: 1, url, title: 'Llamas' }),
    extract: async () => ({ title: 'Llamas', url, markdown: '# Llamas\n\nThey hum.', source: 'readability' }),
    follow: () => () => {},
    hasAccess: async () => true,
    requestAccess: async () => true,
  };
}

function mount(url: string) {
  const attachments = createAttachments();
  return render(
    <form class="composer">
      <AttachmentChips attachments={attachments} />
      <PageToggle attachments={attachments} tabs={tabs(url)} />
    </form>,
  );
}

describe('PageToggle', () => {
  afterEach(cleanup);

  it('is a toggle button named "Chat with this page" that attaches the page as a chip with a way to remove it', async () => {
    const { getByRole, container } = mount('https://ex.org/llamas');
    const toggle = getByRole('button', { name: 'Chat with this page' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(container.querySelector('.context-page')).not.toBeNull());
    expect(container.querySelector('.context-host')?.textContent).toBe('ex.org');
    fireEvent.click(getByRole('button', { name: 'Remove Llamas' }));
    expect(container.querySelector('.context-page')).toBeNull();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('says why a page cannot be read, next to the toggle, in a polite live region', async () => {
    const { getByRole, container } = mount('chrome://settings');
    fireEvent.click(getByRole('button', { name: 'Chat with this page' }));
    await waitFor(() => expect(container.querySelector('.page-notice')?.textContent).toMatch(/browser page/));
    expect(container.querySelector('.page-notice')?.getAttribute('aria-live')).toBe('polite');
    expect(container.querySelector('.context-page')).toBeNull();
  });
});
