/**
 * HTML from model output to an inert DocumentFragment. DOMPurify parses in a document without a
 * browsing context, so nothing loads while it works; the hooks make sure that nothing will load
 * once the fragment is in the panel either. Fails closed: where DOMPurify is unsupported or
 * does not pass a probe, nothing is returned and callers show plain text instead.
 */
import DOMPurify, { type Config } from 'dompurify';
import { installHooks } from './hooks';
import { ALLOWED_ATTR, ALLOWED_TAGS } from './policy';

export { IMAGE_SRC_ATTR } from './hooks';

type Purifier = ReturnType<typeof DOMPurify>;

const CONFIG: Config = {
  // 'body' is only DOMPurify's own parse root (its children become the fragment); allowing it
  // spares the copy DOMPurify otherwise makes of the whole content when it removes the root.
  ALLOWED_TAGS: [...ALLOWED_TAGS, 'body'],
  ALLOWED_ATTR: [...ALLOWED_ATTR],
  // Every attribute not marked URI-safe must match this, so the plain-valued ones are listed.
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  ADD_URI_SAFE_ATTR: ['align', 'start'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Set once with setConfig (the instances are ours alone) instead of parsed on every block.
  RETURN_DOM_FRAGMENT: true,
};

/** setConfig's RETURN_DOM_FRAGMENT is invisible to the typings; check what came back. */
function asFragment(value: unknown): DocumentFragment | null {
  return typeof value === 'object' && value !== null && (value as Node).nodeType === 11 ? (value as DocumentFragment) : null;
}

/**
 * Does this DOMPurify, here, really strip? `tag` is one its config allows. (No on* attribute in
 * the probe: merely parsing one makes Chromium log a CSP violation in the panel.)
 */
function passesProbe(p: Purifier, tag: string): boolean {
  const f = asFragment(p.sanitize(`<${tag} id="x" style="color:red">a</${tag}><script>b</script><img src="https://probe.invalid/x.png">c`));
  const first = f?.firstChild;
  if (!f || first?.nodeName !== tag.toUpperCase() || (first as Element).attributes.length > 0) return false;
  return f.textContent === 'ac' && f.querySelector('script, [src], [style], [id]') === null;
}

interface Sanitizer {
  purify: Purifier;
  works: boolean;
}

let model: Sanitizer | null = null;
let spans: Sanitizer | null = null;

function create(config: Config, probeTag: string, hooks?: (p: Purifier) => void): Sanitizer {
  const purify = DOMPurify(window);
  hooks?.(purify);
  purify.setConfig(config);
  return { purify, works: purify.isSupported && passesProbe(purify, probeTag) };
}

/** Sanitized, inert DOM for HTML made from model output; null if sanitizing cannot be trusted. */
export function sanitizeToFragment(html: string): DocumentFragment | null {
  model ??= create(CONFIG, 'p', installHooks);
  return model.works ? asFragment(model.purify.sanitize(html)) : null;
}

/** highlight.js output: escaped text in <span class="hljs-…">; checked all the same. */
export function sanitizeHighlight(html: string): DocumentFragment | null {
  spans ??= create({ ALLOWED_TAGS: ['body', 'span'], ALLOWED_ATTR: ['class'], RETURN_DOM_FRAGMENT: true }, 'span');
  return spans.works ? asFragment(spans.purify.sanitize(html)) : null;
}
