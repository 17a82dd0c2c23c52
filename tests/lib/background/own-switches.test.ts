// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createOwnSwitches } from '../../../lib/background/own-switches';

/** A save the test finishes by hand, to put the panel's next message before its end. */
function heldSave(result: string | null) {
  const onto: string[] = [];
  let finish = () => {};
  const done = new Promise<string | null>((r) => {
    finish = () => r(result);
  });
  const save = (base: string) => {
    onto.push(base);
    return done;
  };
  return { save, onto, finish: () => finish() };
}

describe('own switches', () => {
  it('a request sent on the base a switch was made on waits for it and builds on the copy it saved', async () => {
    const s = createOwnSwitches();
    const first = heldSave('v2');
    void s.switched('c1', 'v1', first.save);
    let base: string | null = 'not yet';
    const asked = s.after('c1', 'v1')?.then((b) => {
      base = b;
    });
    await Promise.resolve();
    expect(base).toBe('not yet');
    first.finish();
    await asked;
    expect(base).toBe('v2');
    expect(first.onto).toEqual(['v1']);
  });

  it('a second switch on the same base builds on the first; the request after both gets the last copy', async () => {
    const s = createOwnSwitches();
    const first = heldSave('v2');
    const second = heldSave('v3');
    void s.switched('c1', 'v1', first.save);
    const done = s.switched('c1', 'v1', second.save);
    const base = s.after('c1', 'v1');
    first.finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(second.onto).toEqual(['v2']);
    second.finish();
    await done;
    expect(await base).toBe('v3');
  });

  it('leaves every other base alone: another conversation, another copy, a never-saved one, a switch that saved nothing', async () => {
    const s = createOwnSwitches();
    const saved = heldSave('v2');
    void s.switched('c1', 'v1', saved.save);
    saved.finish();
    expect(s.after('c2', 'v1')).toBeUndefined();
    expect(s.after('c1', 'v0')).toBeUndefined();
    expect(s.after('c1', null)).toBeUndefined();
    const refused = heldSave(null);
    void s.switched('c3', 'w1', refused.save);
    refused.finish();
    // Nothing was saved: the request keeps its base and the background judges it as before.
    expect(await s.after('c3', 'w1')).toBe('w1');
    const failing = createOwnSwitches();
    void failing.switched('c4', 'x1', async () => {
      throw new Error('quota');
    });
    expect(await failing.after('c4', 'x1')).toBe('x1');
  });
});
