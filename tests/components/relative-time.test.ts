import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { relativeTime } from '../../components/relative-time';
import { installI18n } from '../support/i18n';

const now = Date.parse('2026-03-01T12:00:00.000Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('relativeTime', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('says how long ago in the largest whole unit, "now" under a minute, nothing for a bad date', () => {
    expect(relativeTime(ago(5 * 60), now)).toBe('5 minutes ago');
    expect(relativeTime(ago(3 * 3600), now)).toBe('3 hours ago');
    expect(relativeTime(ago(24 * 3600), now)).toBe('yesterday');
    expect(relativeTime(ago(10), now)).toBe('this minute');
    expect(relativeTime('not a date', now)).toBe('');
  });

  it('follows the UI language, also after a switch', () => {
    installI18n(fakeBrowser, 'de');
    expect(relativeTime(ago(5 * 60), now)).toBe('vor 5 Minuten');
    expect(relativeTime(ago(24 * 3600), now)).toBe('gestern');
    installI18n(fakeBrowser, 'ja');
    expect(relativeTime(ago(3 * 3600), now)).toBe('3 時間前');
    installI18n(fakeBrowser);
    expect(relativeTime(ago(5 * 60), now)).toBe('5 minutes ago');
  });
});
