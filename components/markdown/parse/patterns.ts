/**
 * marked's rules are module-level RegExps. V8 compiles a RegExp to machine code once it has run
 * and keeps that code as long as the object lives, so after a long reply marked's block rules
 * alone hold about 1.5 MB (bench 5a; `node bench/heap-snapshot.mjs --code` names them). Swapping
 * each rule for a fresh copy of itself (same source and flags: the same behaviour) lets the old
 * code be collected; the copies compile again when the next reply runs them, which costs little.
 */
import { Lexer } from 'marked';

type RuleSet = Record<string, unknown>;

/** Replaces every rule RegExp with a copy; returns how many distinct patterns were renewed. */
export function renewMarkedPatterns(): number {
  // Variants share rule objects (gfm extends normal): one copy per original keeps them shared.
  const copies = new Map<RegExp, RegExp>();
  const groups = Object.values(Lexer.rules) as Record<string, RuleSet>[];
  for (const group of groups) {
    for (const set of Object.values(group)) {
      for (const [key, rule] of Object.entries(set)) {
        if (!(rule instanceof RegExp)) continue;
        let copy = copies.get(rule);
        if (!copy) {
          copy = new RegExp(rule.source, rule.flags);
          copies.set(rule, copy);
        }
        set[key] = copy;
      }
    }
  }
  return copies.size;
}
