// @vitest-environment node
// The host's data dir, command and URL come from its environment and config file only.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFor, DEFAULT_URL, loadConfig, parseOllamaHost } from '../../native-host/config.mjs';
import { tempDir, writeConfig } from './helpers';

describe('data dir', () => {
  it('follows each platform, XDG_DATA_HOME, and OLLAMA_CHAT_HOST_DIR', () => {
    expect(dataDirFor({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.local/share/ollama-chat');
    expect(dataDirFor({ HOME: '/home/u', XDG_DATA_HOME: '/x/data' }, 'linux')).toBe('/x/data/ollama-chat');
    expect(dataDirFor({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Application Support/ollama-chat');
    expect(dataDirFor({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32')).toBe('C:\\Users\\u\\AppData\\Local\\ollama-chat');
    expect(dataDirFor({ HOME: '/home/u', OLLAMA_CHAT_HOST_DIR: '/t/d' }, 'linux')).toBe('/t/d');
  });
});

describe('OLLAMA_HOST', () => {
  it('is read the way Ollama reads it', () => {
    expect(parseOllamaHost('127.0.0.1')).toBe('http://127.0.0.1:11434');
    expect(parseOllamaHost('0.0.0.0:8080')).toBe('http://127.0.0.1:8080');
    expect(parseOllamaHost(':11500')).toBe('http://127.0.0.1:11500');
    expect(parseOllamaHost('gpu-box')).toBe('http://gpu-box:11434');
    expect(parseOllamaHost('gpu-box:80')).toBe('http://gpu-box');
    expect(parseOllamaHost('https://ollama.example.com')).toBe('https://ollama.example.com');
    expect(parseOllamaHost('http://[::]:11434')).toBe('http://[::1]:11434');
  });
});

describe('loadConfig', () => {
  it('defaults: no command, the default URL, 10 s / 0.5 s', () => {
    const dir = tempDir();
    const c = loadConfig({ OLLAMA_CHAT_HOST_DIR: dir }, 'linux');
    expect(c).toMatchObject({ command: null, commandSource: null, url: DEFAULT_URL, startTimeoutMs: 10_000, pollIntervalMs: 500, probeTimeoutMs: 2_000 });
    expect(DEFAULT_URL).toBe('http://127.0.0.1:11434');
    expect(c.warnings).toEqual([]);
  });

  it('reads the config file; the environment wins over it', () => {
    const dir = tempDir();
    writeConfig(dir, { startCommand: ' ollama serve ', url: 'http://localhost:1234/', startTimeoutMs: 300, pollIntervalMs: 20 });
    expect(loadConfig({ OLLAMA_CHAT_HOST_DIR: dir }, 'linux')).toMatchObject({
      command: 'ollama serve',
      commandSource: 'config',
      url: 'http://localhost:1234',
      startTimeoutMs: 300,
      pollIntervalMs: 20,
    });
    expect(loadConfig({ OLLAMA_CHAT_HOST_DIR: dir, OLLAMA_START_COMMAND: 'brew services start ollama', OLLAMA_HOST: '127.0.0.1:9999' }, 'linux')).toMatchObject(
      {
        command: 'brew services start ollama',
        commandSource: 'env OLLAMA_START_COMMAND',
        url: 'http://127.0.0.1:9999',
      },
    );
  });

  it('survives a broken config file and out-of-range test knobs', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{oops');
    const broken = loadConfig({ OLLAMA_CHAT_HOST_DIR: dir }, 'linux');
    expect(broken.command).toBeNull();
    expect(broken.warnings[0]).toMatch(/is not a JSON object/);
    writeConfig(dir, { startCommand: 'x', url: 'file:///etc/passwd', startTimeoutMs: -1, pollIntervalMs: 'fast' });
    const bad = loadConfig({ OLLAMA_CHAT_HOST_DIR: dir }, 'linux');
    expect(bad).toMatchObject({ url: DEFAULT_URL, startTimeoutMs: 10_000, pollIntervalMs: 500 });
    expect(bad.warnings[0]).toMatch(/ignoring bad URL/);
  });
});
