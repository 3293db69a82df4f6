/** The web UI's entry: a hash router that draws one page into <main>, the navigation, and the language switch. */
import { ApiRequestError } from './api-client.js';
import { append, clear, el, routeLink } from './dom.js';
import { saveLanguage, savedLanguage, translator, type Language } from './i18n.js';
import type { Page, PageContext } from './page-context.js';
import { storiesPage, storyPage } from './pages/stories.js';
import { articlesPage } from './pages/articles.js';
import { readerPage } from './pages/reader.js';
import { entitiesPage, entityPage } from './pages/entities.js';
import { outletPage, outletsPage } from './pages/outlets.js';
import { ingestPage } from './pages/ingest.js';

const PAGES: Record<string, Page> = {
  '': storiesPage,
  story: storyPage,
  articles: articlesPage,
  article: readerPage,
  entities: entitiesPage,
  entity: entityPage,
  outlets: outletsPage,
  outlet: outletPage,
  ingest: ingestPage,
};

const NAV = [
  ['/', 'stories'],
  ['/articles', 'articles'],
  ['/entities', 'entities'],
  ['/outlets', 'outlets'],
  ['/ingest', 'ingest'],
] as const;

/** Detail pages light up the list they belong to in the navigation. */
const SECTION_OF: Record<string, string> = { story: '', article: 'articles', entity: 'entities', outlet: 'outlets' };

/** Wires the page once; the chosen language is this closure's state, not the module's. */
function startApp(): void {
  let language: Language = savedLanguage();

  async function render(): Promise<void> {
    const t = translator(language);
    document.documentElement.lang = language;
    const [path = '', queryString = ''] = (isRoute(location.hash) ? location.hash : '').replace(/^#\/?/, '').split('?', 2);
    const [name = '', ...rest] = path.split('/');
    const nav = document.getElementById('nav')!;
    nav.setAttribute('aria-label', t('nav'));
    clear(nav);
    for (const [route, label] of NAV) {
      const current = `/${SECTION_OF[name] ?? name}` === route;
      append(nav, routeLink(route, t(label), { 'aria-current': current ? 'page' : undefined }));
    }
    const switcher = document.getElementById('language-switch')!;
    switcher.textContent = t('switchTo');
    switcher.setAttribute('aria-label', t('switchLabel'));
    document.querySelector('.skip-link')!.textContent = t('skip');

    const main = document.getElementById('main')!;
    clear(main);
    append(main, el('p', { class: 'loading' }, t('loading')));
    const page = PAGES[name];
    const holder = el('div');
    const ctx: PageContext = { main: holder, t, args: rest.map(decodeURIComponent), query: new URLSearchParams(queryString) };
    try {
      if (page === undefined) append(holder, el('h1', {}, t('notFound')));
      else await page(ctx);
    } catch (error) {
      const message = error instanceof ApiRequestError && error.status === 404 ? t('notFound') : `${t('error')}: ${error instanceof Error ? error.message : String(error)}`;
      append(holder, el('p', { class: 'error', role: 'alert' }, message));
    }
    clear(main);
    main.append(...Array.from(holder.childNodes));
    const title = main.querySelector('h1')?.textContent;
    document.title = title ? `${title} – storytrace` : 'storytrace';
  }

  document.getElementById('language-switch')!.addEventListener('click', () => {
    language = language === 'de' ? 'en' : 'de';
    saveLanguage(language);
    void render();
  });
  // The skip link's "#main" is an anchor, not a route: move the focus there and leave the page as it is.
  document.querySelector('.skip-link')!.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main')!.focus();
  });
  window.addEventListener('hashchange', () => {
    if (!isRoute(location.hash)) return;
    void render().then(() => document.getElementById('main')?.focus());
  });
  void render();
}

/** Routes start "#/" (or are empty: the start page); any other fragment is an in-page anchor. */
function isRoute(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

startApp();
