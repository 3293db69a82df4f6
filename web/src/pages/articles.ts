/** Article list and search with facets (outlet, language, date range, entity); the form state lives in the URL. */
import { getJson } from '../api-client.js';
import type { CountByName, SearchResult } from '../api-types.js';
import { append, el, markedText, routeLink } from '../dom.js';
import { formatDate, heading, type PageContext } from '../page-context.js';

const FILTERS = ['q', 'outlet', 'language', 'from', 'to', 'entity'] as const;
const PAGE_SIZE = '20';

export async function articlesPage({ main, t, query }: PageContext): Promise<void> {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? undefined]));
  const result = await getJson<SearchResult>('/api/search', { ...filters, limit: PAGE_SIZE });
  append(main, heading(t('articles')));

  const form = el('form', { class: 'search-form', role: 'search' });
  const field = (name: string, label: string, input: HTMLElement) => el('label', { class: `field field-${name}` }, el('span', {}, label), input);
  append(
    form,
    field('q', t('searchLabel'), el('input', { type: 'search', name: 'q', value: query.get('q') ?? '' })),
    field('outlet', t('outlet'), facetSelect('outlet', result.facets.outlets, query.get('outlet'), t('any'))),
    field('language', t('language'), facetSelect('language', result.facets.languages, query.get('language'), t('any'))),
    field('from', t('from'), el('input', { type: 'text', name: 'from', placeholder: 'YYYY-MM-DD', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', value: query.get('from') ?? '' })),
    field('to', t('to'), el('input', { type: 'text', name: 'to', placeholder: 'YYYY-MM-DD', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', value: query.get('to') ?? '' })),
    field(
      'entity',
      t('entity'),
      facetSelect(
        'entity',
        result.facets.entities.map((e) => ({ name: e.key, label: e.name, count: e.count })),
        query.get('entity'),
        t('any'),
      ),
    ),
    el('button', { type: 'submit' }, t('search')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim());
    location.hash = `#/articles?${params}`;
  });
  append(main, form);

  append(main, el('p', { class: 'result-count', 'aria-live': 'polite' }, `${result.facets.total} ${t('results')}`));
  // Facets of a large result count its best hits only (the API says how many); say so rather than imply all.
  if (result.facets.sampled.outletsAndLanguages < result.facets.total) {
    append(main, el('p', { class: 'hint' }, `${t('facetsCountBest')} ${result.facets.sampled.outletsAndLanguages} ${t('results')}.`));
  }
  const list = el('ol', { class: 'hit-list' });
  append(main, list);
  const addHits = (hits: SearchResult['items']) => {
    for (const hit of hits) {
      append(
        list,
        el(
          'li',
          { class: 'hit' },
          routeLink(`/article/${hit.id}`, hit.title ?? t('untitled'), { class: 'hit-title' }),
          el('span', { class: 'meta' }, [hit.outlet, formatDate(hit.published) ?? t('unknownDate'), hit.language].filter(Boolean).join(' · ')),
          el('p', { class: 'snippet' }, markedText(hit.snippet.text, hit.snippet.highlights)),
        ),
      );
    }
  };
  if (result.items.length === 0) append(main, el('p', {}, t('noResults')));
  addHits(result.items);
  let cursor = result.nextCursor;
  if (cursor !== null) {
    const more = el('button', { type: 'button', class: 'more' }, t('more'));
    more.addEventListener('click', async () => {
      const next = await getJson<SearchResult>('/api/search', { ...filters, limit: PAGE_SIZE, cursor: cursor ?? undefined });
      addHits(next.items);
      cursor = next.nextCursor;
      if (cursor === null) more.remove();
    });
    append(main, more);
  }
}

function facetSelect(name: string, counts: readonly (CountByName & { label?: string })[], selected: string | null, anyLabel: string): HTMLSelectElement {
  const select = el('select', { name }, el('option', { value: '' }, anyLabel));
  const options = [...counts];
  // A chosen value stays selectable even when the other filters leave it no hits.
  if (selected !== null && !options.some((c) => c.name === selected)) options.unshift({ name: selected, count: 0 });
  for (const c of options) append(select, el('option', { value: c.name, selected: c.name === selected }, `${c.label ?? c.name} (${c.count})`));
  return select;
}
