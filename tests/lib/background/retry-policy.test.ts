// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { type RetryDeps, retryPolicy } from '../../../lib/background/retry-policy';
import type { Failure } from '../../../lib/protocol';
import type { EnsureResult } from '../../../lib/recovery/ensure';

const REFUSED: Failure = { kind: 'refused', message: 'Cannot connect to Ollama.' };
const LOCAL = { autoStart: true, baseUrl: 'http://localhost:11434', retryDelayMs: 2000 };

function policy(ensured: EnsureResult = { ok: true, started: true }, over: Partial<RetryDeps> = {}) {
  const log: string[] = [];
  const deps: RetryDeps = {
    settings: LOCAL,
    ensure: vi.fn(async () => {
      log.push('ensure');
      return ensured;
    }),
    sleep: vi.fn(async (ms: number) => void log.push(`sleep ${ms}`)),
    stopped: () => false,
    recovering: (message) => void log.push(`recovering: ${message}`),
    ...over,
  };
  return { next: retryPolicy(deps), deps, log };
}

describe('the retry policy (layer 1)', () => {
  it('refused credentials (401) start nothing and are not retried', async () => {
    const { next, log } = policy();
    const auth: Failure = { kind: 'auth', status: 401, message: 'Ollama at x refused the credentials (401 Unauthorized).' };
    expect(await next(auth)).toEqual({ kind: 'fail', failure: auth });
    expect(log).toEqual([]);
  });

  it('refused by a local Ollama: start it, wait retryDelayMs, retry once; a second refusal ends it', async () => {
    const { next, log } = policy();
    expect(await next(REFUSED)).toEqual({ kind: 'retry' });
    expect(log).toEqual(['recovering: Ollama is not answering: trying to start it…', 'ensure', 'sleep 2000']);
    expect(await next(REFUSED)).toEqual({ kind: 'fail', failure: REFUSED });
    expect(log).toHaveLength(3);
  });

  it('any other failure, or auto-start off, ends the request as it came, without asking anyone', async () => {
    const lost: Failure = { kind: 'lost', message: 'The connection dropped.' };
    const a = policy();
    expect(await a.next(lost)).toEqual({ kind: 'fail', failure: lost });
    const b = policy(undefined, { settings: { ...LOCAL, autoStart: false } });
    expect(await b.next(REFUSED)).toEqual({ kind: 'fail', failure: REFUSED });
    expect([...a.log, ...b.log]).toEqual([]);
  });

  it('another machine is never started: it is said to be down at once', async () => {
    const { next, log } = policy(undefined, { settings: { ...LOCAL, baseUrl: 'http://gpu-box:11434' } });
    const step = await next(REFUSED);
    expect(step).toMatchObject({ kind: 'fail', failure: { kind: 'refused', message: expect.stringContaining('Ollama at gpu-box:11434 is not answering') } });
    expect(log).toEqual([]);
  });

  it('a start that fails says why; no helper installed adds the hint to the failure', async () => {
    const failed = await policy({ ok: false, kind: 'start-failed', message: 'exit code 1' }).next(REFUSED);
    expect(failed).toEqual({ kind: 'fail', failure: { kind: 'refused', message: 'Failed to start Ollama: exit code 1' } });
    const missing = await policy({ ok: false, kind: 'not-installed', message: 'Install the helper.' }).next(REFUSED);
    expect(missing).toEqual({ kind: 'fail', failure: { ...REFUSED, message: 'Cannot connect to Ollama. Install the helper.' } });
  });

  it('Stop during the start or the wait ends it as stopped, and nothing more is awaited', async () => {
    let stopped = false;
    const during = policy(undefined, {
      stopped: () => stopped,
      ensure: async () => {
        stopped = true;
        return { ok: true, started: true };
      },
    });
    expect(await during.next(REFUSED)).toEqual({ kind: 'stopped' });
    expect(during.deps.sleep).not.toHaveBeenCalled();
    let later = false;
    const stopInWait = async () => {
      later = true;
    };
    const wait = policy(undefined, { stopped: () => later, sleep: stopInWait });
    expect(await wait.next(REFUSED)).toEqual({ kind: 'stopped' });
  });
});
