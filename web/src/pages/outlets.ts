/** Outlets: how much each publishes, in which languages, and which agencies it credits; one outlet's articles. */
import { ApiRequestError, getJson } from '../api-client.js';
import type { OutletSources, OutletSummary, Page as ListPage, SearchResult } from '../api-types.js';
import { append, el, routeLink } from '../dom.js';
import { articleLine, formatDate, heading, pageLinks, type PageContext } from '../page-context.js';
import type { Translate } from '../i18n.js';

/** Source names outlet-dependence.ts gives the outlet's own text and reuse from an article without an outlet. */
const OWN_TEXT = '(own)';
const UNKNOWN_SOURCE = '(unknown source)';

/** Outlets per page, the most the API gives. */
const OUTLETS_PER_PAGE = '200';

export async function outletsPage({ main, t, query }: PageContext): Promise<void> {
  const outlets = await getJson<ListPage<OutletSummary>>('/api/outlets', { limit: OUTLETS_PER_PAGE, cursor: query.get('cursor') ?? undefined });
  append(main, heading(t('outlets')));
  const list = el('ul', { class: 'outlet-list' });
  for (const o of outlets.items) append(list, el('li', {}, routeLink(`/outlet/${encodeURIComponent(o.name)}`, o.name), ' ', outletFacts(o, t)));
  append(main, list, pageLinks('/outlets', query, outlets.nextCursor, t));
}

/** The list entry of one outlet, however far down the list it is (the list is ordered by size, not name). */
async function findOutlet(name: string): Promise<{ outlet: OutletSummary | undefined; seen: Set<string> }> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await getJson<ListPage<OutletSummary>>('/api/outlets', { limit: OUTLETS_PER_PAGE, cursor });
    for (const o of page.items) seen.add(o.name);
    const outlet = page.items.find((o) => o.name === name);
    if (outlet !== undefined) return { outlet, seen };
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { outlet: undefined, seen };
}

export async function outletPage({ main, t, args }: PageContext): Promise<void> {
  const name = args[0] ?? '';
  const [{ outlet, seen }, articles, sources] = await Promise.all([
    findOutlet(name),
    getJson<SearchResult>('/api/search', { outlet: name, limit: '50' }),
    // 404: no stored article names this outlet; the page says "not found" below.
    getJson<OutletSources>(`/api/outlets/${encodeURIComponent(name)}`).catch((error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 404) return null;
      throw error;
    }),
  ]);
  append(main, heading(name));
  if (outlet === undefined) {
    append(main, el('p', {}, t('notFound')));
    return;
  }
  append(main, outletFacts(outlet, t));
  if (sources !== null) append(main, sourcesTable(sources, seen, t));
  append(main, el('h2', {}, t('publishes')));
  const list = el('ul', { class: 'article-list' });
  for (const hit of articles.items) append(list, articleLine(hit, t));
  append(main, list);
}

function outletFacts(o: OutletSummary, t: Translate): HTMLElement {
  const range = o.earliest === null ? '' : ` · ${formatDate(o.earliest)} – ${formatDate(o.latest)}`;
  const credits = o.credits.length === 0 ? t('none') : o.credits.map((c) => `${c.name} (${c.count})`).join(', ');
  return el(
    'span',
    { class: 'meta' },
    `${o.articles} ${t('articlesCount')}${range} · ${t('language')}: ${o.languages.map((l) => l.name).join(', ')} · ${t('creditsAgencies')}: ${credits}`,
  );
}

/** Where the outlet's text comes from: outlets it took passages from, agencies it credits, its own. */
function sourcesTable(sources: OutletSources, outletNames: ReadonlySet<string>, t: Translate): HTMLElement {
  const section = el('section', { class: 'outlet-sources', 'aria-labelledby': 'sources-heading' }, el('h2', { id: 'sources-heading' }, t('reusesFrom')));
  // Numbers as the interface language writes them (2.530 / 2,530).
  const number = (n: number) => n.toLocaleString(document.documentElement.lang);
  append(section, el('p', { class: 'meta' }, `${sources.articles} ${t('articlesCount')}, ${number(sources.chars)} ${t('characters')}. ${t('reusesFromHint')}`));
  const table = el('table', { class: 'sources-table' }, el('caption', { class: 'visually-hidden' }, t('reusesFrom')));
  append(table, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('source')), el('th', { scope: 'col' }, t('share')), el('th', { scope: 'col' }, t('characters')))));
  const body = el('tbody');
  for (const s of sources.sources) {
    const name = s.source === OWN_TEXT ? t('ownText') : s.source === UNKNOWN_SOURCE ? t('unknownSource') : s.source;
    const percent = `${(s.share * 100).toFixed(1)} %`;
    append(
      body,
      el(
        'tr',
        { class: s.source === OWN_TEXT ? 'own-text' : undefined },
        el('th', { scope: 'row' }, outletNames.has(s.source) && s.source !== sources.outlet ? routeLink(`/outlet/${encodeURIComponent(s.source)}`, name) : name),
        el('td', {}, el('meter', { min: 0, max: 1, value: s.share, 'aria-label': `${name}: ${percent}` }), ` ${percent}`),
        el('td', {}, number(s.chars)),
      ),
    );
  }
  append(table, body);
  append(section, table);
  return section;
}
