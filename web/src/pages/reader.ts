/**
 * The article reader: clean text with entities linked, quotes marked (the speaker shows in the side
 * panel on hover, focus or click), where it was found, and reused passages once the linker stores them.
 */
import { getJson } from '../api-client.js';
import type { ArticleRecord, OptionalPage, Quote } from '../api-types.js';
import { entityKeyOf } from '../api-types.js';
import { append, clear, el, routeLink } from '../dom.js';
import { formatDate, type PageContext } from '../page-context.js';
import type { Translate } from '../i18n.js';

export async function readerPage({ main, t, args }: PageContext): Promise<void> {
  const id = args[0] ?? '';
  const [article, reuse] = await Promise.all([getJson<ArticleRecord>(`/api/articles/${encodeURIComponent(id)}`), getJson<OptionalPage>('/api/reuse', { limit: '1' })]);
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
  append(body, annotatedText(article, showQuote, t));

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

  append(side, el('h2', {}, t('reuse')), el('p', {}, reuse.items.length === 0 ? t('noReuse') : `${reuse.items.length}+`));

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
  meta.filter(Boolean).forEach((part, i) => append(metaLine, i > 0 ? ' · ' : null, part));
  append(main, el('article', { class: 'reader' }, el('header', {}, el('h1', { lang: article.language ?? undefined }, article.title ?? t('untitled')), metaLine), el('div', { class: 'reader-layout' }, body, side)));
}

/** The text cut at every entity and quote boundary; each piece wrapped in the quote and entity it lies in. */
function annotatedText(article: ArticleRecord, showQuote: (quote: Quote) => void, t: Translate): DocumentFragment {
  const text = article.text;
  const cuts = new Set([0, text.length]);
  for (const s of [...article.entities, ...article.quotes]) {
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
    fragment.appendChild(node);
  }
  return fragment;
}
