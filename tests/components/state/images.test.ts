import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createAttachments } from '../../../components/state/attachments';
import { createImages, imageInput } from '../../../components/state/images';
import type { Downscaled } from '../../../lib/images/protocol';
import type { ModelInfo } from '../../../lib/protocol';

const small: Downscaled = { mime: 'image/jpeg', data: 'AAAA', width: 1568, height: 1176, originalWidth: 4000, originalHeight: 3000 };

function setup(downscale: (b: Blob) => Promise<Downscaled> = async () => small) {
  const attachments = createAttachments();
  const selected = signal<string | null>('llama3.2:latest');
  const installed = signal<readonly ModelInfo[]>([{ name: 'llama3.2:latest' }, { name: 'gemma3:4b' }, { name: 'llava:7b' }]);
  const asked: string[] = [];
  const images = createImages({ attachments, selected, installed, askFacts: (m) => asked.push(m), select: (n) => (selected.value = n), downscale });
  return { attachments, selected, installed, asked, images };
}

const file = (name: string, type: string) => new File([new Uint8Array([1, 2, 3])], name, { type });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('images model', () => {
  it('adds image files as downscaled chips and leaves other files alone', async () => {
    const { attachments, images } = setup();
    expect(images.addFiles([file('a.jpg', 'image/jpeg'), file('paper.pdf', 'application/pdf')])).toBe(1);
    await settle();
    expect(attachments.chips.value.map((c) => c.attachment)).toEqual([
      { kind: 'image', title: 'a.jpg', mime: 'image/jpeg', width: 1568, height: 1176, note: 'downscaled from 4000×3000', data: 'AAAA' },
    ]);
    expect(images.pending.value).toBe(0);
  });

  it('says why an image could not be used, keeping the chips', async () => {
    const { attachments, images } = setup(() => Promise.reject(new Error('This file could not be read as an image.')));
    images.addFiles([file('broken.png', 'image/png')]);
    await settle();
    expect(images.error.value).toBe('broken.png: This file could not be read as an image.');
    expect(attachments.chips.value).toEqual([]);
  });

  it('asks what each model can do only once an image is attached, once per model', async () => {
    const { asked, images } = setup();
    expect(asked).toEqual([]);
    images.addFiles([file('a.jpg', 'image/jpeg')]);
    await settle();
    images.addFiles([file('b.jpg', 'image/jpeg')]);
    await settle();
    expect(asked).toEqual(['llama3.2:latest', 'gemma3:4b', 'llava:7b']);
  });

  it('explains a model without vision and offers the installed ones with it; switching clears it', async () => {
    const { selected, images } = setup();
    images.addFiles([file('a.jpg', 'image/jpeg')]);
    await settle();
    images.facts('gemma3:4b', ['completion', 'vision']);
    expect(images.vision.value).toBeNull(); // the selected model's capabilities are not known yet
    images.facts('llama3.2:latest', ['completion', 'tools']);
    images.facts('llava:7b', ['completion', 'vision']);
    expect(images.vision.value).toEqual({ model: 'llama3.2:latest', offers: ['gemma3:4b', 'llava:7b'] });
    images.useModel('llava:7b');
    expect(selected.value).toBe('llava:7b');
    expect(images.vision.value).toBeNull();
  });

  it('does not warn when Ollama could not say (no capabilities), nor without images', async () => {
    const { attachments, images } = setup();
    images.facts('llama3.2:latest', []);
    images.addFiles([file('a.jpg', 'image/jpeg')]);
    await settle();
    expect(images.vision.value).toBeNull();
    images.facts('llama3.2:latest', ['completion']);
    expect(images.vision.value?.model).toBe('llama3.2:latest');
    attachments.take();
    expect(images.vision.value).toBeNull();
  });
});

describe('paste and drop', () => {
  const event = (files: File[]) => {
    let prevented = false;
    const data = { files, items: [], types: files.length ? ['Files'] : [] } as unknown as DataTransfer;
    return { e: { clipboardData: data, dataTransfer: data, preventDefault: () => (prevented = true) }, prevented: () => prevented };
  };

  it('takes image files and leaves pasted text or a dropped PDF to the other tools', () => {
    const taken: File[][] = [];
    const handlers = imageInput({ addFiles: (f) => taken.push([...f]) && 0 });
    const pasted = event([file('shot.png', 'image/png')]);
    handlers.onPaste(pasted.e as unknown as ClipboardEvent);
    expect(pasted.prevented()).toBe(true);
    const text = event([]);
    handlers.onPaste(text.e as unknown as ClipboardEvent);
    expect(text.prevented()).toBe(false);
    // A dropped PDF is not taken, but not opened in place of the panel either.
    const pdf = event([file('paper.pdf', 'application/pdf')]);
    handlers.onDrop(pdf.e as unknown as DragEvent);
    expect(pdf.prevented()).toBe(true);
    expect(taken.map((l) => l.map((f) => f.name))).toEqual([['shot.png']]);
  });
});
