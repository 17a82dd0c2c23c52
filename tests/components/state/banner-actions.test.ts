import { describe, expect, it } from 'vitest';
import { type ActionContext, bannerActions, INSTALL_COMMAND, ORIGINS_COMMAND, PULL_COMMAND } from '../../../components/state/banner-actions';

const ctx = (over: Partial<ActionContext> = {}): ActionContext => ({ helper: 'missing', local: true, replyRetryable: false, ...over });
const START = { kind: 'start' };
const CHECK = { kind: 'retry', what: 'check' };
const REPLY = { kind: 'retry', what: 'reply' };

describe('banner actions, derived from the cause', () => {
  it('Ollama unreachable: Start Ollama with the helper, else the helper install command; always Retry (a check)', () => {
    for (const cause of ['refused', 'timeout', 'down'] as const) {
      expect(bannerActions({ kind: 'error', source: 'status', cause }, ctx({ helper: 'installed' }))).toEqual([START, CHECK]);
      expect(bannerActions({ kind: 'error', source: 'connection', cause }, ctx({ helper: 'missing' }))).toEqual([
        { kind: 'copy', command: INSTALL_COMMAND },
        CHECK,
      ]);
    }
    // The install command is the real one (README, lib/recovery/host.ts).
    expect(INSTALL_COMMAND).toBe('npm run host:install -- --start-command "ollama serve"');
  });

  it('a failed recovery offers Start Ollama again when the helper can start it', () => {
    expect(bannerActions({ kind: 'error', source: 'recovery', cause: 'down' }, ctx({ helper: 'installed' }))).toEqual([START, CHECK]);
  });

  it('offers neither start nor install while the helper is unknown, nor for an Ollama on another machine', () => {
    expect(bannerActions({ kind: 'error', source: 'status', cause: 'refused' }, ctx({ helper: 'unknown' }))).toEqual([CHECK]);
    expect(bannerActions({ kind: 'error', source: 'status', cause: 'refused' }, ctx({ helper: 'installed', local: false }))).toEqual([CHECK]);
  });

  it('403: copies the OLLAMA_ORIGINS fix; Retry asks the failed reply again when raised by a reply', () => {
    expect(ORIGINS_COMMAND).toBe('OLLAMA_ORIGINS=chrome-extension://*,moz-extension://* ollama serve');
    expect(bannerActions({ kind: 'error', source: 'chat', cause: 'forbidden' }, ctx({ replyRetryable: true }))).toEqual([
      { kind: 'copy', command: ORIGINS_COMMAND },
      REPLY,
    ]);
    expect(bannerActions({ kind: 'error', source: 'status', cause: 'forbidden' }, ctx())).toEqual([{ kind: 'copy', command: ORIGINS_COMMAND }, CHECK]);
  });

  it('no model: copies the pull command and checks again', () => {
    expect(bannerActions({ kind: 'error', source: 'chat', cause: 'no-model' }, ctx())).toEqual([{ kind: 'copy', command: PULL_COMMAND }, CHECK]);
    expect(PULL_COMMAND).toBe('ollama pull llama3.2:1b');
  });

  it('a reply that failed otherwise: Retry asks it again, only while it can be', () => {
    for (const cause of ['server', 'busy', 'stall', 'not-found'] as const) {
      expect(bannerActions({ kind: 'error', source: 'chat', cause }, ctx({ replyRetryable: true }))).toEqual([REPLY]);
      expect(bannerActions({ kind: 'error', source: 'chat', cause }, ctx({ replyRetryable: false }))).toEqual([]);
    }
  });

  it('info banners and errors nothing here can fix have no actions', () => {
    expect(bannerActions({ kind: 'info', source: 'recovery', cause: 'refused' }, ctx({ helper: 'installed' }))).toEqual([]);
    expect(bannerActions({ kind: 'error', source: 'history' }, ctx({ replyRetryable: true }))).toEqual([]);
    expect(bannerActions({ kind: 'error', source: 'settings' }, ctx())).toEqual([]);
  });
});
