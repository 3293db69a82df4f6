/** The start page (stories and events when the story stage has made them, else an honest placeholder) and one story's page. */
import { getJson } from '../api-client.js';
import type { Page as ListPage, ArticleRef, MemberEvidence, ReuseLink, Statement, StoryDetail, StorySummary } from '../api-types.js';
import { append, el, routeLink } from '../dom.js';
import type { Translate } from '../i18n.js';
import { articleLine, formatDate, heading, pageLinks, type PageContext } from '../page-context.js';
import { coverageSparkline, sharedAxis } from '../sparkline.js';
import { sourceComparisonSection } from './source-comparison.js';
import { reuseGraphSection } from './reuse-graph.js';

/** Reuse links and statements one story page draws; a story with more says so under the graph. */
const STORY_PAGE_ITEMS = '200';

/** Stories per page: the list comes storylines first, then by size and recency. */
const STORIES_PER_PAGE = '50';

export async function storiesPage({ main, t, query }: PageContext): Promise<void> {
  // No /api/stats here: counting every article's credits takes 200 ms at 10,000 articles, over the page's budget.
  const [stories, first] = await Promise.all([
    getJson<ListPage<StorySummary>>('/api/stories', { limit: STORIES_PER_PAGE, include: 'coverage', cursor: query.get('cursor') ?? undefined }),
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
    const axis = sharedAxis(stories.items.map((s) => s.coverage?.days ?? []));
    for (const story of stories.items) {
      const dates = [formatDate(story.dateStart), formatDate(story.dateEnd)].filter((d, i, all) => d !== null && all.indexOf(d) === i).join(' – ');
      append(
        list,
        el(
          'li',
          {},
          routeLink(`/story/${encodeURIComponent(story.id)}`, story.title ?? story.id),
          el(
            'span',
            { class: 'meta' },
            [t(story.kind), dates, `${story.articleCount} ${t('articlesCount')}`, story.coverage === undefined ? null : `${story.coverage.outlets} ${t('outletsCount')}`].filter(Boolean).join(' · '),
          ),
          story.coverage === undefined || axis === null ? null : coverageSparkline(story.coverage.days, axis, t),
        ),
      );
    }
    append(main, list, pageLinks('/', query, stories.nextCursor, t));
  }
  append(main, el('h2', {}, t('firstArticles')));
  const list = el('ul', { class: 'article-list' });
  for (const ref of first.items) append(list, articleLine(ref, t));
  append(main, list, el('p', {}, routeLink('/articles', `${t('articles')} →`)));
}

/** One event or storyline: dates, summary sentences, its articles in date order with outlet and credits, its events. */
export async function storyPage({ main, t, args }: PageContext): Promise<void> {
  const id = encodeURIComponent(args[0] ?? '');
  const [story, reuse, statements] = await Promise.all([
    getJson<StoryDetail>(`/api/stories/${id}`),
    getJson<ListPage<ReuseLink>>(`/api/stories/${id}/reuse`, { limit: STORY_PAGE_ITEMS }),
    getJson<ListPage<Statement>>(`/api/stories/${id}/statements`, { limit: STORY_PAGE_ITEMS }),
  ]);
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
  // A storyline's comparison is its most covered event's: outlets are compared on one happening.
  const compared = story.kind === 'event' ? story : await mostCoveredEvent(story);
  const comparison = compared?.evidence?.comparison;
  if (compared !== null && comparison !== undefined) {
    const section = sourceComparisonSection(comparison, compared.evidence?.coreEntities ?? [], compared.articles, t);
    if (compared !== story) section.querySelector('h2')!.after(el('p', { class: 'meta' }, `${t('comparisonOfEvent')}: `, routeLink(`/story/${encodeURIComponent(compared.id)}`, compared.title ?? compared.id)));
    append(main, section);
  }
  append(main, reuseGraphSection(reuse.items, story.articles, t));
  if (reuse.nextCursor !== null) append(main, el('p', { class: 'meta' }, `${t('showingFirst')} ${reuse.items.length}`));
  append(main, statementsSection(statements, story.articles, t));

  // The articles themselves last: the sections above say how they relate.
  append(main, el('h2', {}, t('timeline')));
  const timeline = el('ol', { class: 'article-list timeline' });
  const byDate = [...story.articles].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999'));
  const evidenceOf = new Map((story.evidence?.members ?? []).map((m) => [m.articleId, m]));
  const titleOf = new Map(story.articles.map((a) => [a.id, a.title ?? t('untitled')]));
  for (const a of byDate) {
    const line = articleLine(a, t);
    if (a.credits.length > 0) append(line, el('span', { class: 'meta' }, `${t('credits')}: ${a.credits.map((c) => c.name).join(', ')}`));
    const why = membershipLine(evidenceOf.get(a.id), titleOf, t);
    if (why !== null) append(line, why);
    append(timeline, line);
  }
  append(main, timeline);
}

async function mostCoveredEvent(storyline: StoryDetail): Promise<StoryDetail | null> {
  const biggest = [...storyline.events].sort((a, b) => b.articleCount - a.articleCount)[0];
  return biggest === undefined ? null : getJson<StoryDetail>(`/api/stories/${encodeURIComponent(biggest.id)}`);
}

/** Why an event holds the article: the member it joined through, what they share, and each reused passage with its offsets. */
function membershipLine(member: MemberEvidence | undefined, titleOf: ReadonlyMap<string, string>, t: Translate): HTMLElement | null {
  if (member === undefined || member.matched === null || member.shared === null) return null;
  const shared = member.shared;
  const names = [...shared.entities, ...shared.terms].slice(0, 5).map((key) => key.slice(key.indexOf(':') + 1));
  const passages = (shared.passageLinks ?? []).map((p) => `${p.kind} ${p.article.start}–${p.article.end} ↔ ${p.matched.start}–${p.matched.end}`);
  const parts = [
    names.length > 0 ? `${t('shares')}: ${names.join(', ')}` : null,
    shared.statements.length > 0 ? `${shared.statements.length} ${t('statementsShared')}` : null,
    passages.length > 0 ? `${t('passagesShared')}: ${passages.join('; ')}` : null,
  ].filter(Boolean);
  return el('span', { class: 'why' }, `${t('joinedThrough')} `, routeLink(`/article/${member.matched}`, titleOf.get(member.matched) ?? member.matched.slice(0, 12)), parts.length > 0 ? ` · ${parts.join(' · ')}` : '');
}

/** Quoted statements the story's articles share: the earliest wording, then every outlet that carried it, earliest first. */
function statementsSection(statements: ListPage<Statement>, articles: readonly ArticleRef[], t: Translate): HTMLElement {
  const section = el('section', { class: 'statements', 'aria-labelledby': 'statements-heading' }, el('h2', { id: 'statements-heading' }, t('statements')));
  if (statements.items.length === 0) {
    append(section, el('p', {}, t('noStatements')));
    return section;
  }
  const titleOf = new Map(articles.map((a) => [a.id, a.title ?? t('untitled')]));
  const list = el('ol', { class: 'statement-list' });
  for (const s of statements.items) {
    // A quote inside a longer one of the same article (an indirect statement holding a direct quote) is one occurrence.
    const perArticle = s.occurrences.filter((o, i) => s.occurrences.findIndex((x) => x.articleId === o.articleId) === i);
    const occurrences = el('ol', { class: 'statement-occurrences' });
    perArticle.forEach((o, i) => {
      append(
        occurrences,
        el(
          'li',
          {},
          routeLink(`/article/${o.articleId}`, titleOf.get(o.articleId) ?? t('untitled')),
          el('span', { class: 'meta' }, ` · ${[o.outlet ?? t('unknownOutlet'), formatDate(o.published) ?? t('unknownDate')].join(' · ')}`),
          i === 0 ? el('span', { class: 'badge' }, t('first')) : null,
          o.text === s.text ? null : el('blockquote', { class: 'variant' }, o.text),
        ),
      );
    });
    append(
      list,
      el(
        'li',
        {},
        el('blockquote', {}, s.text),
        el('p', { class: 'meta' }, `${s.speaker ?? t('unknownSpeaker')} · ${perArticle.length} ${t('articlesCount')} · ${s.outlets.length} ${t('outletsCount')}`),
        occurrences,
      ),
    );
  }
  append(section, list);
  return section;
}
