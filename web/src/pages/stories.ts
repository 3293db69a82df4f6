/** The start page (stories and events when the story stage has made them, else an honest placeholder) and one story's page. */
import { getJson } from '../api-client.js';
import type { Page as ListPage, ArticleRef, StoryDetail, StorySummary } from '../api-types.js';
import { append, el, routeLink } from '../dom.js';
import { articleLine, formatDate, heading, type PageContext } from '../page-context.js';

export async function storiesPage({ main, t }: PageContext): Promise<void> {
  // No /api/stats here: counting every article's credits takes 200 ms at 10,000 articles, over the page's budget.
  const [stories, first] = await Promise.all([
    getJson<ListPage<StorySummary>>('/api/stories', { limit: '50' }),
    getJson<ListPage<ArticleRef>>('/api/articles', { limit: '10' }),
  ]);
  append(main, heading(t('stories')));
  if (stories.items.length > 0) {
    const more = stories.nextCursor === null ? '' : '+';
    append(main, el('p', { class: 'summary' }, `${stories.items.length}${more} ${t('storiesCount')}`));
  }
  if (stories.items.length === 0) {
    append(main, el('p', { class: 'placeholder', role: 'note' }, t('noStories')));
  } else {
    const list = el('ul', { class: 'story-list' });
    for (const story of stories.items) {
      const dates = [formatDate(story.dateStart), formatDate(story.dateEnd)].filter((d, i, all) => d !== null && all.indexOf(d) === i).join(' – ');
      append(
        list,
        el(
          'li',
          {},
          routeLink(`/story/${encodeURIComponent(story.id)}`, story.title ?? story.id),
          el('span', { class: 'meta' }, [t(story.kind), dates, `${story.articleCount} ${t('articlesCount')}`].filter(Boolean).join(' · ')),
        ),
      );
    }
    append(main, list);
  }
  append(main, el('h2', {}, t('firstArticles')));
  const list = el('ul', { class: 'article-list' });
  for (const ref of first.items) append(list, articleLine(ref, t));
  append(main, list, el('p', {}, routeLink('/articles', `${t('articles')} →`)));
}

/** One event or storyline: dates, summary sentences, its articles in date order with outlet and credits, its events. */
export async function storyPage({ main, t, args }: PageContext): Promise<void> {
  const story = await getJson<StoryDetail>(`/api/stories/${encodeURIComponent(args[0] ?? '')}`);
  append(main, heading(story.title ?? story.id));
  const outlets = new Set(story.articles.map((a) => a.outlet ?? '?'));
  const dates = [formatDate(story.dateStart), formatDate(story.dateEnd)].filter((d, i, all) => d !== null && all.indexOf(d) === i).join(' – ');
  append(main, el('p', { class: 'meta' }, [t(story.kind), dates, `${story.articles.length} ${t('articlesCount')}`, `${outlets.size} ${t('outletsCount')}`].filter(Boolean).join(' · ')));
  const sentences = Array.isArray(story.summary) ? story.summary.filter((s): s is { text: string } => typeof (s as { text?: unknown })?.text === 'string') : [];
  if (sentences.length > 0) {
    append(main, el('h2', {}, t('summary')));
    const summary = el('ul', { class: 'summary-sentences' });
    for (const s of sentences) append(summary, el('li', {}, s.text));
    append(main, summary);
  }
  if (story.events.length > 0) {
    append(main, el('h2', {}, t('events')));
    const events = el('ol', { class: 'story-list' });
    for (const e of story.events) append(events, el('li', {}, routeLink(`/story/${encodeURIComponent(e.id)}`, e.title ?? e.id), el('span', { class: 'meta' }, formatDate(e.dateStart) ?? '')));
    append(main, events);
  }
  append(main, el('h2', {}, t('timeline')));
  const timeline = el('ol', { class: 'article-list timeline' });
  const byDate = [...story.articles].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999'));
  for (const a of byDate) {
    const line = articleLine(a, t);
    if (a.credits.length > 0) append(line, el('span', { class: 'meta' }, `${t('credits')}: ${a.credits.map((c) => c.name).join(', ')}`));
    append(timeline, line);
  }
  append(main, timeline);
}
