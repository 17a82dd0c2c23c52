// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createHandoffQueue, type Handoff } from '../../../lib/selection/handoff';
import { takeSelection } from '../../../lib/selection/prompt';

function memory() {
  let items: Handoff[] = [];
  return {
    io: {
      read: async () => {
        await Promise.resolve();
        return items;
      },
      write: async (next: Handoff[]) => {
        await Promise.resolve();
        items = next;
      },
    },
    peek: () => items,
  };
}

const item = (n: number): Handoff => ({ id: `h${n}`, createdAt: n, kind: 'ask', selection: takeSelection(`text ${n}`, 100) });

describe('hand-over queue', () => {
  it('delivers in order, exactly once, however enqueues and takes interleave', async () => {
    const m = memory();
    const q = createHandoffQueue(m.io);
    const taken: Handoff[] = [];
    // Panel closed: items wait. Panel loading: a take races with new items. Panel open: take on notify.
    await Promise.all([q.enqueue(item(1)), q.enqueue(item(2)), q.takeAll().then((t) => taken.push(...t)), q.enqueue(item(3))]);
    taken.push(...(await q.takeAll()));
    taken.push(...(await q.takeAll()));
    expect(taken.map((t) => t.id)).toEqual(['h1', 'h2', 'h3']);
    expect(m.peek()).toEqual([]);
  });

  it('two panels taking at once never get the same item', async () => {
    const q = createHandoffQueue(memory().io);
    await q.enqueue(item(1));
    const [a, b] = await Promise.all([q.takeAll(), q.takeAll()]);
    expect([...a, ...b].map((t) => t.id)).toEqual(['h1']);
  });
});
