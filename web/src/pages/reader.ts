/**
 * The article reader: clean text with entities linked, quotes marked (the speaker shows in the side
 * panel on hover, focus or click), where it was found, and reused passages beside their counterpart.
 */
import { getJson } from '../api-client.js';
import type { ArticleRecord, Page as ListPage, Quote, ReuseLink } from '../api-types.js';
import { entityKeyOf } from '../api-types.js';
import { append, clear, el, routeLink } from '../dom.js';
import { formatDate, type PageContext } from '../page-context.js';
import { reuseKindLabel, type Translate } from '../i18n.js';
import { diffWords, type DiffPiece } from '../word-diff.js';

export async function readerPage({ main, t, args }: PageContext): Promise<void> {
  const id = args[0] ?? '';
  const article = await getJson<ArticleRecord>(`/api/articles/${encodeURIComponent(id)}`);
  const reuse = await getJson<ListPage<ReuseLink>>('/api/reuse', { article: article.id, limit: '200' });
  const passages = reuse.items.map((link) => passageOf(link, article.id));
  const speakerPanel = el('div', { class: 'speaker-panel', 'aria-live': 'polite' }, el('p', { class: 'hint' }, t('hoverHint')));
  const showQuote = (quote: Quote) => {
    clear(speakerPanel);
    append(
      speakerPanel,
      el('p', { class: 'speaker-name' }, `${t('speaker')}: ${quote.speaker ?? t('unknownSpeaker')}`),
      quote.relayedBy ? el('p', {}, `${t('relayedBy')} ${quote.relayedBy}`) : null,
      el('blockquote', {}, quote.text),
    );
  };

  const body = el('div', { class: 'article-text', lang: article.language ?? undefined });
  // The comparison opens as a modal dialog: the page's full width for two columns, Escape or the button closes it.
  const comparison = el('dialog', { class: 'reuse-comparison', 'aria-labelledby': 'reuse-comparison-title' });
  const showPassage = (passage: Passage) => void compare(comparison, article, passage, t);
  append(body, annotatedText(article, passages, showQuote, showPassage, t));

  const side = el('aside', { class: 'reader-side', 'aria-label': t('quotes') });
  append(side, el('h2', {}, t('quotes')), speakerPanel);
  const quoteList = el('ol', { class: 'quote-list' });
  article.quotes.forEach((quote, index) => {
    const button = el('button', { type: 'button', class: 'quote-jump' }, `${quote.speaker ?? t('unknownSpeaker')}: ${quote.text}`);
    button.addEventListener('click', () => {
      showQuote(quote);
      document.getElementById(`quote-${index}`)?.focus();
    });
    append(quoteList, el('li', {}, button));
  });
  append(side, article.quotes.length > 0 ? quoteList : el('p', {}, t('noQuotes')));

  append(side, el('h2', {}, t('entitiesInText')));
  const names = new Map<string, { name: string; type: string; count: number }>();
  for (const m of article.entities) {
    const entry = names.get(entityKeyOf(m)) ?? { name: m.text, type: m.type, count: 0 };
    entry.count += 1;
    names.set(entityKeyOf(m), entry);
  }
  const nameList = el('ul', { class: 'entity-list' });
  for (const [key, e] of names) append(nameList, el('li', {}, routeLink(`/entity/${encodeURIComponent(key)}`, e.name, { class: `entity entity-${e.type}` }), ` ×${e.count}`));
  append(side, names.size > 0 ? nameList : el('p', {}, t('none')));

  append(side, el('h2', {}, t('reuse')));
  if (passages.length === 0) append(side, el('p', {}, t('noReuse')));
  const reuseList = el('ol', { class: 'reuse-list' });
  for (const passage of passages) {
    const button = el('button', { type: 'button', class: 'quote-jump' }, `${reuseKindLabel(passage.link.kind, t)}: ${article.text.slice(passage.here.start, Math.min(passage.here.end, passage.here.start + 80))}…`);
    button.addEventListener('click', () => showPassage(passage));
    append(reuseList, el('li', {}, button));
  }
  append(side, passages.length > 0 ? reuseList : null);

  append(side, el('h2', {}, t('occurrences')));
  const places = el('ul', { class: 'occurrence-list' });
  for (const o of article.occurrences) {
    // Source URLs are shown as text, never as links: a scraped javascript: URL must not become clickable.
    append(places, el('li', {}, [o.outlet, formatDate(o.published), o.url ?? o.path].filter(Boolean).join(' · ')));
  }
  append(side, places);
  if (article.credits.length > 0) append(side, el('h2', {}, t('credits')), el('p', {}, article.credits.map((c) => c.name).join(', ')));

  const meta = [article.outlet ? routeLink(`/outlet/${encodeURIComponent(article.outlet)}`, article.outlet) : null, formatDate(article.published) ?? t('unknownDate'), article.byline];
  const metaLine = el('p', { class: 'meta' });
  meta.filter(Boolean).forEach((part, i) => {
    append(metaLine, i > 0 ? ' · ' : null, part);
  });
  append(main, el('article', { class: 'reader' }, el('header', {}, el('h1', { lang: article.language ?? undefined }, article.title ?? t('untitled')), metaLine), el('div', { class: 'reader-layout' }, body, side), comparison));
}

/** A reuse link seen from the article being read: its own span and the other article's. */
interface Passage {
  readonly link: ReuseLink;
  readonly here: { start: number; end: number };
  readonly there: { articleId: string; start: number; end: number };
}

function passageOf(link: ReuseLink, articleId: string): Passage {
  const [here, there] = link.a.articleId === articleId ? [link.a, link.b] : [link.b, link.a];
  return { link, here, there };
}

/**
 * The passage here beside the same passage in the other article, the likely source first, with the
 * words each lacks of the other marked: <del> only in the first, <ins> only in the second.
 */
async function compare(target: HTMLDialogElement, article: ArticleRecord, passage: Passage, t: Translate): Promise<void> {
  const other = await getJson<ArticleRecord>(`/api/articles/${encodeURIComponent(passage.there.articleId)}`);
  const from = passage.link.direction.from;
  const otherName = other.outlet ?? other.title ?? other.id;
  const direction = from === null ? t('directionUnknown') : from === article.id ? `${otherName} ${t('copiedHere')}` : `${t('likelySource')}: ${otherName}`;
  const here = { caption: el('figcaption', {}, from === article.id ? `${t('likelySource')}: ${t('thisArticle')}` : t('thisArticle')), text: article.text.slice(passage.here.start, passage.here.end) };
  const there = {
    caption: el('figcaption', {}, `${from === other.id ? t('likelySource') : t('otherArticle')}: `, routeLink(`/article/${other.id}`, other.title ?? t('untitled'))),
    text: other.text.slice(passage.there.start, passage.there.end),
  };
  const [first, second] = from === other.id ? [there, here] : [here, there];
  const diff = diffWords(first.text, second.text);
  const close = el('button', { type: 'button', class: 'dialog-close' }, t('close'));
  close.addEventListener('click', () => target.close());
  clear(target);
  append(
    target,
    el('div', { class: 'dialog-head' }, el('h2', { id: 'reuse-comparison-title' }, `${t('reusedPassage')} (${reuseKindLabel(passage.link.kind, t)}, ${Math.round(passage.link.score * 100)} %) · ${direction}`), close),
    el('p', { class: 'diff-legend meta' }, el('del', {}, t('onlyFirst')), ' · ', el('ins', {}, t('onlySecond'))),
    el(
      'div',
      { class: 'side-by-side' },
      el('figure', {}, first.caption, el('blockquote', { class: 'diff-first' }, diffFragment(diff.before))),
      el('figure', {}, second.caption, el('blockquote', { class: 'diff-second' }, diffFragment(diff.after))),
    ),
  );
  if (!target.open) target.showModal();
  target.scrollTop = 0;
}

/** Changed words in <del>/<ins>, the space after them outside, so the marks hug the words. */
function diffFragment(pieces: readonly DiffPiece[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const piece of pieces) {
    if (piece.kind === 'same') {
      append(fragment, piece.text);
      continue;
    }
    const words = piece.text.trimEnd();
    append(fragment, el(piece.kind === 'deleted' ? 'del' : 'ins', {}, words), piece.text.slice(words.length));
  }
  return fragment;
}

/** The text cut at every entity, quote and reused-passage boundary; each piece wrapped in what it lies in. */
function annotatedText(
  article: ArticleRecord,
  passages: readonly Passage[],
  showQuote: (quote: Quote) => void,
  showPassage: (passage: Passage) => void,
  t: Translate,
): DocumentFragment {
  const text = article.text;
  const cuts = new Set([0, text.length]);
  for (const s of [...article.entities, ...article.quotes, ...passages.map((p) => p.here)]) {
    if (s.start >= 0 && s.end <= text.length && s.start < s.end) cuts.add(s.start).add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  const quoteStarted = new Set<number>();
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    const piece = text.slice(start, end);
    const entity = article.entities.find((m) => m.start <= start && end <= m.end);
    const quoteIndex = article.quotes.findIndex((q) => q.start <= start && end <= q.end);
    let node: Node = document.createTextNode(piece);
    if (entity !== undefined) {
      node = routeLink(`/entity/${encodeURIComponent(entityKeyOf(entity))}`, piece, { class: `entity entity-${entity.type}`, title: `${t(entity.type)}` });
    }
    if (quoteIndex >= 0) {
      const quote = article.quotes[quoteIndex]!;
      // The first piece of a quote takes its id and tab stop; the rest follow it.
      const first = !quoteStarted.has(quoteIndex);
      quoteStarted.add(quoteIndex);
      const mark = el('mark', { class: 'quote', title: `${t('speaker')}: ${quote.speaker ?? t('unknownSpeaker')}`, id: first ? `quote-${quoteIndex}` : undefined, tabindex: first ? 0 : undefined });
      append(mark, node);
      for (const event of ['mouseenter', 'focus', 'click']) mark.addEventListener(event, () => showQuote(quote));
      node = mark;
    }
    const passage = passages.find((p) => p.here.start <= start && end <= p.here.end);
    if (passage !== undefined) {
      // Reused text is underlined and opens the comparison on click; it may hold entity links, so it is
      // no button itself: keyboard users reach each passage through the side panel's list.
      const span = el('span', { class: 'reused', title: t('reusedPassage') });
      append(span, node);
      span.addEventListener('click', () => showPassage(passage));
      node = span;
    }
    fragment.appendChild(node);
  }
  return fragment;
}
