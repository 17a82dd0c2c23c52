import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { megabytes } from '../../lib/megabytes';
import { installI18n } from '../support/i18n';

describe('megabytes', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('writes whole megabytes as the English texts always did', () => {
    expect(megabytes(40)).toBe('40 MB');
    expect(megabytes(45.4)).toBe('45 MB');
    expect(megabytes(1536)).toBe('1536 MB');
  });

  it('follows the UI language (French says Mo)', () => {
    installI18n(fakeBrowser, 'fr');
    expect(megabytes(40).replace(/\s/g, ' ')).toBe('40 Mo');
  });
});
