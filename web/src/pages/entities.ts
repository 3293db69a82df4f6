/** Entity list by type, and one entity's page: its names, its quotes, what others said about it, its mentions in context, its articles. */
import { getJson } from '../api-client.js';
import type { EntityDetail, EntitySummary, Page as ListPage, QuoteRecord, SearchResult } from '../api-types.js';
import type { Translate } from '../i18n.js';
import { append, el, markedText, routeLink } from '../dom.js';
import { articleLine, formatDate, heading, pageLinks, type PageContext } from '../page-context.js';

const TYPES = ['person', 'organization', 'location', 'other'] as const;
/** Articles naming the entity listed at the foot of its page. */
const NAMING_ARTICLES_LIMIT = 200;

export async function entitiesPage({ main, t, query }: PageContext): Promise<void> {
  const type = TYPES.find((x) => x === query.get('type')) ?? 'person';
  const entities = await getJson<ListPage<EntitySummary>>('/api/entities', { type, limit: '100', cursor: query.get('cursor') ?? undefined });
  append(main, heading(t('entities')));
  const tabs = el('p', { class: 'type-tabs' });
  for (const x of TYPES) append(tabs, routeLink(`/entities?type=${x}`, t(x), { 'aria-current': x === type ? 'page' : undefined }), ' ');
  append(main, tabs);
  const table = el('table', { class: 'entity-table' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('entity')), el('th', { scope: 'col' }, t('inArticles')), el('th', { scope: 'col' }, t('mentions')))));
  const tbody = el('tbody');
  for (const e of entities.items) {
    append(tbody, el('tr', {}, el('td', {}, routeLink(`/entity/${encodeURIComponent(e.key)}`, e.name)), el('td', {}, String(e.articles)), el('td', {}, String(e.mentions))));
  }
  append(table, tbody);
  append(main, entities.items.length > 0 ? table : el('p', {}, t('none')), pageLinks('/entities', query, entities.nextCursor, t));
}

export async function entityPage({ main, t, args }: PageContext): Promise<void> {
  const key = args[0] ?? '';
  const [entity, naming] = await Promise.all([
    getJson<EntityDetail>(`/api/entities/${encodeURIComponent(key)}`, { limit: '30' }),
    getJson<SearchResult>('/api/search', { entity: key, limit: String(NAMING_ARTICLES_LIMIT) }),
  ]);
  append(main, heading(entity.name));
  append(main, el('p', { class: 'meta' }, `${t(entity.type)} · ${entity.articles} ${t('articlesCount')} · ${entity.mentions} ${t('mentions')} · ${t('names')}: ${entity.names.map((n) => n.name).join(', ')}`));
  append(main, el('p', {}, routeLink(`/articles?entity=${encodeURIComponent(entity.key)}`, `${t('search')}: ${t('articles')} →`)));

  append(main, el('h2', {}, t('quotes')), quoteList(entity.quotes, t, false));
  append(main, el('h2', {}, t('saidAbout')), quoteList(entity.quotedAbout, t, true));

  // Its stories: the story facet of the articles naming it (the server counts them, however many stories there are).
  const itsStories = naming.facets.stories;
  append(main, el('h2', {}, t('itsStories')));
  const storyList = el('ul', { class: 'story-list' });
  for (const story of itsStories) {
    append(storyList, el('li', {}, routeLink(`/story/${encodeURIComponent(story.id)}`, story.title ?? story.id), el('span', { class: 'meta' }, `${t(story.kind)} · ${story.count} ${t('articlesNaming')}`)));
  }
  append(main, itsStories.length > 0 ? storyList : el('p', {}, t('none')));

  append(main, el('h2', {}, t('mentions')));
  const mentions = el('ul', { class: 'mention-list' });
  for (const m of entity.mentionSample) {
    append(mentions, el('li', {}, el('p', {}, markedText(m.context.text, [m.context]), ' ', routeLink(`/article/${m.article.id}`, '→', { 'aria-label': m.article.title ?? t('untitled') }))));
  }
  append(main, mentions);

  append(main, el('h2', {}, t('inArticles')));
  const list = el('ul', { class: 'article-list' });
  for (const ref of entity.articleRefs) append(list, articleLine(ref, t));
  append(main, list);
}

function quoteList(records: readonly QuoteRecord[], t: Translate, withSpeaker: boolean): HTMLElement {
  if (records.length === 0) return el('p', {}, t('noQuotes'));
  const list = el('ul', { class: 'quote-records' });
  for (const q of records) {
    const source = [withSpeaker ? (q.quote.speaker ?? t('unknownSpeaker')) : null, q.article.outlet, formatDate(q.article.published)].filter(Boolean).join(' · ');
    append(list, el('li', {}, el('blockquote', {}, q.quote.text), el('p', { class: 'meta' }, routeLink(`/article/${q.article.id}`, q.article.title ?? t('untitled')), ` · ${source}`)));
  }
  return list;
}
