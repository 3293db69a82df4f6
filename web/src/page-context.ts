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

/** ISO dates shown as given, cut to the day: the store keeps the precision the source gave. */
export function formatDate(iso: string | null): string | null {
  return iso === null ? null : iso.slice(0, 10);
}

export function heading(text: string): HTMLHeadingElement {
  return el('h1', {}, text);
}
