/** Outlets: how much each publishes, in which languages, and which agencies it credits; one outlet's articles. */
import { getJson } from '../api-client.js';
import type { OutletSummary, Page as ListPage, SearchResult } from '../api-types.js';
import { append, el, routeLink } from '../dom.js';
import { articleLine, formatDate, heading, type PageContext } from '../page-context.js';
import type { Translate } from '../i18n.js';

export async function outletsPage({ main, t }: PageContext): Promise<void> {
  const outlets = await getJson<ListPage<OutletSummary>>('/api/outlets', { limit: '200' });
  append(main, heading(t('outlets')));
  const list = el('ul', { class: 'outlet-list' });
  for (const o of outlets.items) append(list, el('li', {}, routeLink(`/outlet/${encodeURIComponent(o.name)}`, o.name), ' ', outletFacts(o, t)));
  append(main, list);
}

export async function outletPage({ main, t, args }: PageContext): Promise<void> {
  const name = args[0] ?? '';
  const [outlets, articles] = await Promise.all([
    getJson<ListPage<OutletSummary>>('/api/outlets', { limit: '200' }),
    getJson<SearchResult>('/api/search', { outlet: name, limit: '50' }),
  ]);
  const outlet = outlets.items.find((o) => o.name === name);
  append(main, heading(name));
  if (outlet === undefined) {
    append(main, el('p', {}, t('notFound')));
    return;
  }
  append(main, outletFacts(outlet, t));
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
