/**
 * One panel's own version switches, so that what it sends next is not refused as built on an
 * older copy. The panel shows the chosen version at once and sends history/switch-version; the
 * stored copy's new `updated_at` reaches it later, through storage. A question (or another
 * switch) sent before that still carries the `base` the switch was made on. From the same panel,
 * whose Port delivers messages in order, that base means "the copy I switched": it waits for the
 * switch and builds on the copy the switch saved. Another panel's old base is still refused.
 */
export interface OwnSwitches {
  /**
   * Runs a switch made on `base`; `save` gets the base to save onto (the result of this panel's
   * earlier switch, when `base` is the one that was made on) and resolves to the new
   * `updated_at`, or null when nothing was saved. Call it in the message's own turn.
   */
  switched(id: string, base: string, save: (onto: string) => Promise<string | null>): Promise<void>;
  /**
   * For a request on conversation `id` sent with `base`: undefined when it has nothing to wait
   * for, else the base to use once this panel's switch made on it has ended.
   */
  after(id: string, base: string | null): Promise<string | null> | undefined;
}

export function createOwnSwitches(): OwnSwitches {
  // Per conversation: the base this panel last switched on, and the copy that switch saved.
  const last = new Map<string, { from: string; to: Promise<string | null> }>();

  const after = (id: string, base: string | null) => {
    const s = base === null ? undefined : last.get(id);
    return s && s.from === base ? s.to.then((to) => to ?? base) : undefined;
  };

  return {
    after,
    switched(id, base, save) {
      // Set before anything is awaited: the panel's next message may already be waiting.
      const to = (after(id, base) ?? Promise.resolve(base)).then((onto) => save(onto ?? base)).catch(() => null);
      last.set(id, { from: base, to });
      return to.then(() => {});
    },
  };
}
