import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { imageHandoff, type ImageMenuDeps } from '../../../lib/background/image-menu';
import type { Downscaled } from '../../../lib/images/protocol';
import { ResizeError } from '../../../lib/images/resize';
import { installI18n } from '../../support/i18n';

const small: Downscaled = { mime: 'image/jpeg', data: 'AAAA', width: 1568, height: 1176, originalWidth: 4000, originalHeight: 3000 };

function deps(response: () => Promise<Response> | Response): ImageMenuDeps & { asked: [string, RequestInit][] } {
  const asked: [string, RequestInit][] = [];
  return {
    asked,
    fetch: async (url, init) => {
      asked.push([url, init]);
      return response();
    },
    resize: async () => small,
  };
}
const jpeg = (headers: Record<string, string> = {}) => new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/jpeg', ...headers } });

describe('image from the context menu', () => {
  it('fetches without cookies, downscales, and hands over a chip named after the file', async () => {
    const d = deps(() => jpeg());
    const item = await imageHandoff('https://example.test/photos/llama%20one.jpg', d);
    expect(d.asked[0]?.[1]).toMatchObject({ credentials: 'omit' });
    expect(item).toMatchObject({
      kind: 'image',
      image: {
        kind: 'image',
        title: 'llama one.jpg',
        url: 'https://example.test/photos/llama%20one.jpg',
        width: 1568,
        note: 'downscaled from 4000×3000',
        data: 'AAAA',
      },
    });
  });

  it('a data: image keeps no address (it would be the whole image again)', async () => {
    const item = await imageHandoff(
      'data:image/png;base64,AAAA',
      deps(() => new Response(new Uint8Array([1]), { headers: { 'content-type': 'image/png' } })),
    );
    expect('image' in item && item.image).not.toHaveProperty('url');
    expect('image' in item && item.image.title).toBe('Image');
  });

  it('refuses what it must not or cannot fetch, saying why', async () => {
    const problem = async (url: string | undefined, d = deps(() => jpeg())) => {
      const item = await imageHandoff(url, d);
      return 'problem' in item ? item.problem : 'no problem';
    };
    expect(await problem('blob:https://example.test/1234')).toMatch(/^This image's address \(blob:\) belongs to the page/);
    expect(await problem('file:///home/me/a.png')).toMatch(/\(file:\) belongs to the page/);
    expect(await problem(undefined)).toMatch(/did not say which image/);
    expect(
      await problem(
        'https://example.test/a.jpg',
        deps(() => Promise.reject(new TypeError('Failed to fetch'))),
      ),
    ).toMatch(/example.test does not let extensions read this image/);
    expect(
      await problem(
        'https://example.test/a.jpg',
        deps(() => new Response('no', { status: 403 })),
      ),
    ).toMatch(/answered 403/);
    expect(
      await problem(
        'https://example.test/a.svg',
        deps(() => new Response('<svg/>', { headers: { 'content-type': 'image/svg+xml' } })),
      ),
    ).toMatch(/not a picture/);
    expect(
      await problem(
        'https://example.test/a.jpg',
        deps(() => jpeg({ 'content-length': String(100 * 1024 * 1024) })),
      ),
    ).toMatch(/too big to fetch \(100 MB/);
  });

  it('refuses an image still too big for the hand-over queue after downscaling', async () => {
    const d = { ...deps(() => jpeg()), resize: async () => ({ ...small, mime: 'image/png', data: 'A'.repeat(5 * 1024 * 1024) }) };
    const item = await imageHandoff('https://example.test/a.png', d);
    expect('problem' in item && item.problem).toMatch(/still too big after downscaling/);
  });

  it('says so when the image cannot be decoded', async () => {
    const d = { ...deps(() => jpeg()), resize: () => Promise.reject(new Error('This file could not be read as an image.')) };
    const item = await imageHandoff('https://example.test/a.jpg', d);
    expect('problem' in item && item.problem).toBe('The image could not be used: This file could not be read as an image.');
  });
});

describe('image from the context menu, in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('the reasons come from the catalog, sizes written for the language, a resize problem worded here', async () => {
    installI18n(fakeBrowser, 'de');
    const tooBig = await imageHandoff(
      'https://example.test/a.jpg',
      deps(() => jpeg({ 'content-length': String(45 * 1024 * 1024) })),
    );
    expect('problem' in tooBig && tooBig.problem).toBe('Dieses Bild ist zu groß zum Abrufen (45 MB; höchstens 40 MB).');
    const status = await imageHandoff(
      'https://example.test/a.jpg',
      deps(() => new Response('', { status: 404 })),
    );
    expect('problem' in status && status.problem).toBe(
      'Das Bild konnte nicht abgerufen werden: example.test antwortete mit 404. Speichern Sie das Bild und verwenden Sie „Bild anhängen“, oder erstellen Sie einen Screenshot.',
    );
    const d = { ...deps(() => jpeg()), resize: () => Promise.reject(new ResizeError({ code: 'too-large', width: 12_000, height: 9000 })) };
    const broken = await imageHandoff('https://example.test/a.jpg', d);
    expect('problem' in broken && broken.problem).toBe(
      'Das Bild konnte nicht verwendet werden: Dieses Bild ist zu groß, um es zu verwenden (12000 × 9000 Pixel).',
    );
  });

  it('in English, a resize problem reads as before', async () => {
    const d = { ...deps(() => jpeg()), resize: () => Promise.reject(new ResizeError({ code: 'unreadable' })) };
    const item = await imageHandoff('https://example.test/a.jpg', d);
    expect('problem' in item && item.problem).toBe('The image could not be used: This file could not be read as an image (use a JPEG, PNG, WebP or GIF).');
  });
});
