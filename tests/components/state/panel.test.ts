import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PortLike } from '../../../components/state/link';
import { createPanel } from '../../../components/state/panel';
import type { PanelMessage } from '../../../lib/protocol';

/** A background that never answers history/get and whose Port can drop (the worker stopped). */
function silentBackground() {
  const received: PanelMessage[] = [];
  const drops: (() => void)[] = [];
  const port: PortLike = {
    postMessage: (m) => void received.push(m as PanelMessage),
    disconnect: () => {},
    onMessage: { addListener: () => {} },
    onDisconnect: { addListener: (cb) => void drops.push(cb) },
  };
  return {
    connect: () => port,
    received,
    drop: () => {
      for (const d of drops) d();
    },
  };
}

describe('panel requests over the Port', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a conversation request settles with a shown error when the Port drops, instead of hanging', async () => {
    const bg = silentBackground();
    const panel = createPanel(bg.connect);
    const pending = panel.fetchConversation('conv-1-aaaaaaaaa');
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(bg.received.some((m) => m.type === 'history/get')).toBe(true);
    expect(settled).toBe(false);
    bg.drop();
    expect(await pending).toBeNull();
    expect(panel.banner.current.value).toMatchObject({ kind: 'error', text: expect.stringMatching(/restarted before it answered/) });
    panel.dispose();
  });
});
