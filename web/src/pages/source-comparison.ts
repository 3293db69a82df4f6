/**
 * The story page's source comparison: per outlet what it carried (quotes, names, credits, framing
 * markers), who reported first, what only one outlet names, and how much rests on agency copy; as
 * tables with row and column headers so a screen reader can read them cell by cell.
 */
import type { ArticleRef, CoreEntity, OutletCoverage, SourceComparison } from '../api-types.js';
import { append, el, routeLink } from '../dom.js';
import type { Translate } from '../i18n.js';
import { formatDate } from '../page-context.js';

/** compare-sources.ts files articles without an outlet under this name. */
const UNKNOWN_OUTLET = '(unknown outlet)';
/** Speakers shown in the who-quoted-whom table: the most widely quoted first. */
const MAX_SPEAKER_ROWS = 12;

/** An outlet's name as the tables head their columns. */
function outletName(outlet: string, t: Translate): string {
  return outlet === UNKNOWN_OUTLET ? t('unknownOutlet') : outlet;
}

function outletCell(outlet: string, t: Translate): Node {
  return outlet === UNKNOWN_OUTLET ? document.createTextNode(t('unknownOutlet')) : routeLink(`/outlet/${encodeURIComponent(outlet)}`, outlet);
}

/** "person:dario-venkov" → "Dario Venkov": unique names come as keys only; the entity page has the name as written. */
function entityLink(key: string, names: ReadonlyMap<string, string>): HTMLAnchorElement {
  const name = names.get(key) ?? key.slice(key.indexOf(':') + 1).replace(/-/g, ' ').replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
  return routeLink(`/entity/${encodeURIComponent(key)}`, name);
}

function joined(nodes: readonly Node[]): DocumentFragment | string {
  if (nodes.length === 0) return '–';
  const fragment = document.createDocumentFragment();
  nodes.forEach((node, i) => {
    append(fragment, i > 0 ? ', ' : null, node);
  });
  return fragment;
}

/** A wide table scrolls sideways inside its own focusable region, so the page keeps a phone's width. */
function scrollable(table: HTMLTableElement, label: string): HTMLElement {
  return el('div', { class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: 0 }, table);
}

function headerRow(cells: readonly (string | Node)[]): HTMLTableRowElement {
  const row = el('tr');
  for (const cell of cells) append(row, el('th', { scope: 'col' }, cell));
  return row;
}

/** A yes/no cell: a dot for the eye, a word for screen readers. */
function presenceCell(present: boolean, t: Translate): HTMLTableCellElement {
  return el(
    'td',
    { class: present ? 'present' : 'absent' },
    el('span', { 'aria-hidden': 'true' }, present ? '●' : '–'),
    el('span', { class: 'visually-hidden' }, present ? t('yes') : t('no')),
  );
}

export function sourceComparisonSection(comparison: SourceComparison, coreEntities: readonly CoreEntity[], articles: readonly ArticleRef[], t: Translate): HTMLElement {
  const section = el('section', { class: 'source-comparison', 'aria-labelledby': 'comparison-heading' }, el('h2', { id: 'comparison-heading' }, t('sourceComparison')));
  const names = new Map(coreEntities.map((e) => [e.key, e.name]));
  const titleOf = new Map(articles.map((a) => [a.id, a.title ?? t('untitled')]));

  const facts = el('ul', { class: 'comparison-facts' });
  const first = comparison.firstReported;
  if (first !== null) {
    append(facts, el('li', {}, `${t('firstReported')}: `, outletCell(first.outlet, t), ` (${formatDate(first.published)}) · `, routeLink(`/article/${first.articleId}`, titleOf.get(first.articleId) ?? t('untitled'))));
  }
  for (const a of comparison.agencyDependence) {
    append(facts, el('li', { class: 'agency-dependence' }, `${a.outlets.length} ${t('ofOutlets')} ${a.ofOutlets} ${t('outletsCredit')} ${a.agency}`));
  }
  if (comparison.sharedTextOutlets.length > 0) {
    append(facts, el('li', {}, `${t('sharedText')}: `, joined(comparison.sharedTextOutlets.map((o) => outletCell(o, t)))));
  }
  append(section, facts);

  append(section, outletTable(comparison, names, t));
  if (coreEntities.length > 0) append(section, entityMatrix(comparison.outlets, coreEntities, t));
  if (comparison.quoteUsage.length > 0) append(section, speakerMatrix(comparison, t));
  return section;
}

/** One row per outlet: what it carried. */
function outletTable(comparison: SourceComparison, names: ReadonlyMap<string, string>, t: Translate): HTMLElement {
  const table = el('table', { class: 'comparison-table' }, el('caption', {}, t('outletMatrixCaption')));
  append(
    table,
    el('thead', {}, headerRow([t('outlet'), t('articles'), t('firstPublished'), t('credits'), t('quotedSpeakers'), t('onlyHere'), t('leftOut'), t('framingMarkers'), t('unattributed')])),
  );
  const body = el('tbody');
  const firstOutlet = comparison.firstReported?.outlet;
  for (const o of comparison.outlets) {
    const row = el('tr', { class: o.outlet === firstOutlet ? 'first-reporter' : undefined });
    append(
      row,
      el('th', { scope: 'row' }, outletCell(o.outlet, t), o.outlet === firstOutlet ? el('span', { class: 'badge' }, t('first')) : null),
      el('td', {}, String(o.articleIds.length)),
      el('td', {}, formatDate(o.firstPublished) ?? t('unknownDate')),
      el('td', {}, o.credits.length > 0 ? o.credits.join(', ') : '–'),
      el('td', { class: 'long-list' }, o.quotes.length > 0 ? o.quotes.map((q) => `${q.speaker} (${q.count})`).join(', ') : '–'),
      el('td', { class: 'name-list' }, joined(o.uniqueEntities.map((k) => entityLink(k, names)))),
      el('td', { class: 'name-list' }, joined(o.leftOut.map((k) => entityLink(k, names)))),
      el('td', {}, framingCell(o, t)),
      el('td', {}, `${o.unattributedClaims.length} / ${o.unattributedClaims.length + o.attributedClaims}`),
    );
    append(body, row);
  }
  append(table, body);
  return scrollable(table, t('outletMatrixCaption'));
}

function framingCell(o: OutletCoverage, t: Translate): DocumentFragment | string {
  if (o.framing.length === 0) return '–';
  const fragment = document.createDocumentFragment();
  o.framing.forEach((m, i) => {
    append(fragment, i > 0 ? ', ' : null, routeLink(`/article/${m.articleId}`, `„${m.marker}“`, { title: t(m.kind) }), ` (${t(m.kind)})`);
  });
  return fragment;
}

/** Core entities × outlets: who named what. */
function entityMatrix(outlets: readonly OutletCoverage[], coreEntities: readonly CoreEntity[], t: Translate): HTMLElement {
  const table = el('table', { class: 'comparison-table presence-matrix' }, el('caption', {}, t('entityMatrixCaption')));
  append(table, el('thead', {}, headerRow([t('entity'), ...outlets.map((o) => outletName(o.outlet, t))])));
  const body = el('tbody');
  for (const e of coreEntities) {
    const row = el('tr', {}, el('th', { scope: 'row' }, routeLink(`/entity/${encodeURIComponent(e.key)}`, e.name)));
    for (const o of outlets) append(row, presenceCell(!o.leftOut.includes(e.key), t));
    append(body, row);
  }
  append(table, body);
  return scrollable(table, t('entityMatrixCaption'));
}

/** Speakers × outlets: who quoted whom. */
function speakerMatrix(comparison: SourceComparison, t: Translate): HTMLElement {
  const outlets = comparison.outlets.map((o) => o.outlet);
  const table = el('table', { class: 'comparison-table presence-matrix' }, el('caption', {}, t('speakerMatrixCaption')));
  append(table, el('thead', {}, headerRow([t('speaker'), ...outlets.map((o) => outletName(o, t))])));
  const body = el('tbody');
  for (const usage of comparison.quoteUsage.slice(0, MAX_SPEAKER_ROWS)) {
    const row = el('tr', {}, el('th', { scope: 'row' }, usage.speaker));
    for (const o of outlets) append(row, presenceCell(usage.outlets.includes(o), t));
    append(body, row);
  }
  append(table, body);
  const wrapper = scrollable(table, t('speakerMatrixCaption'));
  if (comparison.quoteUsage.length <= MAX_SPEAKER_ROWS) return wrapper;
  return el('div', {}, wrapper, el('p', { class: 'meta' }, `${t('showingFirst')} ${MAX_SPEAKER_ROWS} / ${comparison.quoteUsage.length} (${t('mostQuotedFirst')})`));
}
