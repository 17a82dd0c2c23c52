// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { HistoryMessage } from '../../../lib/conversations/contract';
import { allVersions, switchVersion, versionCount, versionPos } from '../../../lib/conversations/versions';

const m = (role: 'user' | 'assistant', content: string): HistoryMessage => ({ role, content, timestamp: `t-${content}` });

describe('versions of a message', () => {
  it('a message without version fields has one version, itself', () => {
    const path = [m('user', 'q'), m('assistant', 'a')];
    expect(versionCount(path[1] as HistoryMessage)).toBe(1);
    expect(versionPos(path[1] as HistoryMessage)).toBe(0);
    expect(allVersions(path, 1)).toEqual([{ content: 'a', timestamp: 't-a' }]);
    expect(switchVersion(path, 1, 0)).toEqual(path);
    expect(switchVersion(path, 1, 1)).toEqual(path);
  });

  it('switching a reply swaps it with an alternative; switching back gives the same path', () => {
    const path: HistoryMessage[] = [
      m('user', 'q'),
      { ...m('assistant', 'a2'), stats: { model: 'x', evalCount: 3 }, versions: [{ content: 'a1', timestamp: 't-a1', status: 'stopped' }] },
    ];
    const first = switchVersion(path, 1, 0);
    expect(first).toEqual([
      m('user', 'q'),
      {
        role: 'assistant',
        content: 'a1',
        timestamp: 't-a1',
        status: 'stopped',
        versions: [{ content: 'a2', timestamp: 't-a2', stats: { model: 'x', evalCount: 3 } }],
        version: 0,
      },
    ]);
    expect(versionPos(first[1] as HistoryMessage)).toBe(0);
    expect(switchVersion(first, 1, 1)).toEqual(path);
  });

  it('switching a question brings its branch (what followed it) and keeps the other branch whole', () => {
    const oldBranch = [m('assistant', 'old answer'), m('user', 'follow-up'), m('assistant', 'follow-up answer')];
    const path: HistoryMessage[] = [m('user', 'edited'), m('assistant', 'new answer')];
    path[0] = { ...m('user', 'edited'), versions: [{ content: 'original', timestamp: 't-original', rest: oldBranch }] };
    const back = switchVersion(path, 0, 0);
    expect(back.map((x) => x.content)).toEqual(['original', 'old answer', 'follow-up', 'follow-up answer']);
    expect(back[0]?.versions).toEqual([{ content: 'edited', timestamp: 't-edited', rest: [m('assistant', 'new answer')] }]);
    expect(switchVersion(back, 0, 1)).toEqual(path);
  });

  it('an out-of-range stored position counts as the newest', () => {
    const msg: HistoryMessage = { ...m('assistant', 'a'), versions: [{ content: 'b', timestamp: 't' }], version: 7 };
    expect(versionPos(msg)).toBe(1);
    expect(versionCount(msg)).toBe(2);
  });
});
