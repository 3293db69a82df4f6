/**
 * A story's reuse graph: who copied whom. Articles are SVG nodes (one row per outlet, one column per
 * publication day), reuse links are arrows from the likely source to the copy (dashed without a known
 * direction). Every node is a link to its article, reachable by Tab; the same edges follow as a list.
 */
import type { ArticleRef, ReuseLink } from '../api-types.js';
import { append, el, routeLink, svg } from '../dom.js';
import { reuseKindLabel, type Translate } from '../i18n.js';
import { formatDate } from '../page-context.js';

const ROW_HEIGHT = 56;
const COLUMN_WIDTH = 120;
const LABEL_WIDTH = 160;
const TOP = 36;
const RADIUS = 9;
/** Nodes of one outlet on one day sit side by side this far apart. */
const SAME_CELL_SHIFT = 36;
/** How far an edge bows out of the straight line (share of its length), so opposite edges do not overlap. */
const BOW = 0.18;

/** Links between the same two articles in the same direction become one edge. */
interface Edge {
  readonly from: string;
  readonly to: string;
  readonly directed: boolean;
  readonly links: ReuseLink[];
}

function edgesOf(links: readonly ReuseLink[]): Edge[] {
  const edges = new Map<string, Edge>();
  for (const link of links) {
    const source = link.direction.from;
    const directed = source === link.a.articleId || source === link.b.articleId;
    const [from, to] = directed ? (source === link.a.articleId ? [link.a.articleId, link.b.articleId] : [link.b.articleId, link.a.articleId]) : [link.a.articleId, link.b.articleId].sort();
    const key = `${from}>${to}>${directed}`;
    const edge = edges.get(key) ?? { from: from!, to: to!, directed, links: [] };
    edge.links.push(link);
    edges.set(key, edge);
  }
  return [...edges.values()];
}

export function reuseGraphSection(links: readonly ReuseLink[], articles: readonly ArticleRef[], t: Translate): HTMLElement {
  const section = el('section', { class: 'reuse-graph', 'aria-labelledby': 'reuse-graph-heading' }, el('h2', { id: 'reuse-graph-heading' }, t('reuseGraph')));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const edges = edgesOf(links).filter((e) => byId.has(e.from) && byId.has(e.to));
  if (edges.length === 0) {
    append(section, el('p', {}, t('noReuseInStory')));
    return section;
  }
  const linked = new Set(edges.flatMap((e) => [e.from, e.to]));
  const nodes = articles.filter((a) => linked.has(a.id));
  const outletOf = (a: ArticleRef) => a.outlet ?? t('unknownOutlet');
  const dayOf = (a: ArticleRef) => a.published?.slice(0, 10) ?? '?';
  // Rows in the order outlets first published, columns in date order (undated last).
  const byDate = [...nodes].sort((x, y) => (x.published ?? '\uffff').localeCompare(y.published ?? '\uffff'));
  const rows = [...new Set(byDate.map(outletOf))];
  const days = [...new Set(byDate.map(dayOf))];
  // A day's column is as wide as its fullest cell (one outlet's articles of that day side by side).
  const cellOf = (a: ArticleRef) => `${outletOf(a)}|${dayOf(a)}`;
  const cellSize = new Map<string, number>();
  for (const a of byDate) cellSize.set(cellOf(a), (cellSize.get(cellOf(a)) ?? 0) + 1);
  const columnLeft = new Map<string, number>();
  let width = LABEL_WIDTH;
  for (const day of days) {
    columnLeft.set(day, width);
    const fullest = Math.max(...byDate.filter((a) => dayOf(a) === day).map((a) => cellSize.get(cellOf(a))!));
    width += COLUMN_WIDTH + (fullest - 1) * SAME_CELL_SHIFT;
  }
  const columnX = (day: string) => columnLeft.get(day)! + COLUMN_WIDTH / 2;
  const cellUse = new Map<string, number>();
  const place = new Map<string, { x: number; y: number }>();
  for (const a of byDate) {
    const shift = cellUse.get(cellOf(a)) ?? 0;
    cellUse.set(cellOf(a), shift + 1);
    place.set(a.id, { x: columnX(dayOf(a)) + shift * SAME_CELL_SHIFT, y: TOP + rows.indexOf(outletOf(a)) * ROW_HEIGHT + ROW_HEIGHT / 2 });
  }
  const height = TOP + rows.length * ROW_HEIGHT;

  const graph = svg('svg', { class: 'reuse-graph-svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'group', 'aria-labelledby': 'reuse-graph-heading', 'aria-describedby': 'reuse-graph-legend' });
  append(
    graph,
    svg('defs', {}, svg('marker', { id: 'reuse-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'reuse-arrowhead' }))),
  );
  rows.forEach((outlet, i) => {
    const y = TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    append(graph, svg('line', { class: 'graph-row', x1: LABEL_WIDTH - 8, y1: y, x2: width, y2: y }), svg('text', { class: 'graph-row-label', x: LABEL_WIDTH - 14, y: y + 4, 'text-anchor': 'end' }, outlet));
  });
  // Day columns say month-day; a month-precise date (2025-03) or "?" is shown whole.
  for (const day of days) {
    append(graph, svg('text', { class: 'graph-day-label', x: columnX(day), y: 16, 'text-anchor': 'middle' }, day.length === 10 ? day.slice(5) : day));
  }

  const edgeElements = new Map<string, SVGPathElement[]>();
  for (const edge of edges) {
    const path = svg('path', { class: edge.directed ? 'graph-edge' : 'graph-edge undirected', d: edgePath(place.get(edge.from)!, place.get(edge.to)!, edge.directed), 'marker-end': edge.directed ? 'url(#reuse-arrow)' : undefined });
    append(path, svg('title', {}, edgeText(edge, byId, t)));
    append(graph, path);
    for (const id of [edge.from, edge.to]) edgeElements.set(id, [...(edgeElements.get(id) ?? []), path]);
  }
  for (const a of byDate) {
    const { x, y } = place.get(a.id)!;
    const label = `${outletOf(a)}, ${formatDate(a.published) ?? t('unknownDate')}: ${a.title ?? t('untitled')}`;
    const node = svg('a', { href: `#/article/${a.id}`, class: 'graph-node', 'aria-label': label }, svg('title', {}, label), svg('circle', { cx: x, cy: y, r: RADIUS }));
    // Pointing at or tabbing to an article lights up its edges.
    const light = (on: boolean) => {
      for (const p of edgeElements.get(a.id) ?? []) p.classList.toggle('active', on);
    };
    node.addEventListener('focus', () => light(true));
    node.addEventListener('blur', () => light(false));
    node.addEventListener('mouseenter', () => light(true));
    node.addEventListener('mouseleave', () => light(false));
    append(graph, node);
  }
  append(
    section,
    el('p', { id: 'reuse-graph-legend', class: 'meta' }, t('reuseGraphLegend')),
    el('div', { class: 'graph-scroll', role: 'region', 'aria-label': t('reuseGraph'), tabindex: 0 }, graph),
    el('h3', {}, t('reuseEdgeList')),
  );
  const list = el('ol', { class: 'reuse-edges' });
  for (const edge of edges) {
    const from = byId.get(edge.from)!;
    const to = byId.get(edge.to)!;
    append(
      list,
      el(
        'li',
        {},
        routeLink(`/article/${from.id}`, `${outletOf(from)} (${formatDate(from.published) ?? t('unknownDate')})`, { title: from.title ?? t('untitled') }),
        edge.directed ? ` → ${t('copiedBy')} ` : ` ↔ ${t('sharedWith')} `,
        routeLink(`/article/${to.id}`, `${outletOf(to)} (${formatDate(to.published) ?? t('unknownDate')})`, { title: to.title ?? t('untitled') }),
        el('span', { class: 'meta' }, ` · ${passagesText(edge, t)}`),
      ),
    );
  }
  append(section, list);
  return section;
}

function passagesText(edge: Edge, t: Translate): string {
  const kinds = [...new Set(edge.links.map((l) => reuseKindLabel(l.kind, t)))].join(', ');
  const confidence = edge.directed ? ` · ${t('confidence')} ${Math.round(Math.max(...edge.links.map((l) => l.direction.confidence)) * 100)} %` : '';
  return `${edge.links.length} ${edge.links.length === 1 ? t('passage') : t('passages')} (${kinds})${confidence}`;
}

function edgeText(edge: Edge, byId: ReadonlyMap<string, ArticleRef>, t: Translate): string {
  const name = (id: string) => byId.get(id)?.outlet ?? t('unknownOutlet');
  return `${name(edge.from)} ${edge.directed ? '→' : '↔'} ${name(edge.to)}: ${passagesText(edge, t)}`;
}

/** A bowed curve from one node's rim to the other's (the arrow tip touching the target circle). */
function edgePath(a: { x: number; y: number }, b: { x: number; y: number }, directed: boolean): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const cx = (a.x + b.x) / 2 - dy * BOW;
  const cy = (a.y + b.y) / 2 + dx * BOW;
  const cut = (p: { x: number; y: number }, toward: { x: number; y: number }, by: number) => {
    const d = Math.hypot(toward.x - p.x, toward.y - p.y) || 1;
    return { x: p.x + ((toward.x - p.x) / d) * by, y: p.y + ((toward.y - p.y) / d) * by };
  };
  const start = cut(a, { x: cx, y: cy }, RADIUS);
  const end = cut(b, { x: cx, y: cy }, RADIUS + (directed ? 1 : 0));
  const f = (n: number) => n.toFixed(1);
  return length < 1 ? '' : `M ${f(start.x)} ${f(start.y)} Q ${f(cx)} ${f(cy)} ${f(end.x)} ${f(end.y)}`;
}
