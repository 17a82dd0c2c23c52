/**
 * Sizes, speeds, times left and percentages follow the UI language (digits, separators, unit
 * names), while English stays as Ollama's CLI writes it (pull-progress.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatBytes, formatEta, formatPercent, formatSpeed } from '../../lib/pull-progress';
import { installI18n } from '../support/i18n';

// Intl separates a number from its unit with a no-break (or narrow no-break) space in some languages.
const spaced = (s: string) => s.replace(/\s/g, ' ');

describe('pull progress in the UI language', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('German: decimal commas, kB, Byte, Sek./Min./Std., a spaced percent sign', () => {
    installI18n(fakeBrowser, 'de');
    expect(spaced(formatBytes(1_321_082_688))).toBe('1,3 GB');
    expect(spaced(formatBytes(512_000))).toBe('512 kB');
    expect(spaced(formatBytes(0))).toBe('0 Byte');
    expect(spaced(formatSpeed(50_000_000))).toBe('50 MB/s');
    expect(formatEta(12.2)).toBe('13 Sek.');
    expect(formatEta(65)).toBe('1 Min. 05 Sek.');
    expect(formatEta(7260)).toBe('2 Std. 01 Min.');
    expect(spaced(formatPercent(1, 4))).toBe('25 %');
  });

  it('French: octets (Go, ko, o); Japanese: 秒 and 時間', () => {
    installI18n(fakeBrowser, 'fr');
    expect(spaced(formatBytes(1_321_082_688))).toBe('1,3 Go');
    expect(spaced(formatBytes(512_000))).toBe('512 ko');
    expect(spaced(formatBytes(3))).toBe('3 o');
    installI18n(fakeBrowser, 'ja');
    expect(formatEta(12.2)).toBe('13 秒');
    expect(formatEta(7260)).toBe('2 時間 01 分');
    expect(formatSpeed(50_000_000)).toBe('50 MB/秒');
  });

  it('English again after a switch: the formatters follow the language', () => {
    installI18n(fakeBrowser, 'de');
    expect(spaced(formatBytes(1_321_082_688))).toBe('1,3 GB');
    installI18n(fakeBrowser);
    expect(formatBytes(1_321_082_688)).toBe('1.3 GB');
    expect(formatSpeed(512_000)).toBe('512 KB/s');
    expect(formatPercent(1, 4)).toBe('25%');
  });
});
