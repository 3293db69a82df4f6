/**
 * Building the page from data: elements are created with DOM APIs and every piece of text goes in
 * through textContent, never innerHTML, because article text is scraped and hostile.
 */

type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined>;

/** Creates `<tag>` with attributes (no event handlers as strings) and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  append(node, ...children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element (charts, the reuse graph) the same way: attributes, text only through text nodes. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attributes);
  append(node, ...children);
  return node;
}

function setAttributes(node: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith('on')) throw new Error(`event handler attribute "${name}" on <${node.tagName}>; use addEventListener`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A link inside the app; `route` is the part after "#". Only app routes are ever made into links. */
export function routeLink(route: string, text: string, attributes: Attributes = {}): HTMLAnchorElement {
  return el('a', { ...attributes, href: `#${route}` }, text);
}

/** Text with some character spans wrapped in <mark>, e.g. a search snippet's matched words. */
export function markedText(text: string, spans: readonly { start: number; end: number }[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    append(fragment, text.slice(at, span.start), el('mark', {}, text.slice(span.start, span.end)));
    at = span.end;
  }
  append(fragment, text.slice(at));
  return fragment;
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}
