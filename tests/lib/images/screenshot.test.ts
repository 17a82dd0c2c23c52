import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureTab } from '../../../lib/images/screenshot';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
type Api = { permissions: { request: unknown }; tabs: { captureVisibleTab: unknown } };
const api = fakeBrowser as unknown as Api;

describe('captureTab', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks for access first (inside the click), then captures the visible tab as PNG', async () => {
    const order: string[] = [];
    api.permissions.request = vi.fn(async () => {
      order.push('request');
      return true;
    });
    api.tabs.captureVisibleTab = vi.fn(async () => {
      order.push('capture');
      return PNG;
    });
    const blob = await captureTab();
    expect(order).toEqual(['request', 'capture']);
    expect(api.tabs.captureVisibleTab).toHaveBeenCalledWith({ format: 'png' });
    expect(blob.type).toBe('image/png');
  });

  it('says what is missing: the permission, or a page no extension may capture', async () => {
    api.permissions.request = vi.fn(async () => false);
    api.tabs.captureVisibleTab = vi.fn(async () => Promise.reject(new Error('Missing activeTab permission')));
    await expect(captureTab()).rejects.toThrow('A screenshot needs permission to read the page beside the panel: allow it when asked.');
    api.permissions.request = vi.fn(async () => true);
    api.tabs.captureVisibleTab = vi.fn(async () => Promise.reject(new Error('Cannot access a chrome:// URL')));
    await expect(captureTab()).rejects.toThrow(/^This page cannot be captured \(Cannot access a chrome:\/\/ URL\)/);
  });

  it('a request the browser throws on (Firefox, outside a gesture) does not stop a capture access already allows', async () => {
    api.permissions.request = vi.fn(async () => Promise.reject(new Error('permissions.request may only be called from a user input handler')));
    api.tabs.captureVisibleTab = vi.fn(async () => PNG);
    expect((await captureTab()).type).toBe('image/png');
    api.tabs.captureVisibleTab = vi.fn(async () => Promise.reject(new Error('Missing activeTab permission')));
    await expect(captureTab()).rejects.toThrow('A screenshot needs permission to read the page beside the panel: allow it when asked.');
  });
});
