// @vitest-environment node
// The real hosts (`node native-host/host.mjs`, and `sh native-host/sh/host.sh` for machines without
// Node) over stdio, as a browser talks to them: framed bytes in, framed replies out, nothing else on
// stdout, and the exit codes the protocol implies. Both answer every case here the same way.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fakeOllama,
  fakeOllamaCommand,
  frame,
  freePort,
  HOST_PROGRAMS,
  hostEnv,
  q,
  runHost as runAny,
  spawnHost as spawnAny,
  tempDir,
  writeConfig,
} from './helpers';

const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').length : 0);

describe.each(Object.entries(HOST_PROGRAMS))('%s host process', (_name, program) => {
  const runHost = (env: Record<string, string>, chunks: Buffer[]) => runAny(env, chunks, 8000, program);
  const spawnHost = (env: Record<string, string>, chunks: Buffer[]) => spawnAny(env, chunks, 8000, program);

  it('answers ping, status and unknown verbs from bytes written one at a time, then exits 0 on EOF', async () => {
    const dir = tempDir();
    writeConfig(dir, { url: `http://127.0.0.1:${await freePort()}` });
    const bytes = Buffer.concat([frame({ id: 1, verb: 'ping' }), frame({ id: 2, verb: 'status' }), frame({ id: 3, verb: 'rm -rf' })]);
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    const { replies, code, stderr } = await runHost(hostEnv(dir), chunks);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(replies.sort((a, b) => Number(a.id) - Number(b.id))).toEqual([
      { id: 1, ok: true, version: '0.1.0', host: 'ollama_chat' },
      { id: 2, ok: true, running: false, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), command: null },
      { id: 3, ok: false, error: 'Unknown verb: rm -rf' },
    ]);
  });

  it('exits 0 without a word when the browser closes stdin at once', async () => {
    expect(await runHost(hostEnv(tempDir()), [])).toEqual({ replies: [], code: 0, stderr: '' });
  });

  it('answers a non-JSON body with an error and keeps going', async () => {
    const r = await runHost(hostEnv(tempDir()), [frame(Buffer.from('{"verb":')), frame({ id: 9, verb: 'ping' })]);
    expect(r.code).toBe(0);
    expect(r.replies[0]).toEqual({ ok: false, error: expect.stringMatching(/^Invalid JSON: /) });
    expect(r.replies[1]).toMatchObject({ id: 9, ok: true });
  });

  it('reads long frames (length bytes past the first) and multibyte text, and echoes any id as sent', async () => {
    const id = { name: 'é😀'.repeat(60), list: [1, 2.5, true, null] };
    const long = { id, verb: 'ping', padding: 'ü'.repeat(40_000) }; // 80 kB: the length's third byte is used
    const r = await runHost(hostEnv(tempDir()), [frame(long), frame({ id: 'u', verb: 'ü'.repeat(150) }), frame({ id: 'x'.repeat(2000), verb: 'ping' })]);
    expect(r.code).toBe(0);
    // The Node host answers concurrently: the ping may come last.
    expect(r.replies).toHaveLength(3);
    expect(r.replies).toEqual(
      expect.arrayContaining([
        { id, ok: true, version: '0.1.0', host: 'ollama_chat' },
        { id: 'u', ok: false, error: `Unknown verb: ${'ü'.repeat(100)}` },
        { ok: false, error: 'id too large (max 1024 bytes of JSON)' },
      ]),
    );
  });

  it('answers bytes that are not UTF-8, a missing verb and a non-object with errors, and keeps going', async () => {
    const r = await runHost(hostEnv(tempDir()), [
      frame(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
      frame({ id: 7 }),
      frame([1, 2]),
      frame({ id: 8, verb: 'ping' }),
    ]);
    expect(r.code).toBe(0);
    expect(r.replies).toEqual([
      { ok: false, error: expect.stringMatching(/^Invalid JSON: /) },
      { id: 7, ok: false, error: 'Missing verb' },
      { ok: false, error: 'Request must be a JSON object' },
      { id: 8, ok: true, version: '0.1.0', host: 'ollama_chat' },
    ]);
  });

  it('answers an oversize or garbage length with an error and exits 1, reading nothing more', async () => {
    const header = Buffer.alloc(4);
    header.writeUInt32LE(1024 * 1024 + 1, 0);
    const big = await runHost(hostEnv(tempDir()), [header, Buffer.alloc(64 * 1024), frame({ id: 1, verb: 'ping' })]);
    expect(big).toMatchObject({ code: 1, replies: [{ ok: false, error: 'Message too large: 1048577 bytes (max 1048576)' }] });
    const garbage = await runHost(hostEnv(tempDir()), [Buffer.from('hello host\n')]);
    expect(garbage.code).toBe(1);
    expect(garbage.replies).toEqual([{ ok: false, error: expect.stringMatching(/^Message too large: \d+ bytes/) }]);
  });

  it('answers a truncated frame with an error and exits 1', async () => {
    const r = await runHost(hostEnv(tempDir()), [frame({ id: 1, verb: 'ping' }), frame({ id: 2, verb: 'ping' }).subarray(0, 9)]);
    expect(r.code).toBe(1);
    expect(r.replies).toEqual([
      { id: 1, ok: true, version: '0.1.0', host: 'ollama_chat' },
      { ok: false, error: 'Truncated message: input ended after 5 of 22 body bytes' },
    ]);
  });

  it('never runs a command or probes a URL that comes in a message', async () => {
    const dir = tempDir();
    const marker = join(tempDir(), 'from-config');
    const pwned = `/tmp/pwned-${process.pid}-${Date.now()}`;
    rmSync(pwned, { force: true });
    const decoy = await fakeOllama(); // if the message's url were used, start would see Ollama "up"
    writeConfig(dir, { url: `http://127.0.0.1:${await freePort()}`, startCommand: `touch ${q(marker)}`, startTimeoutMs: 1500, pollIntervalMs: 25 });
    const url = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).url;
    const request = {
      id: 'x',
      verb: 'start',
      command: `touch ${pwned}`,
      startCommand: `touch ${pwned}`,
      url: decoy.url,
      env: { OLLAMA_START_COMMAND: `touch ${pwned}` },
    };
    const r = await runHost(hostEnv(dir), [frame(request), frame({ id: 'y', verb: 'status', command: `touch ${pwned}`, url: decoy.url })]);
    const byId = Object.fromEntries(r.replies.map((x) => [String(x.id), x]));
    expect(byId).toEqual({
      x: { id: 'x', ok: false, error: `The start command finished (exit code 0) but Ollama is not answering at ${url} after 1.5 seconds` },
      y: { id: 'y', ok: true, running: false, url: expect.not.stringContaining(`:${decoy.port}`), command: `touch ${q(marker)}` },
    });
    expect(byId.y?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(marker)).toBe(true);
    expect(existsSync(pwned)).toBe(false);
    expect(decoy.hits()).toBe(0);
  });

  it('starts Ollama, reports started:true, and status then says running', async () => {
    const dir = tempDir();
    const port = await freePort();
    writeConfig(dir, { url: `http://127.0.0.1:${port}`, startCommand: fakeOllamaCommand(dir, port, { delay: 100 }), pollIntervalMs: 25 });
    const first = await runHost(hostEnv(dir), [frame({ id: 1, verb: 'start' })]);
    expect(first).toMatchObject({ code: 0, replies: [{ id: 1, ok: true, started: true }] });
    const second = await runHost(hostEnv(dir), [frame({ id: 2, verb: 'status' }), frame({ id: 3, verb: 'start' })]);
    expect(second.replies.sort((a, b) => Number(a.id) - Number(b.id))).toEqual([
      { id: 2, ok: true, running: true, url: `http://127.0.0.1:${port}`, command: expect.stringContaining('fake-ollama.mjs') },
      { id: 3, ok: true, started: false },
    ]);
    expect(readFileSync(join(dir, 'ollama-start.log'), 'utf8')).toMatch(/fake ollama \d+ starting/);
  });

  it('keeps the command’s output off stdout and quotes it in the failure', async () => {
    const dir = tempDir();
    writeConfig(dir, {
      url: `http://127.0.0.1:${await freePort()}`,
      startCommand: 'echo NOISE; echo "Error: listen tcp: bind: address already in use" >&2; exit 1',
    });
    const r = await runHost(hostEnv(dir), [frame({ verb: 'start' })]);
    expect(r.replies).toEqual([{ ok: false, error: 'Failed to start Ollama (exit code 1): NOISE\nError: listen tcp: bind: address already in use' }]);
  });

  it('caps the start log at 1 MiB a part (log and log.1) and quotes the last output', async () => {
    const dir = tempDir();
    writeConfig(dir, {
      url: `http://127.0.0.1:${await freePort()}`,
      startCommand: `awk 'BEGIN { for (i = 0; i < 12000; i++) printf "line %05d %090d\\n", i, 0 }'; exit 1`,
    });
    const r = await runHost(hostEnv(dir), [frame({ verb: 'start' })]);
    expect(r.replies).toEqual([{ ok: false, error: expect.stringMatching(/^Failed to start Ollama \(exit code 1\): [\s\S]*\nline 11999 0+$/) }]);
    const log = statSync(join(dir, 'ollama-start.log')).size;
    const old = statSync(join(dir, 'ollama-start.log.1')).size;
    expect(Math.max(log, old)).toBeLessThanOrEqual(1024 * 1024);
    expect(log + old).toBeGreaterThanOrEqual(12000 * 101);
  });

  it('says OLLAMA_START_COMMAND is not set, and takes the command from its environment', async () => {
    const dir = tempDir();
    const url = `http://127.0.0.1:${await freePort()}`;
    writeConfig(dir, { url });
    expect((await runHost(hostEnv(dir), [frame({ verb: 'start' })])).replies).toEqual([{ ok: false, error: 'OLLAMA_START_COMMAND is not set' }]);
    const r = await runHost(hostEnv(dir, { OLLAMA_START_COMMAND: 'exit 9' }), [frame({ verb: 'start' })]);
    expect(r.replies).toEqual([{ ok: false, error: 'Failed to start Ollama (exit code 9): (no output)' }]);
  });

  it('launches once for several starts in one connection and for two hosts at once', async () => {
    const dir = tempDir();
    const port = await freePort();
    const count = join(dir, 'count');
    writeConfig(dir, { url: `http://127.0.0.1:${port}`, startCommand: fakeOllamaCommand(dir, port, { delay: 300, countFile: count }), pollIntervalMs: 25 });
    const starts = Buffer.concat([1, 2, 3].map((id) => frame({ id, verb: 'start' })));
    const [a, b] = await Promise.all([spawnHost(hostEnv(dir), [starts]).done, spawnHost(hostEnv(dir), [starts]).done]);
    const replies = [...a.replies, ...b.replies];
    expect(replies).toHaveLength(6);
    expect(replies.every((r) => r.ok === true)).toBe(true);
    expect(replies.filter((r) => r.started === true)).toHaveLength(1);
    expect(lines(count)).toBe(1);
    expect(existsSync(join(dir, 'start.lock'))).toBe(false);
  });
});
