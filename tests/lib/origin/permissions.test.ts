import { describe, expect, it } from 'vitest';
import { originToRelease, runtimeOrigin } from '../../../lib/origin/permissions';

describe('runtimeOrigin', () => {
  it('local http hosts are the manifest host_permissions: nothing to ask for', () => {
    expect(runtimeOrigin('http://localhost:11434')).toBeNull();
    expect(runtimeOrigin('http://127.0.0.1:9/x')).toBeNull();
  });
  it('anything else needs its host granted, any port', () => {
    expect(runtimeOrigin('http://gpu.lan:11434/ollama')).toBe('http://gpu.lan/*');
    expect(runtimeOrigin('https://localhost:11434')).toBe('https://localhost/*');
    expect(runtimeOrigin('http://[::1]:11434')).toBe('http://[::1]/*');
  });
});

describe('originToRelease', () => {
  it.each([
    ['http://a.lan:11434', 'http://localhost:11434', 'http://a.lan/*'],
    ['http://a.lan:11434', 'http://b.lan:11434', 'http://a.lan/*'],
    ['http://a.lan:11434', 'https://a.lan', 'http://a.lan/*'],
    ['https://localhost', 'http://localhost:11434', 'https://localhost/*'],
    ['http://a.lan:11434', 'http://a.lan:8080/x', null],
    ['http://localhost:11434', 'http://a.lan:11434', null],
    ['http://127.0.0.1:11434', 'http://localhost:11434', null],
    ['http://localhost:11434', 'http://localhost:11434', null],
  ])('%s → %s gives back %s', (before, after, released) => {
    expect(originToRelease(before, after)).toBe(released);
  });
});
