// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createKeepAlive } from '../../../lib/background/keepalive';
import { createPulls, PROGRESS_EVERY_MS } from '../../../lib/background/pulls';
import type { ModelsApi } from '../../../lib/ollama/client';
import type { ModelsReply } from '../../../lib/protocol-models';
import type { PullLine } from '../../../lib/pull-progress';
import type { PullRecord } from '../../../lib/storage/pulls';

/** A pull stream the test feeds line by line; ends on end(), fails on fail(), aborts with the signal. */
function feed() {
  const queue: PullLine[] = [];
  let wake: (() => void) | null = null;
  let state: 'open' | 'ended' | Error = 'open';
  const poke = () => {
    wake?.();
    wake = null;
  };
  const api = {
    async *pull(_name: string, signal: AbortSignal) {
      signal.addEventListener('abort', poke);
      for (;;) {
        if (signal.aborted) throw signal.reason;
        const line = queue.shift();
        if (line) {
          yield line;
          continue;
        }
        if (state === 'ended') return;
        if (state instanceof Error) throw state;
        await new Promise<void>((r) => {
          wake = r;
        });
      }
    },
  } as unknown as ModelsApi;
  return {
    api,
    push(...lines: PullLine[]) {
      queue.push(...lines);
      poke();
    },
    end() {
      state = 'ended';
      poke();
    },
    fail(e: Error) {
      state = e;
      poke();
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const layer = (completed: number) => ({ status: 'pulling aaaa', digest: 'sha256:aaaa', total: 1000, completed });

function setup() {
  let now = 0;
  const sent: ModelsReply[] = [];
  const keepAlive = createKeepAlive({ ping: async () => {}, setInterval: () => 1, clearInterval: () => {} });
  // What storage would hold, by name.
  const stored = new Map<string, PullRecord>();
  const records = {
    add: async (rec: PullRecord) => void stored.set(rec.name, rec),
    remove: async (name: string) => void stored.delete(name),
  };
  const pulls = createPulls({ keepAlive, broadcast: (m) => sent.push(m), now: () => now, records });
  return {
    pulls,
    records: () => [...stored.values()],
    sent,
    keepAlive,
    at(ms: number) {
      now = ms;
    },
    progress: () => sent.filter((m) => m.type === 'models/progress'),
    done: () => sent.filter((m) => m.type === 'models/pull-done'),
  };
}

describe('background pulls', () => {
  it('runs one pull per model, holds the keep-alive until it ends, and says success', async () => {
    const s = setup();
    const f = feed();
    const explain = vi.fn(() => 'x');
    s.pulls.start('m', f.api, explain);
    s.pulls.start('m', f.api, explain); // already running: ignored
    await tick();
    expect(s.keepAlive.reasons()).toEqual(['pull m']);
    f.push({ status: 'pulling manifest' }, layer(0), layer(1000), { status: 'verifying sha256 digest' }, { status: 'writing manifest' }, { status: 'success' });
    f.end();
    await tick();
    expect(s.done()).toEqual([{ type: 'models/pull-done', name: 'm', outcome: 'success', message: 'Pulled m.' }]);
    expect(s.keepAlive.reasons()).toEqual([]);
    expect(s.pulls.running()).toEqual([]);
  });

  it('sends progress on every status change and at most every 250 ms otherwise', async () => {
    const s = setup();
    const f = feed();
    s.pulls.start('m', f.api, () => '');
    await tick();
    const base = s.progress().length;
    f.push(layer(0)); // new status
    await tick();
    for (let i = 1; i <= 10; i++) {
      s.at(i * 50);
      f.push(layer(i * 10));
      await tick();
    }
    // 500 ms of lines every 50 ms: the status change, then two throttled updates.
    expect(s.progress().length - base).toBe(3);
    expect(PROGRESS_EVERY_MS).toBe(250);
    expect(s.pulls.running()[0]?.completed).toBe(100);
  });

  it('cancel aborts the stream, says cancelled and releases the keep-alive', async () => {
    const s = setup();
    const f = feed();
    s.pulls.start('m', f.api, () => '');
    f.push(layer(300));
    await tick();
    s.pulls.cancel('m');
    await tick();
    expect(s.done()).toEqual([{ type: 'models/pull-done', name: 'm', outcome: 'cancelled', message: 'Pull of m cancelled. Pull it again to resume.' }]);
    expect(s.keepAlive.reasons()).toEqual([]);
    expect(s.pulls.running()).toEqual([]);
  });

  it('a failure is said in Ollama’s words; a stream that ends without success is a failure too', async () => {
    const s = setup();
    const f = feed();
    s.pulls.start('nope', f.api, (e) => (e as Error).message);
    f.fail(new Error('pull model manifest: file does not exist'));
    await tick();
    const g = feed();
    s.pulls.start('half', g.api, (e) => (e as Error).message);
    g.push(layer(10));
    g.end();
    await tick();
    expect(s.done()).toEqual([
      { type: 'models/pull-done', name: 'nope', outcome: 'failed', message: 'pull model manifest: file does not exist' },
      { type: 'models/pull-done', name: 'half', outcome: 'failed', message: 'The pull of half ended before it finished. Pull it again to resume.' },
    ]);
    expect(s.keepAlive.reasons()).toEqual([]);
  });

  it('running() gives a newly connected panel the progress so far', async () => {
    const s = setup();
    const f = feed();
    s.pulls.start('m', f.api, () => '');
    f.push(layer(420));
    await tick();
    expect(s.pulls.running()).toMatchObject([{ name: 'm', completed: 420, total: 1000 }]);
  });

  describe('records each running pull for a restarted background', () => {
    it('records name, connection and start time while it runs; removes the record on success', async () => {
      const s = setup();
      const f = feed();
      s.at(1234);
      s.pulls.start('m', f.api, () => '', 'conn-2');
      await tick();
      expect(s.records()).toEqual([{ name: 'm', connection: 'conn-2', startedAt: 1234 }]);
      f.push({ status: 'success' });
      f.end();
      await tick();
      expect(s.done()[0]?.outcome).toBe('success');
      expect(s.records()).toEqual([]);
    });

    it('removes the record on failure, and the failure is still said', async () => {
      const s = setup();
      const f = feed();
      s.pulls.start('nope', f.api, (e) => (e as Error).message);
      await tick();
      expect(s.records().map((r) => r.name)).toEqual(['nope']);
      f.fail(new Error('pull model manifest: file does not exist'));
      await tick();
      expect(s.done()).toEqual([{ type: 'models/pull-done', name: 'nope', outcome: 'failed', message: 'pull model manifest: file does not exist' }]);
      expect(s.records()).toEqual([]);
    });

    it('cancel forgets the record at once, before the stream has wound down', async () => {
      const s = setup();
      const f = feed();
      s.pulls.start('m', f.api, () => '');
      await tick();
      expect(s.records()).toHaveLength(1);
      s.pulls.cancel('m');
      // Not a tick later: a background stopped right after the click must not resume it.
      await Promise.resolve();
      expect(s.records()).toEqual([]);
      await tick();
      expect(s.done()[0]?.outcome).toBe('cancelled');
      expect(s.records()).toEqual([]);
    });

    it('a second start for a running model records nothing new', async () => {
      const s = setup();
      const f = feed();
      s.at(1);
      s.pulls.start('m', f.api, () => '', 'a');
      s.at(2);
      s.pulls.start('m', f.api, () => '', 'b');
      await tick();
      expect(s.records()).toEqual([{ name: 'm', connection: 'a', startedAt: 1 }]);
    });
  });
});
