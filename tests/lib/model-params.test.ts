// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isKeepAlive, parametersFor, sanitizeModelParameters, sanitizeParameters, sanitizePresets } from '../../lib/model-params';

describe('sanitizeParameters', () => {
  it('keeps values in range', () => {
    const p = { temperature: 0.7, top_p: 0.9, seed: 42, num_ctx: 8192, keep_alive: '5m' };
    expect(sanitizeParameters(p)).toEqual(p);
    expect(sanitizeParameters({ temperature: 0, top_p: 0, seed: -1, num_ctx: 256, keep_alive: '0' })).toEqual({
      temperature: 0,
      top_p: 0,
      seed: -1,
      num_ctx: 256,
      keep_alive: '0',
    });
    expect(sanitizeParameters({ temperature: 2, top_p: 1 })).toEqual({ temperature: 2, top_p: 1 });
  });

  it('drops each value out of range or of the wrong type, keeping the others', () => {
    expect(sanitizeParameters({ temperature: 2.1, top_p: 0.5 })).toEqual({ top_p: 0.5 });
    expect(sanitizeParameters({ temperature: -0.1, top_p: 1.5, seed: 1.5, num_ctx: 255, keep_alive: 'soon' })).toEqual({});
    expect(sanitizeParameters({ temperature: '1', top_p: null, seed: '3', num_ctx: Number.NaN, keep_alive: 5 })).toEqual({});
    expect(sanitizeParameters({ temperature: Number.POSITIVE_INFINITY })).toEqual({});
    for (const bad of [null, 'x', [], 3]) expect(sanitizeParameters(bad)).toEqual({});
  });

  it('bounds the context length by the model’s maximum when it is known', () => {
    expect(sanitizeParameters({ num_ctx: 131072 }, 131072)).toEqual({ num_ctx: 131072 });
    expect(sanitizeParameters({ num_ctx: 131073 }, 131072)).toEqual({});
    expect(sanitizeParameters({ num_ctx: 1_000_000 })).toEqual({ num_ctx: 1_000_000 });
  });
});

describe('isKeepAlive', () => {
  it('accepts what Ollama accepts: durations, seconds, -1 for forever, 0', () => {
    for (const ok of ['5m', '1h', '30s', '1h30m', '-1', '0', '300', '-1m', '2.5h', ' 10m ']) expect(isKeepAlive(ok), ok).toBe(true);
  });
  it('refuses anything else', () => {
    for (const bad of ['', 'forever', '5 m', 'm', '5d', '1h-', '--1', 5, null]) expect(isKeepAlive(bad), String(bad)).toBe(false);
  });
});

describe('sanitizeModelParameters', () => {
  it('keeps models with valid overrides and drops empty ones', () => {
    expect(sanitizeModelParameters({ 'llama3.2:latest': { temperature: 0.2, top_p: 7 }, 'qwen3:0.6b': { temperature: 9 }, ' ': { seed: 1 } })).toEqual({
      'llama3.2:latest': { temperature: 0.2 },
    });
    expect(sanitizeModelParameters([{ temperature: 1 }])).toEqual({});
  });
});

describe('sanitizePresets', () => {
  it('keeps well-formed presets once per id, trimming names', () => {
    const raw = [
      { id: 'a', name: ' Pirate ', text: 'Talk like a pirate.' },
      { id: 'a', name: 'Dup', text: 'x' },
      { id: 'b', name: '', text: 'no name' },
      { id: 'c', name: 'No text', text: '  ' },
      { id: '', name: 'No id', text: 'x' },
      'junk',
      null,
      { id: 'd', name: 'Terse', text: 'Be brief.', extra: 1 },
    ];
    expect(sanitizePresets(raw)).toEqual([
      { id: 'a', name: 'Pirate', text: 'Talk like a pirate.' },
      { id: 'd', name: 'Terse', text: 'Be brief.' },
    ]);
    expect(sanitizePresets({})).toEqual([]);
  });
});

describe('parametersFor', () => {
  it('takes the model’s override field by field over the defaults', () => {
    const defaults = { temperature: 0.8, num_ctx: 4096, keep_alive: '5m' };
    expect(parametersFor(defaults, { m: { temperature: 0.1 } }, 'm')).toEqual({ temperature: 0.1, num_ctx: 4096, keep_alive: '5m' });
    expect(parametersFor(defaults, { m: { temperature: 0.1 } }, 'other')).toEqual(defaults);
  });
});
