import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { resizeProblemText } from '../../../lib/images/resize-problems';
import { installI18n } from '../../support/i18n';

describe('resize problems, worded outside the worker', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('keeps the English texts the worker used to throw', () => {
    expect(resizeProblemText({ code: 'unreadable' })).toBe('This file could not be read as an image (use a JPEG, PNG, WebP or GIF).');
    expect(resizeProblemText({ code: 'too-large', width: 12000, height: 9000 })).toBe('This image is too large to use (12000×9000 pixels).');
    expect(resizeProblemText({ code: 'no-canvas' })).toBe('This browser cannot resize images here.');
  });

  it('says them in the UI language', () => {
    installI18n(fakeBrowser, 'es');
    expect(resizeProblemText({ code: 'too-large', width: 12000, height: 9000 })).toBe('Esta imagen es demasiado grande para usarla (12000 × 9000 píxeles).');
  });
});
