import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installI18n } from '../../support/i18n';
import { EMPTY_FIELDS, fromFields, PARAM_LABELS, toFields } from '../../../components/state/param-fields';

const fields = (patch: Partial<typeof EMPTY_FIELDS>) => ({ ...EMPTY_FIELDS, ...patch });

describe('param-fields', () => {
  it('empty fields are no parameters; typed ones become numbers and a trimmed duration', () => {
    expect(fromFields(EMPTY_FIELDS, 'Parameters')).toEqual({ ok: true, params: {} });
    expect(fromFields(fields({ temperature: '0.7', top_p: ' 1 ', seed: '-3', num_ctx: '8192', keep_alive: ' 1h ' }), 'Parameters')).toEqual({
      ok: true,
      params: { temperature: 0.7, top_p: 1, seed: -3, num_ctx: 8192, keep_alive: '1h' },
    });
  });

  it.each([
    [{ temperature: '2.5' }, 'Parameters: Temperature must be a number from 0 to 2.'],
    [{ temperature: 'warm' }, 'Parameters: Temperature must be a number from 0 to 2.'],
    [{ top_p: '-0.1' }, 'Parameters: Top P must be a number from 0 to 1.'],
    [{ seed: '1.5' }, 'Parameters: Seed must be a whole number.'],
    [{ num_ctx: '100' }, 'Parameters: Context length must be a whole number of at least 256.'],
    [{ keep_alive: 'forever' }, 'Parameters: Keep alive must be a duration like 5m or 1h, -1 (keep loaded) or 0 (unload at once).'],
  ])('%j is refused, named by its label', (patch, error) => {
    expect(fromFields(fields(patch), 'Parameters')).toEqual({ ok: false, error });
  });

  it('bounds the context length by the model’s maximum', () => {
    expect(fromFields(fields({ num_ctx: '131072' }), 'Parameters for m', 131072)).toMatchObject({ ok: true });
    expect(fromFields(fields({ num_ctx: '131073' }), 'Parameters for m', 131072)).toEqual({
      ok: false,
      error: 'Parameters for m: Context length must be a whole number from 256 to 131072.',
    });
  });

  it('toFields shows stored values as typed text, absent ones empty', () => {
    expect(toFields({ temperature: 0.5, keep_alive: '-1' })).toEqual(fields({ temperature: '0.5', keep_alive: '-1' }));
  });
});

describe('in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('labels and errors come from the catalog, read when shown', () => {
    installI18n(fakeBrowser, 'de');
    expect(PARAM_LABELS.seed).toBe('Startwert');
    expect(fromFields(fields({ seed: '1.5' }), 'Parameter')).toEqual({ ok: false, error: 'Parameter: Startwert muss eine ganze Zahl sein.' });
    expect(fromFields(fields({ num_ctx: '9000' }), 'Parameter für m', 8192)).toEqual({
      ok: false,
      error: 'Parameter für m: Kontextlänge muss eine ganze Zahl von 256 bis 8192 sein.',
    });
  });
});
