/**
 * Images for vision models: files attached, pasted or dropped and screenshots become image chips,
 * each downscaled off the panel thread first (lib/images/downscale.ts). Whether the selected model
 * can see comes from /api/show's `capabilities` (model/facts); when it cannot, `vision` says so and
 * names the installed models that can.
 */
import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import { toImageAttachment } from '../../lib/images/attachment';
import type { Downscaled } from '../../lib/images/protocol';
import type { ModelInfo } from '../../lib/protocol';
import type { AttachmentsModel } from './attachments';
import { t } from '../../lib/i18n';

/** The selected model lacks "vision" while images are attached. */
export interface VisionProblem {
  model: string;
  /** Installed models whose /api/show lists "vision". */
  offers: string[];
}

export interface ImagesModel {
  /** Images being read and resized. */
  readonly pending: ReadonlySignal<number>;
  readonly error: ReadonlySignal<string | null>;
  readonly vision: ReadonlySignal<VisionProblem | null>;
  /** Adds the image files among `files`; returns how many were images (the rest are someone else's). */
  addFiles(files: Iterable<File>): number;
  add(blob: Blob, title: string, url?: string): Promise<void>;
  /** What /api/show said a model can do (model/facts). */
  facts(model: string, capabilities: readonly string[]): void;
  /** Picks `name` in the model picker (a vision model offered by `vision`). */
  useModel(name: string): void;
  /** Shows why an image could not be had (a screenshot refused). */
  fail(message: string): void;
  clearError(): void;
  dispose(): void;
}

export interface ImagesDeps {
  attachments: AttachmentsModel;
  selected: ReadonlySignal<string | null>;
  installed: ReadonlySignal<readonly ModelInfo[]>;
  askFacts(model: string): void;
  select(name: string): void;
  downscale(blob: Blob): Promise<Downscaled>;
}

export function createImages(deps: ImagesDeps): ImagesModel {
  const pending = signal(0);
  const error = signal<string | null>(null);
  const capabilities = signal<Readonly<Record<string, readonly string[]>>>({});
  const asked = new Set<string>();
  const hasImage = computed(() => deps.attachments.chips.value.some((c) => c.attachment.kind === 'image'));
  // Asked once per model, and only once an image is attached: most chats never need it.
  const stopAsking = effect(() => {
    if (!hasImage.value) return;
    for (const name of [deps.selected.value ?? '', ...deps.installed.value.map((m) => m.name)]) {
      if (!name || asked.has(name)) continue;
      asked.add(name);
      deps.askFacts(name);
    }
  });
  const vision = computed<VisionProblem | null>(() => {
    const model = deps.selected.value ?? '';
    const known = capabilities.value;
    const caps = known[model];
    // No capabilities at all: Ollama could not be asked, which is not a reason to warn.
    if (!hasImage.value || !model || !caps?.length || caps.includes('vision')) return null;
    return { model, offers: deps.installed.value.map((m) => m.name).filter((n) => known[n]?.includes('vision')) };
  });
  const add = async (blob: Blob, title: string, url?: string) => {
    pending.value++;
    try {
      deps.attachments.add(toImageAttachment(await deps.downscale(blob), title, url));
      error.value = null;
    } catch (e) {
      error.value = t('images_state_error', title, e instanceof Error ? e.message : String(e));
    } finally {
      pending.value--;
    }
  };
  return {
    pending,
    error,
    vision,
    add,
    addFiles(files) {
      let n = 0;
      for (const f of files) {
        if (!f.type.startsWith('image/')) continue;
        n++;
        void add(f, f.name || t('images_state_pasted'));
      }
      return n;
    },
    facts(model, caps) {
      capabilities.value = { ...capabilities.peek(), [model]: caps };
    },
    useModel: (name) => deps.select(name),
    fail(message) {
      error.value = message;
    },
    clearError() {
      error.value = null;
    },
    dispose: stopAsking,
  };
}

/** Image files of a paste or drop; through `items` too, as some clipboards fill only those. */
function imageFiles(data: DataTransfer | null | undefined): File[] {
  if (!data) return [];
  const files = data.files.length ? [...data.files] : [...data.items].flatMap((i) => (i.kind === 'file' ? [i.getAsFile()].filter((f) => f !== null) : []));
  return files.filter((f) => f.type.startsWith('image/'));
}

/**
 * The composer's paste and drop handlers: image files become chips; anything else (pasted text, a
 * dropped PDF) is left to the browser and to the other tools, but no dropped file may replace the panel.
 */
export function imageInput(images: Pick<ImagesModel, 'addFiles'>) {
  return {
    onPaste(e: ClipboardEvent) {
      const files = imageFiles(e.clipboardData);
      if (!files.length) return;
      e.preventDefault();
      images.addFiles(files);
    },
    onDragOver(e: DragEvent) {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    },
    onDrop(e: DragEvent) {
      // Any dropped file: left alone, the browser would open it in place of the panel.
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
      const files = imageFiles(e.dataTransfer);
      if (files.length) images.addFiles(files);
    },
  };
}
