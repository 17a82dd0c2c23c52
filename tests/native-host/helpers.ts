// Shared by the native-host tests: temp dirs, frames, the real host process, fake Ollama servers.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const HOST = join(ROOT, 'native-host', 'host.mjs');
/** The POSIX sh host, for machines without Node (the generated installer installs it). */
export const SH_HOST = join(ROOT, 'native-host', 'sh', 'host.sh');
/** Each host program as [file, args]: the same protocol tests run against both. */
export const HOST_PROGRAMS: Record<string, [string, string[]]> = {
  node: [process.execPath, [HOST]],
  sh: ['sh', [SH_HOST]],
  // macOS's /bin/sh is bash in POSIX mode.
  'bash --posix': ['bash', ['--posix', SH_HOST]],
};
export const FAKE_OLLAMA = fileURLToPath(new URL('./fixtures/fake-ollama.mjs', import.meta.url));

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
/** Runs `fn` after the current test. */
export const later = (fn: () => unknown) => cleanups.push(fn);

/** A fresh temp dir, removed after the test. */
export function tempDir(prefix = 'oc-host-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // A started server's detached runner may still write its exit to the log in `dir` after the test
  // (longer on a loaded machine): retry, and leave the dir to the OS rather than fail a passed test.
  // rmSync's retries back off linearly and block: 20 × 100 ms was 21 s, past the hook's guard
  // (seen twice in CI); 5 retries wait 1.5 s at most.
  later(() => {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {}
  });
  return dir;
}

/** Writes the host's config.json in `dir` (creating it). */
export function writeConfig(dir: string, config: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
}

/** One native-messaging frame: 4-byte LE length + body (a value to JSON-encode, or raw bytes). */
export function frame(body: unknown): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(bytes.length, 0);
  return Buffer.concat([header, bytes]);
}

/** Splits a whole stdout into frames; throws on any stray byte (logs on stdout would corrupt the channel). */
export function parseFrames(out: Buffer): Array<Record<string, unknown>> {
  const replies = [];
  let at = 0;
  while (at < out.length) {
    if (at + 4 > out.length) throw new Error(`stray bytes on stdout: ${out.subarray(at).toString()}`);
    const n = out.readUInt32LE(at);
    if (at + 4 + n > out.length) throw new Error(`truncated frame on stdout: ${out.subarray(at).toString()}`);
    replies.push(JSON.parse(out.subarray(at + 4, at + 4 + n).toString('utf8')));
    at += 4 + n;
  }
  return replies;
}

/** A browser-like environment for the host: no OLLAMA_* from the test runner's env. */
export function hostEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, OLLAMA_CHAT_HOST_DIR: dir, ...extra };
}

export interface HostRun {
  replies: Array<Record<string, unknown>>;
  code: number | null;
  stderr: string;
}

/** Spawns `node native-host/host.mjs`, writes `chunks` (then closes stdin unless keepOpen), waits for exit. */
export function spawnHost(
  env: Record<string, string>,
  chunks: Buffer[],
  timeoutMs = 8000,
  [file, args]: [string, string[]] = [process.execPath, [HOST]],
): { child: ChildProcess; done: Promise<HostRun> } {
  const child = spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  later(() => child.exitCode === null && child.kill('SIGKILL'));
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => out.push(d));
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  child.stdin?.on('error', () => {});
  const done = new Promise<HostRun>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not exit; stderr: ${stderr}`)), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        resolve({ replies: parseFrames(Buffer.concat(out)), code, stderr });
      } catch (err) {
        reject(err);
      }
    });
  });
  for (const c of chunks) child.stdin?.write(c);
  child.stdin?.end();
  return { child, done };
}

/** Runs the host with these requests and resolves its replies and exit code. */
export const runHost = (env: Record<string, string>, chunks: Buffer[], timeoutMs?: number, program?: [string, string[]]) =>
  spawnHost(env, chunks, timeoutMs, program).done;

/** An in-test stand-in for Ollama on 127.0.0.1: GET /api/tags → 200 {"models":[]}. */
export async function fakeOllama(): Promise<{ url: string; port: number; hits: () => number; server: Server }> {
  let hits = 0;
  const server = createServer((req, res) => {
    if (req.url === '/api/tags') hits++;
    res.writeHead(req.url === '/api/tags' ? 200 : 404, { 'content-type': 'application/json' });
    res.end('{"models":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  later(() => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, hits: () => hits, server };
}

/** A 127.0.0.1 port nobody listens on (taken from the OS, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Shell-quotes a path for a POSIX start command. */
export const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A start command that runs the fake Ollama on `port` (it records its pid; killed after the test). */
export function fakeOllamaCommand(dir: string, port: number, opts: { delay?: number; countFile?: string } = {}): string {
  const pidFile = join(dir, `fake-${port}.pid`);
  later(() => {
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
    } catch {}
  });
  const count = opts.countFile ? `echo started >> ${q(opts.countFile)}; ` : '';
  return `${count}exec ${q(process.execPath)} ${q(FAKE_OLLAMA)} ${port} --delay ${opts.delay ?? 0} --pid-file ${q(pidFile)}`;
}
