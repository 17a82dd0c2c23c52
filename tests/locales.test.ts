// @vitest-environment node
/**
 * The shipped languages stay complete and consistent: every English key is used and translated,
 * placeholders agree, and no language is English with another label.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, type LocaleMessage, readLocale } from './support/i18n';

const ROOT = join(import.meta.dirname, '..');
const SHIPPED = ['en', 'de', 'fr', 'es', 'ja', 'zh_CN'];
const english = readLocale('en');
const keys = Object.keys(english);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const code = [...['components', 'lib', 'entrypoints'].flatMap(sources), 'wxt.config.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');

/** The placeholders a message really uses, with what each stands for ($1…), and its bare $N. */
function shape(m: LocaleMessage): string[] {
  const named = [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => {
    const name = (x[1] ?? '').toLowerCase();
    const content = Object.entries(m.placeholders ?? {}).find(([k]) => k.toLowerCase() === name)?.[1].content;
    return `${name}=${content ?? 'undefined'}`;
  });
  const bare = [...m.message.replace(/\$[A-Za-z0-9_@]+\$/g, '').matchAll(/\$([1-9])/g)].map((x) => `$${x[1]}`);
  return [...new Set([...named, ...bare])].sort();
}

describe('locales', () => {
  it('ships exactly the languages the README lists', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual([...SHIPPED].sort());
  });

  it('names keys so both browsers find them (lower snake case, unique ignoring case)', () => {
    for (const k of keys) expect(k).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
  });

  it('uses every English key somewhere in the code', () => {
    const used = (k: string) => {
      const plural = /^(.*)_(one|other)$/.exec(k)?.[1];
      return code.includes(`'${k}'`) || code.includes(`__MSG_${k}__`) || (plural !== undefined && code.includes(`'${plural}'`));
    };
    expect(keys.filter((k) => !used(k))).toEqual([]);
  });

  it('gives every counted message both forms', () => {
    for (const k of keys.filter((k) => k.endsWith('_one'))) expect(keys).toContain(k.replace(/_one$/, '_other'));
    for (const k of keys.filter((k) => k.endsWith('_other'))) expect(keys).toContain(k.replace(/_other$/, '_one'));
  });

  it('leaves no $ that is not a placeholder, a $1…$9 or $$', () => {
    for (const lang of SHIPPED) {
      for (const [k, m] of Object.entries(readLocale(lang))) {
        const rest = m.message.replace(/\$[A-Za-z0-9_@]+\$|\$[1-9]|\$\$/g, '');
        expect(rest.includes('$'), `${lang}/${k}: ${m.message}`).toBe(false);
        expect(m.message.trim(), `${lang}/${k} is empty`).not.toBe('');
      }
    }
  });

  for (const lang of SHIPPED.filter((l) => l !== 'en')) {
    describe(lang, () => {
      const messages = readLocale(lang);
      it('has every English key and no other', () => {
        expect(keys.filter((k) => !(k in messages))).toEqual([]);
        expect(Object.keys(messages).filter((k) => !(k in english))).toEqual([]);
      });
      it('has the same placeholders as English in every message', () => {
        const differ = keys.filter((k) => messages[k] && JSON.stringify(shape(messages[k])) !== JSON.stringify(shape(english[k] as LocaleMessage)));
        expect(differ).toEqual([]);
      });
      it('is translated, not English copied', () => {
        // Names, units and codes stay the same in every language ("Ollama", "Top P", "URL"); a
        // language where many messages equal English was not translated.
        const same = keys.filter((k) => messages[k]?.message === english[k]?.message);
        expect(same.length / keys.length, same.join(', ')).toBeLessThan(0.12);
      });
    });
  }
});
