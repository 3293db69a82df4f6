/** The start page: stories and events when the story stage has made them, else an honest placeholder and the latest articles. */
import { getJson } from '../api-client.js';
import type { OptionalPage, Page as ListPage, ArticleRef, StoreStats } from '../api-types.js';
import { append, el, routeLink } from '../dom.js';
import { articleLine, formatDate, heading, type PageContext } from '../page-context.js';

export async function storiesPage({ main, t }: PageContext): Promise<void> {
  const [stories, stats, first] = await Promise.all([
    getJson<OptionalPage>('/api/stories', { limit: '50' }),
    getJson<StoreStats>('/api/stats'),
    getJson<ListPage<ArticleRef>>('/api/articles', { limit: '10' }),
  ]);
  append(main, heading(t('stories')));
  const summary = `${t('storeHolds')} ${stats.articles} ${t('articlesCount')}, ${stats.outlets.length} ${t('outletsCount')}`;
  const range = stats.publishedRange === null ? '' : `, ${t('publishedBetween')} ${formatDate(stats.publishedRange.earliest)} ${t('and')} ${formatDate(stats.publishedRange.latest)}`;
  append(main, el('p', { class: 'summary' }, summary + range + '.'));
  if (stories.items.length === 0) {
    append(main, el('p', { class: 'placeholder', role: 'note' }, t('noStories')));
  } else {
    const list = el('ul', { class: 'story-list' });
    for (const story of stories.items) {
      const title = typeof story['title'] === 'string' ? story['title'] : String(story['id'] ?? '');
      const dates = [story['dateStart'] ?? story['date_start'], story['dateEnd'] ?? story['date_end']].filter((d) => typeof d === 'string').join(' – ');
      append(list, el('li', {}, el('strong', {}, title), dates ? el('span', { class: 'meta' }, dates) : null));
    }
    append(main, list);
  }
  append(main, el('h2', {}, t('firstArticles')));
  const list = el('ul', { class: 'article-list' });
  for (const ref of first.items) append(list, articleLine(ref, t));
  append(main, list, el('p', {}, routeLink('/articles', `${t('articles')} →`)));
}
