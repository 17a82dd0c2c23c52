// @vitest-environment node
// The command-line entry (npm run ollama-sim): flags, OLLAMA_ORIGINS, request log, clean stop.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { sim } from './helpers';

const cli = fileURLToPath(new URL('./cli.mjs', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
  children.push(child);
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d) => (out.stdout += d));
  child.stderr?.on('data', (d) => (out.stderr += d));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const m = out.stdout.match(/^Ollama simulator listening on (http:\/\/\S+)$/m);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out.stderr}`)));
  });
  listening.catch(() => {}); // only awaited by tests that expect it to start
  return { child, out, listening };
}

describe('cli', () => {
  it('--require-auth puts the simulator behind a proxy that wants that Authorization header', async () => {
    const { listening } = start(['--port', '0', '--quiet', '--require-auth', 'Bearer s3cret']);
    const url = await listening;
    expect((await fetch(`${url}/api/tags`)).status).toBe(401);
    expect((await fetch(`${url}/api/tags`, { headers: { Authorization: 'Bearer s3cret' } })).status).toBe(200);
  });

  it('starts with flags and OLLAMA_ORIGINS, logs requests, and stops on SIGTERM', async () => {
    const { child, out, listening } = start(['--port', '0', '--rate', '0', '--tokens', '7', '--models', 'qwen3:0.6b'], {
      OLLAMA_ORIGINS: 'chrome-extension://*',
    });
    const url = await listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const tags = await (await fetch(`${url}/api/tags`)).json();
    expect(tags.models.map((m: { name: string; capabilities: string[] }) => [m.name, m.capabilities])).toEqual([['qwen3:0.6b', ['completion', 'thinking']]]);
    const res = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { Origin: 'chrome-extension://abc' },
      body: JSON.stringify({ model: 'qwen3:0.6b', messages: [{ role: 'user', content: 'x' }], stream: false, think: false }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).eval_count).toBe(7);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
    expect(out.stderr).toContain('POST /api/chat 200 (Origin: chrome-extension://abc)');
  });

  it('exits 1 with the ollama serve message when the port is taken', async () => {
    const s = await sim();
    const { child, out } = start(['--port', String(s.port)]);
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(out.stderr).toContain(`Error: listen tcp 127.0.0.1:${s.port}: bind: address already in use`);
  });
});
