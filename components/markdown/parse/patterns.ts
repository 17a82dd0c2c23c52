/**
 * marked's rules are module-level RegExps. V8 compiles a RegExp to machine code once it has run
 * and keeps that code as long as the object lives, so after a long reply, or a long conversation
 * opened, marked's block rules alone hold over 1 MB (bench 5a, 5b; `node bench/heap-snapshot.mjs
 * --code` names them). Swapping each rule for a fresh copy lets the old code be collected; the
 * copies compile again when the next reply runs them, which costs little.
 *
 * A copy with the same source would not do: V8 caches compiled patterns by source and flags
 * until two full collections have passed, so `new RegExp(source)` can hand back the very data,
 * code included, it was meant to drop (bench 5b kept 1.3 MB that way). Each copy is therefore
 * prefixed with a lookahead that always matches and changes with every renewal, `(?=|7)`:
 * zero-width, no capture, and an anchored rule stays anchored (V8 looks past zero-width parts).
 */
import { Lexer } from 'marked';

type RuleSet = Record<string, unknown>;

/** A rule's source as marked wrote it, for every copy made here. */
const originals = new WeakMap<RegExp, string>();
let renewals = 0;

/** The source marked gave `rule`, without the prefix a renewal added. */
export const markedSource = (rule: RegExp): string => originals.get(rule) ?? rule.source;

/** Replaces every rule RegExp with a copy; returns how many distinct patterns were renewed. */
export function renewMarkedPatterns(): number {
  renewals++;
  // Variants share rule objects (gfm extends normal): one copy per original keeps them shared.
  const copies = new Map<RegExp, RegExp>();
  const groups = Object.values(Lexer.rules) as Record<string, RuleSet>[];
  for (const group of groups) {
    for (const set of Object.values(group)) {
      for (const [key, rule] of Object.entries(set)) {
        if (!(rule instanceof RegExp)) continue;
        let copy = copies.get(rule);
        if (!copy) {
          const source = markedSource(rule);
          copy = new RegExp(`(?=|${renewals})${source}`, rule.flags);
          originals.set(copy, source);
          copies.set(rule, copy);
        }
        set[key] = copy;
      }
    }
  }
  return copies.size;
}
