/** What every page gets from the router: where to draw, the labels, the route's parts and query. */
import type { Translate } from './i18n.js';
import { el, routeLink } from './dom.js';
import type { ArticleRef } from './api-types.js';

export interface PageContext {
  readonly main: HTMLElement;
  readonly t: Translate;
  /** Route segments after the page name, decoded: "#/entity/person%3Ax" → ["person:x"]. */
  readonly args: readonly string[];
  readonly query: URLSearchParams;
}

export type Page = (ctx: PageContext) => Promise<void>;

/** One line of an article list: linked title, outlet and date. */
export function articleLine(ref: ArticleRef, t: Translate): HTMLLIElement {
  return el(
    'li',
    { class: 'article-line' },
    routeLink(`/article/${ref.id}`, ref.title ?? t('untitled')),
    el('span', { class: 'meta' }, [ref.outlet, formatDate(ref.published) ?? t('unknownDate')].filter(Boolean).join(' · ')),
  );
}

const YEAR = /^\d{4}$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * An ISO date as the interface language writes it, at the precision the source gave ("2025", "März 2025",
 * "14. März 2025" / "14 Mar 2025"); a time of day is left out. Anything else is shown as it is.
 */
export function formatDate(iso: string | null): string | null {
  if (iso === null || YEAR.test(iso)) return iso;
  // the router sets <html lang> before a page draws
  const language = document.documentElement.lang === 'en' ? 'en-GB' : 'de-DE';
  const month = YEAR_MONTH.exec(iso);
  if (month) return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  const day = DAY.exec(iso);
  if (day) return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  return iso;
}

/**
 * Links to the first and the next page of a list, kept in the route's query (`#/outlets?cursor=200`) so a
 * page can be bookmarked and the browser's back button goes back a page.
 */
export function pageLinks(route: string, query: URLSearchParams, nextCursor: string | null, t: Translate): HTMLElement | null {
  const onFirst = query.get('cursor') === null;
  if (onFirst && nextCursor === null) return null;
  const at = (cursor: string | null) => {
    const params = new URLSearchParams(query);
    if (cursor === null) params.delete('cursor');
    else params.set('cursor', cursor);
    return params.size > 0 ? `${route}?${params}` : route;
  };
  return el(
    'nav',
    { class: 'pager', 'aria-label': t('pages') },
    onFirst ? null : routeLink(at(null), `« ${t('firstPage')}`),
    nextCursor === null ? null : routeLink(at(nextCursor), `${t('nextPage')} »`, { rel: 'next' }),
  );
}

export function heading(text: string): HTMLHeadingElement {
  return el('h1', {}, text);
}
