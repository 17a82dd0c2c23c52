// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createPullResume } from '../../../lib/background/pull-resume';
import type { OllamaContext } from '../../../lib/background/context';
import type { Connection } from '../../../lib/connections';
import type { ModelsApi } from '../../../lib/ollama/client';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { PullRecord } from '../../../lib/storage/pulls';

const LOCAL: Connection = { id: 'local', name: 'Local', baseUrl: 'http://127.0.0.1:11434', headers: [] };
const LAB: Connection = { id: 'lab', name: 'Lab', baseUrl: 'http://10.0.0.2:11434', headers: [] };

/** A context as lib/background/context.ts resolves it: an unknown id falls back to the default (Local). */
const context = async (id?: string): Promise<OllamaContext> => {
  const connection = id === 'lab' ? LAB : LOCAL;
  return { settings: { ...DEFAULT_SETTINGS, baseUrl: connection.baseUrl }, api: {} as OllamaContext['api'], connection };
};

function setup(stored: PullRecord[], up: (c: OllamaContext) => boolean = () => true) {
  const records = { read: vi.fn(async () => stored), remove: vi.fn(async (_name: string) => {}) };
  const started: { name: string; base: string; connection?: string; explain: (e: unknown) => string }[] = [];
  const running = new Set<string>();
  const pulls = {
    start: vi.fn((name: string, api: ModelsApi, explain: (e: unknown) => string, connection?: string) => {
      if (running.has(name)) return;
      running.add(name);
      started.push({ name, base: (api as unknown as { base: string }).base, connection, explain });
    }),
  };
  const apiFor = (c: Connection) => ({ base: c.baseUrl }) as unknown as ModelsApi;
  const resume = createPullResume({ pulls, records, context, apiFor, reachable: async (c) => up(c) });
  return { records, started, pulls, running, resume, run: () => resume.atStart() };
}

describe('resuming recorded pulls when the background starts', () => {
  it('starts each recorded pull again on its own connection, through the same start as a panel’s pull', async () => {
    const s = setup([
      { name: 'llama3.2:1b', connection: 'lab', startedAt: 1 },
      { name: 'qwen3:4b', startedAt: 2 },
    ]);
    await s.run();
    expect(s.started.map(({ name, base, connection }) => ({ name, base, connection }))).toEqual([
      { name: 'llama3.2:1b', base: LAB.baseUrl, connection: 'lab' },
      { name: 'qwen3:4b', base: LOCAL.baseUrl, connection: 'local' },
    ]);
    // A failure of the resumed pull is worded as for any pull on that connection.
    expect(s.started[0]?.explain(new Error('boom'))).toBe('boom');
    expect(s.records.remove).not.toHaveBeenCalled();
  });

  it('never runs two pulls of one model: one a panel already started is left alone', async () => {
    const s = setup([{ name: 'm', connection: 'lab', startedAt: 1 }]);
    s.running.add('m');
    await s.run();
    expect(s.pulls.start).toHaveBeenCalledTimes(1);
    expect(s.started).toEqual([]);
  });

  it('a pull whose connection was removed since is forgotten, not moved to another server', async () => {
    const s = setup([{ name: 'm', connection: 'gone', startedAt: 1 }]);
    await s.run();
    expect(s.pulls.start).not.toHaveBeenCalled();
    expect(s.records.remove).toHaveBeenCalledWith('m');
  });

  it('nothing recorded (or a damaged record, read as none): nothing is pulled', async () => {
    const s = setup([]);
    await s.run();
    expect(s.pulls.start).not.toHaveBeenCalled();
  });

  it('a pull whose Ollama does not answer at the start waits, recorded, and goes on when a check finds that Ollama answering', async () => {
    let labUp = false;
    const s = setup(
      [
        { name: 'llama3.2:1b', connection: 'lab', startedAt: 1 },
        { name: 'qwen3:4b', startedAt: 2 },
      ],
      (c) => c.connection?.id !== 'lab' || labUp,
    );
    await s.run();
    // Local answers: its pull goes on at once. Lab does not: nothing is asked of it, nothing forgotten.
    expect(s.started.map((p) => p.name)).toEqual(['qwen3:4b']);
    expect(s.records.remove).not.toHaveBeenCalled();
    // Another connection coming up changes nothing for it.
    await s.resume.ollamaUp('local');
    expect(s.started.map((p) => p.name)).toEqual(['qwen3:4b']);
    labUp = true;
    await s.resume.ollamaUp('lab');
    expect(s.started.map(({ name, base, connection }) => ({ name, base, connection }))).toEqual([
      { name: 'qwen3:4b', base: LOCAL.baseUrl, connection: 'local' },
      { name: 'llama3.2:1b', base: LAB.baseUrl, connection: 'lab' },
    ]);
    // Once: a later check, after that pull ended or was cancelled, never starts it again.
    s.running.clear();
    await s.resume.ollamaUp('lab');
    expect(s.pulls.start).toHaveBeenCalledTimes(2);
  });

  it('a check never starts a pull this background did not find waiting: one that ran and ended here stays ended', async () => {
    const s = setup([{ name: 'm', connection: 'lab', startedAt: 1 }]);
    await s.run();
    expect(s.started.map((p) => p.name)).toEqual(['m']);
    s.running.clear();
    await s.resume.ollamaUp('lab');
    expect(s.pulls.start).toHaveBeenCalledTimes(1);
  });
});
