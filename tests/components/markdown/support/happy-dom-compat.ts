/**
 * Two places where happy-dom 21 differs from browsers in ways DOMPurify 3.4 depends on; without
 * this, sanitizing in tests silently does far less than in the panel:
 * - the generic Node.prototype.nodeName getter answers '' (only subclasses implement it), and
 *   DOMPurify reads nodeName through that cached getter, so every tag looked unknown;
 * - a NodeIterator whose current node is removed stops, where the DOM spec's pre-removing steps
 *   make it continue from the removed node's place; DOMPurify removes as it iterates, so
 *   everything after the first removed element went unvisited.
 * This makes happy-dom behave as the spec (and Chromium) does. Import before sanitizing.
 */
const base = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName');

Object.defineProperty(Node.prototype, 'nodeName', {
  configurable: true,
  get(this: Node): string {
    for (let p: object | null = Object.getPrototypeOf(this); p && p !== Node.prototype; p = Object.getPrototypeOf(p)) {
      const own = Object.getOwnPropertyDescriptor(p, 'nodeName');
      if (own?.get) return own.get.call(this);
    }
    return base?.get?.call(this) ?? '';
  },
});

function following(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

function preceding(node: Node, root: Node): Node | null {
  if (node === root) return null;
  let n = node.previousSibling;
  if (!n) return node.parentNode;
  while (n.lastChild) n = n.lastChild;
  return n;
}

/** Forward-only NodeIterator with the spec's behaviour when the current node is removed. */
class SpecNodeIterator {
  private ref: Node;
  private before = true;
  private refPrev: Node | null = null;

  constructor(
    readonly root: Node,
    readonly whatToShow: number,
    readonly filter: NodeFilter | null,
  ) {
    this.ref = root;
  }

  nextNode(): Node | null {
    let node: Node | null = this.ref;
    let before = this.before;
    if (node !== this.root && !this.root.contains(node)) {
      node = this.refPrev; // removed: the spec moves the reference to the node before it
      before = false;
    }
    while (node) {
      if (before) before = false;
      else node = following(node, this.root);
      if (node && this.accepts(node)) {
        this.ref = node;
        this.before = false;
        this.refPrev = preceding(node, this.root);
        return node;
      }
    }
    return null;
  }

  private accepts(node: Node): boolean {
    if (!(this.whatToShow & (1 << (node.nodeType - 1)))) return false;
    const f = this.filter;
    if (!f) return true;
    return (typeof f === 'function' ? f(node) : f.acceptNode(node)) === NodeFilter.FILTER_ACCEPT;
  }
}

// happy-dom's documents (the window's, DOMParser's) sit on different prototype chains; patch
// wherever the method is actually defined.
const owners = new Set<object>();
for (const doc of [document, new DOMParser().parseFromString('', 'text/html')]) {
  for (let p: object | null = doc; p; p = Object.getPrototypeOf(p)) {
    if (Object.hasOwn(p, 'createNodeIterator')) owners.add(p);
  }
}
for (const owner of owners) {
  Object.defineProperty(owner, 'createNodeIterator', {
    configurable: true,
    writable: true,
    value(root: Node, whatToShow = 0xffffffff, filter: NodeFilter | null = null) {
      return new SpecNodeIterator(root, whatToShow, filter);
    },
  });
}

export const nodeNameWorks = () => Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName')?.get?.call(document.createElement('p')) === 'P';

/** The traversal browsers give when DOMPurify-style code unwraps the current element. */
export function unwrapWhileIterating(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const it = doc.createNodeIterator(doc.body, NodeFilter.SHOW_ELEMENT);
  const seen: string[] = [];
  for (let n = it.nextNode(); n; n = it.nextNode()) {
    seen.push(n.nodeName);
    if (n.nodeName !== 'DIV') continue;
    const el = n as Element;
    while (el.lastChild) el.parentNode?.insertBefore(el.lastChild, el.nextSibling);
    el.remove();
  }
  return seen.join(',');
}
