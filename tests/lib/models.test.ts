import { describe, expect, it } from 'vitest';
import { pickModel } from '../../lib/models';

const installed = ['qwen3:0.6b', 'llama3:latest', 'llama3.2:latest'];

describe('pickModel', () => {
  it('prefers the remembered choice when installed', () => expect(pickModel(installed, 'llama3.2:latest', 'llama3')).toBe('llama3.2:latest'));
  it('falls back to the configured default, matching an implicit :latest', () => expect(pickModel(installed, 'gone:7b', 'llama3')).toBe('llama3:latest'));
  it('else the first listed', () => expect(pickModel(installed, null, 'mistral')).toBe('qwen3:0.6b'));
  it('none when nothing is installed', () => expect(pickModel([], 'llama3', 'llama3')).toBeNull());
  it('does not confuse llama3 with llama3.2', () => expect(pickModel(['llama3.2:latest'], null, 'llama3')).toBe('llama3.2:latest'));
});
