/**
 * The behaviour every Store implementation must show. Each implementation's test file calls
 * `runStoreContract` with a way to open a fresh, empty store (see sqlite.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Origin } from '../../src/article.js';
import { articleIdFor } from '../../src/pipeline.js';
import type { Store } from '../../src/store/store.js';
import { feedContractCases } from './feed-contract.js';

export interface ContractOptions {
  /** Opens a new, empty store. */
  readonly openEmptyStore: () => Promise<Store> | Store;
  /** Set to skip every case, with the reason (e.g. no PostgreSQL server reachable). */
  readonly skip?: string;
}

function origin(path: string | null, url: string | null = null): Origin {
  return { path, url, record: null, segment: null };
}

/** A hand-built article, as the pipeline would make it, with only what a case needs spelled out. */
export function makeArticle(fields: Partial<Article> & { text: string }): Article {
  return {
    id: articleIdFor(fields.text),
    origin: origin('brief.txt'),
    pageId: null,
    title: null,
    published: null,
    language: 'de',
    outlet: null,
    credits: [],
    byline: null,
    sideTexts: [],
    messages: [],
    ...fields,
  };
}

const GARANTIEN = makeArticle({
  title: 'Moskau verlangt Sicherheitsgarantien',
  text: 'Die russische Regierung fordert vom Westen schriftliche Sicherheitsgarantien. Ein Sprecher nannte die Antwort aus Brüssel am Donnerstag enttäuschend.',
  published: '2023-03-02',
  outlet: 'Nordkurier Online',
  credits: [{ name: 'dpa', kind: 'agency', evidence: '(dpa)' }],
  origin: origin('feeds/nordkurier.txt', 'https://nordkurier.example/moskau-garantien'),
});
const ERKLAERUNG = makeArticle({
  title: 'Gipfel endet mit Erklärung',
  text: 'Zum Abschluss des Treffens in Lissabon veröffentlichten beide Seiten eine gemeinsame Erklärung zur Energiepolitik.',
  published: '2023-03-05T18:30+01:00',
  outlet: 'Rheinblatt',
  origin: origin('rheinblatt/gipfel.html'),
});
const WETTER = makeArticle({
  title: 'Sturm über der Nordsee',
  text: 'Orkanböen haben in der Nacht zum Sonntag Fähren zwischen den Inseln stillgelegt. Verletzt wurde niemand.',
  language: 'de',
  origin: origin('wetter.txt'),
});
const ENGLISH = makeArticle({
  title: 'Ferry services suspended',
  text: 'Storm gusts halted ferries between the islands overnight; nobody was hurt.',
  language: 'en',
  outlet: 'Coastal Times',
  published: '2023-02-26',
  origin: origin('coastal.txt'),
});

export function runStoreContract(name: string, options: ContractOptions): void {
  const contractTest = (title: string, body: (store: Store) => Promise<void>) =>
    test(`${name}: ${title}`, { skip: options.skip ?? false }, async () => {
      const store = await options.openEmptyStore();
      try {
        await body(store);
      } finally {
        await store.close();
      }
    });

  contractTest('gives back a stored article with every field and its occurrence', async (store) => {
    const result = await store.putArticles([GARANTIEN]);
    assert.deepEqual(result, { articlesAdded: 1, occurrencesAdded: 1 });
    const stored = await store.getArticle(GARANTIEN.id);
    assert.ok(stored);
    assert.deepEqual(stored.article, GARANTIEN);
    assert.equal(stored.occurrences.length, 1);
    assert.deepEqual(stored.occurrences[0]!.origin, GARANTIEN.origin);
    assert.equal(stored.occurrences[0]!.title, GARANTIEN.title);
    assert.match(stored.occurrences[0]!.seenAt, /^\d{4}-\d\d-\d\dT/);
  });

  contractTest('returns null for an id it does not hold', async (store) => {
    await store.putArticles([GARANTIEN]);
    assert.equal(await store.getArticle('0000000000000000'), null);
  });

  contractTest('adds nothing when the same articles are put twice', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG]);
    const again = await store.putArticles([GARANTIEN, ERKLAERUNG]);
    assert.deepEqual(again, { articlesAdded: 0, occurrencesAdded: 0 });
    const stats = await store.stats();
    assert.equal(stats.articles, 2);
    assert.equal(stats.occurrences, 2);
  });

  contractTest('keeps the same text found at two places as one article with two occurrences', async (store) => {
    const copy: Article = {
      ...GARANTIEN,
      title: 'Kreml will Garantien',
      outlet: 'Blog am Fluss',
      published: '2023-03-03',
      origin: origin(null, 'https://blog.example/2023/03/kreml'),
    };
    await store.putArticles([GARANTIEN]);
    assert.deepEqual(await store.putArticles([copy]), { articlesAdded: 0, occurrencesAdded: 1 });
    const stored = await store.getArticle(GARANTIEN.id);
    assert.ok(stored);
    assert.deepEqual(
      stored.occurrences.map((o) => [o.origin, o.title, o.outlet, o.published]),
      [
        [GARANTIEN.origin, GARANTIEN.title, GARANTIEN.outlet, GARANTIEN.published],
        [copy.origin, copy.title, copy.outlet, copy.published],
      ],
    );
    // The article itself is what was seen first.
    assert.deepEqual(stored.article.origin, GARANTIEN.origin);
    assert.equal(stored.article.title, GARANTIEN.title);
  });

  contractTest('keeps two occurrences put in one call, and segments of one page apart', async (store) => {
    const segment0 = { ...ERKLAERUNG, origin: { ...ERKLAERUNG.origin, segment: 0 } };
    const segment1 = { ...ERKLAERUNG, origin: { ...ERKLAERUNG.origin, segment: 1 } };
    assert.deepEqual(await store.putArticles([segment0, segment1, segment0]), { articlesAdded: 1, occurrencesAdded: 2 });
  });

  contractTest('round-trips entities and quotes when an analysis filled them', async (store) => {
    const analysed: Article = {
      ...WETTER,
      entities: [{ text: 'Nordsee', start: 0, end: 7, type: 'location', canonical: null }],
      quotes: [],
    };
    await store.putArticles([analysed]);
    assert.deepEqual((await store.getArticle(WETTER.id))?.article, analysed);
  });

  contractTest('lists every article once, in first-seen order, page by page', async (store) => {
    const all = [GARANTIEN, ERKLAERUNG, WETTER, ENGLISH];
    await store.putArticles(all.slice(0, 2));
    await store.putArticles(all.slice(2));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await store.listArticles(cursor === undefined ? { limit: 3 } : { limit: 3, cursor });
      seen.push(...page.articles.map((a) => a.article.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    assert.deepEqual(seen, all.map((a) => a.id));
  });

  contractTest('finds German inflected forms of the query words', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG, WETTER]);
    const garantie = await store.search('Sicherheitsgarantie', { limit: 10 });
    assert.deepEqual(garantie.map((h) => h.id), [GARANTIEN.id]);
    const erklaerungen = await store.search('Erklärungen', { limit: 10 });
    assert.deepEqual(erklaerungen.map((h) => h.id), [ERKLAERUNG.id]);
  });

  contractTest('matches regardless of case and umlaut spelling', async (store) => {
    await store.putArticles([WETTER]);
    assert.deepEqual((await store.search('ORKANBÖEN', { limit: 5 })).map((h) => h.id), [WETTER.id]);
    assert.deepEqual((await store.search('orkanböe', { limit: 5 })).map((h) => h.id), [WETTER.id]);
    assert.deepEqual((await store.search('Orkanbo\u0308en', { limit: 5 })).map((h) => h.id), [WETTER.id], 'decomposed umlaut');
  });

  contractTest('requires every query word, and quoted words in order', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG, WETTER]);
    assert.deepEqual((await store.search('gemeinsame Erklärung', { limit: 5 })).map((h) => h.id), [ERKLAERUNG.id]);
    assert.deepEqual((await store.search('Erklärung Orkanböen', { limit: 5 })).map((h) => h.id), []);
    assert.deepEqual((await store.search('"gemeinsamen Erklärungen"', { limit: 5 })).map((h) => h.id), [ERKLAERUNG.id]);
    assert.deepEqual((await store.search('"Erklärung gemeinsame"', { limit: 5 })).map((h) => h.id), []);
  });

  contractTest('matches a word inside a compound, marking the compound', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG, WETTER]);
    const [hit, ...rest] = await store.search('Garantie', { limit: 5 });
    assert.equal(hit?.id, GARANTIEN.id);
    assert.deepEqual(rest, []);
    assert.deepEqual(hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end)), ['Sicherheitsgarantien']);
    // the text reads "Sicherheitsgarantien. Ein": a phrase matches the words as written, not their parts
    assert.deepEqual((await store.search('"Garantien ein"', { limit: 5 })).map((h) => h.id), []);
    assert.deepEqual((await store.search('"Sicherheitsgarantien ein"', { limit: 5 })).map((h) => h.id), [GARANTIEN.id]);
  });

  contractTest('matches a starred word as a prefix, which reaches into compounds', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG, WETTER]);
    const [hit, ...rest] = await store.search('Sicherheits*', { limit: 5 });
    assert.equal(hit?.id, GARANTIEN.id);
    assert.deepEqual(rest, []);
    assert.deepEqual(hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end)), ['Sicherheitsgarantien']);
    assert.deepEqual((await store.search('"gemeinsame Erklä*"', { limit: 5 })).map((h) => h.id), [ERKLAERUNG.id]);
  });

  contractTest('marks the matched words in the snippet', async (store) => {
    await store.putArticles([GARANTIEN]);
    const [hit] = await store.search('Sicherheitsgarantie', { limit: 1 });
    assert.ok(hit);
    assert.equal(hit.title, GARANTIEN.title);
    const marked = hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end));
    assert.deepEqual(marked, ['Sicherheitsgarantien']);
  });

  contractTest('ranks a title match above a passing mention and honours the limit', async (store) => {
    const mention = makeArticle({
      title: 'Haushalt beschlossen',
      text: 'Der Landtag beschloss den Haushalt. Am Rande ging es auch um Fähren und den Sturm der Vorwoche.',
      origin: origin('landtag.txt'),
    });
    await store.putArticles([mention, WETTER]);
    const hits = await store.search('Sturm', { limit: 10 });
    assert.deepEqual(hits.map((h) => h.id), [WETTER.id, mention.id]);
    assert.ok(hits[0]!.score > hits[1]!.score);
    assert.equal((await store.search('Sturm', { limit: 1 })).length, 1);
  });

  contractTest('returns no hits for an empty query or a word nobody wrote', async (store) => {
    await store.putArticles([GARANTIEN]);
    assert.deepEqual(await store.search('', { limit: 5 }), []);
    assert.deepEqual(await store.search('  — ', { limit: 5 }), []);
    assert.deepEqual(await store.search('Quantencomputer', { limit: 5 }), []);
  });

  contractTest('counts articles, occurrences, outlets, languages and the published range', async (store) => {
    const copy = { ...ENGLISH, origin: origin('mirror/coastal.txt') };
    await store.putArticles([GARANTIEN, ERKLAERUNG, WETTER, ENGLISH, copy]);
    const stats = await store.stats();
    assert.equal(stats.articles, 4);
    assert.equal(stats.occurrences, 5);
    assert.deepEqual(stats.languages, [
      { name: 'de', count: 3 },
      { name: 'en', count: 1 },
    ]);
    assert.equal(stats.outlets.find((o) => o.name === '(unknown)')?.count, 1);
    assert.equal(stats.outlets.length, 4);
    assert.deepEqual(stats.publishedRange, { earliest: '2023-02-26', latest: '2023-03-05T18:30+01:00' });
    assert.deepEqual(stats.credits, [{ name: 'dpa', count: 1 }]);
    assert.ok(stats.schemaVersion >= 1);
  });

  contractTest('finds ids by a typed prefix', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG]);
    assert.deepEqual(await store.findIdsByPrefix(GARANTIEN.id.slice(0, 6), 5), [GARANTIEN.id]);
    assert.deepEqual(await store.findIdsByPrefix("x' OR 1=1", 5), []);
  });

  contractTest('browse: search narrows by outlet and by a date at the precision given, and pages with a cursor', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG, WETTER, ENGLISH]);
    const march = await store.browse.searchArticles({ from: '2023-03', to: '2023-03' }, { limit: 1 });
    assert.deepEqual(march.items.map((h) => h.id), [GARANTIEN.id]);
    assert.equal(march.facets.total, 2);
    assert.ok(march.nextCursor);
    const rest = await store.browse.searchArticles({ from: '2023-03', to: '2023-03' }, { limit: 1, cursor: march.nextCursor });
    assert.deepEqual(rest.items.map((h) => h.id), [ERKLAERUNG.id]);
    assert.equal(rest.nextCursor, null);
    const rheinblatt = await store.browse.searchArticles({ query: 'Erklärungen', outlet: 'Rheinblatt' }, { limit: 5 });
    assert.deepEqual(rheinblatt.items.map((h) => h.id), [ERKLAERUNG.id]);
    assert.deepEqual(rheinblatt.facets.outlets, [{ name: 'Rheinblatt', count: 1 }]);
  });

  contractTest('browse: the ids a filter matches come all of them, in first-seen order, page by page', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG, WETTER, ENGLISH]);
    const first = await store.browse.filterArticleIds({}, { limit: 3 });
    assert.deepEqual(first.items, [GARANTIEN.id, ERKLAERUNG.id, WETTER.id]);
    const rest = await store.browse.filterArticleIds({}, { limit: 3, cursor: first.nextCursor! });
    assert.deepEqual([rest.items, rest.nextCursor], [[ENGLISH.id], null]);
    assert.deepEqual((await store.browse.filterArticleIds({ from: '2023-03', to: '2023-03' }, { limit: 10 })).items, [GARANTIEN.id, ERKLAERUNG.id]);
    assert.deepEqual((await store.browse.filterArticleIds({ query: 'Sicherheitsgarantie', language: 'de' }, { limit: 10 })).items, [GARANTIEN.id]);
    assert.deepEqual((await store.browse.filterArticleIds({ query: 'Wort, das keiner schrieb' }, { limit: 10 })).items, []);
    assert.deepEqual((await store.browse.filterArticleIds({ query: '!!' }, { limit: 10 })).items, [], 'a query without words matches nothing');
  });

  contractTest('browse: entities group by canonical id (unresolved ones by type and surface) and own the quotes their mentions speak and those that name them', async (store) => {
    const text = 'Ministerin Ada Brenner sagte: „Wir bleiben dabei.“ Brenner reiste danach nach Lissabon. Ein Sprecher sagte: „Brenner hat recht.“';
    const speaker = text.indexOf('Ada Brenner');
    const words = text.indexOf('„');
    const about = text.indexOf('„Brenner');
    const article = makeArticle({
      text,
      entities: [
        { text: 'Ada Brenner', start: speaker, end: speaker + 11, type: 'person', canonical: 'person:ada-brenner' },
        { text: 'Brenner', start: text.indexOf('Brenner reiste'), end: text.indexOf('Brenner reiste') + 7, type: 'person', canonical: 'person:ada-brenner' },
        { text: 'Lissabon', start: text.indexOf('Lissabon'), end: text.indexOf('Lissabon') + 8, type: 'location', canonical: null },
        { text: 'Brenner', start: about + 1, end: about + 8, type: 'person', canonical: 'person:ada-brenner' },
      ],
      quotes: [
        { text: '„Wir bleiben dabei.“', start: words, end: words + 20, kind: 'direct', partial: false, cue: 'sagte', speaker: 'Ada Brenner', relayedBy: null, speakerStart: speaker, speakerEnd: speaker + 11 },
        { text: '„Brenner hat recht.“', start: about, end: about + 20, kind: 'direct', partial: false, cue: 'sagte', speaker: 'Ein Sprecher', relayedBy: null, speakerStart: text.indexOf('Ein Sprecher'), speakerEnd: text.indexOf('Ein Sprecher') + 12 },
      ],
    });
    await store.putArticles([article, GARANTIEN]);
    const people = await store.browse.listEntities('person', { limit: 10 });
    assert.deepEqual(people.items, [{ key: 'person:ada-brenner', name: 'Brenner', type: 'person', mentions: 3, articles: 1 }]);
    const places = await store.browse.listEntities('location', { limit: 10 });
    assert.equal(places.items[0]?.key, 'location:~Lissabon');
    const brenner = await store.browse.getEntity('person:ada-brenner', 5);
    assert.deepEqual(brenner?.names, [{ name: 'Brenner', count: 2 }, { name: 'Ada Brenner', count: 1 }]);
    assert.deepEqual(brenner?.quotes.map((q) => q.quote.text), ['„Wir bleiben dabei.“']);
    assert.deepEqual(brenner?.quotedAbout.map((q) => q.quote.speaker), ['Ein Sprecher']);
    assert.equal(await store.browse.getEntity('person:niemand', 5), null);
    const quotes = await store.browse.listQuotes({ speaker: 'brenner' }, { limit: 5 });
    // Only Ada Brenner's own quote: "Ein Sprecher" does not contain the name.
    assert.equal(quotes.items.length, 1);
  });

  contractTest('browse: outlets count what they publish and the agencies they credit, a page at a time', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG, WETTER]);
    const outlets = await store.browse.listOutlets({ limit: 2 });
    assert.equal(outlets.items.length, 2);
    assert.ok(outlets.nextCursor);
    const all = [...outlets.items, ...(await store.browse.listOutlets({ limit: 2, cursor: outlets.nextCursor! })).items];
    assert.deepEqual(all.find((o) => o.name === 'Nordkurier Online')?.credits, [{ name: 'dpa', count: 1 }]);
    assert.equal(all.find((o) => o.name === '(unknown)')?.articles, 1);
  });

  contractTest('browse: quotes of an entity page by role, and its page counts all of them', async (store) => {
    const text = 'Ada Brenner sagte: „Wir bleiben dabei.“ Ein Sprecher sagte: „Brenner hat recht.“ Brenner sagte später: „Es bleibt so.“';
    const mention = (at: string, length: number) => ({ text: text.slice(text.indexOf(at), text.indexOf(at) + length), start: text.indexOf(at), end: text.indexOf(at) + length, type: 'person' as const, canonical: 'person:ada-brenner' });
    const quote = (words: string, speaker: string, speakerAt: string) => ({
      text: words, start: text.indexOf(words), end: text.indexOf(words) + words.length, kind: 'direct' as const, partial: false, cue: 'sagte',
      speaker, relayedBy: null, speakerStart: text.indexOf(speakerAt), speakerEnd: text.indexOf(speakerAt) + speaker.length,
    });
    const article = makeArticle({
      text,
      entities: [mention('Ada Brenner', 11), mention('Brenner hat', 7), mention('Brenner sagte später', 7)],
      quotes: [quote('„Wir bleiben dabei.“', 'Ada Brenner', 'Ada Brenner'), quote('„Brenner hat recht.“', 'Ein Sprecher', 'Ein Sprecher'), quote('„Es bleibt so.“', 'Brenner', 'Brenner sagte später')],
    });
    await store.putArticles([article, GARANTIEN]);
    const first = await store.browse.listQuotes({ entity: 'person:ada-brenner' }, { limit: 1 });
    assert.deepEqual(first.items.map((q) => q.quote.text), ['„Wir bleiben dabei.“']);
    assert.ok(first.nextCursor !== null);
    const second = await store.browse.listQuotes({ entity: 'person:ada-brenner' }, { limit: 1, cursor: first.nextCursor });
    assert.deepEqual(second.items.map((q) => [q.index, q.quote.text]), [[2, '„Es bleibt so.“']]);
    assert.equal(second.nextCursor, null);
    const about = await store.browse.listQuotes({ entity: 'person:ada-brenner', role: 'about' }, { limit: 5 });
    assert.deepEqual(about.items.map((q) => q.quote.speaker), ['Ein Sprecher']);
    assert.equal(about.items[0]?.article.id, article.id);
    assert.deepEqual((await store.browse.listQuotes({ entity: 'person:niemand' }, { limit: 5 })).items, []);
    const brenner = await store.browse.getEntity('person:ada-brenner', 5);
    assert.equal(brenner?.quoteCount, 2);
    assert.equal(brenner?.quotedAboutCount, 1);
    // Newest articles first, and within one article in text order.
    assert.deepEqual(brenner?.quotes.map((q) => q.index), [0, 2]);    assert.deepEqual(await store.browse.listOutletArticleIds('(unknown)'), [article.id]);
    assert.deepEqual(await store.browse.listOutletArticleIds('Nordkurier Online'), [GARANTIEN.id]);
    assert.deepEqual(await store.browse.listArticleSizes([GARANTIEN.id, 'ffffffffffffffff']), [
      { id: GARANTIEN.id, outlet: 'Nordkurier Online', textLength: GARANTIEN.text.length, credits: GARANTIEN.credits },
    ]);
    // Articles without quotes are left out.
    assert.deepEqual(await store.browse.listArticleQuotes([GARANTIEN.id, article.id]), [{ id: article.id, outlet: null, published: null, quotes: article.quotes }]);
  });

  contractTest('browse: search filters and facets by story; stories page without their evidence; a storyline lists its events', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG, WETTER, ENGLISH]);
    const story = (id: string, kind: 'event' | 'storyline', storylineId: string | null, dateStart: string, articleIds: string[]) => ({
      id, kind, storylineId, title: `title of ${id}`, dateStart, dateEnd: dateStart, articleIds, summary: [], evidence: { why: id },
    });
    const stories = [
      story('event:garantien', 'event', 'storyline:gipfel', '2023-03-02', [GARANTIEN.id]),
      story('event:erklaerung', 'event', 'storyline:gipfel', '2023-03-05', [ERKLAERUNG.id]),
      story('storyline:gipfel', 'storyline', null, '2023-03-02', [GARANTIEN.id, ERKLAERUNG.id]),
      story('event:faehren', 'event', null, '2023-02-26', [WETTER.id, ENGLISH.id]),
    ];
    const members = stories
      .filter((s) => s.kind === 'event')
      .flatMap((s) => s.articleIds.map((articleId) => ({ articleId, eventId: s.id, eventDay: s.dateStart, matchedId: null, evidence: null })));
    await store.stories.replaceStories(stories, members, []);
    const inStoryline = await store.browse.searchArticles({ story: 'storyline:gipfel' }, { limit: 10 });
    assert.deepEqual(inStoryline.items.map((h) => h.id).sort(), [GARANTIEN.id, ERKLAERUNG.id].sort());
    assert.equal(inStoryline.facets.total, 2);
    const withQuery = await store.browse.searchArticles({ query: 'Fähren', story: 'event:faehren' }, { limit: 10 });
    assert.deepEqual(withQuery.items.map((h) => h.id), [WETTER.id]);
    assert.deepEqual((await store.browse.searchArticles({ story: 'event:nirgends' }, { limit: 10 })).items, []);
    // Events of a storyline count under the storyline.
    const all = await store.browse.searchArticles({}, { limit: 10 });
    assert.deepEqual(all.facets.stories, [
      { id: 'event:faehren', kind: 'event', title: 'title of event:faehren', count: 2 },
      { id: 'storyline:gipfel', kind: 'storyline', title: 'title of storyline:gipfel', count: 2 },
    ]);
    // storylines first, then the larger event, then the later one
    const firstPage = await store.browse.listStories(undefined, { limit: 2 });
    assert.deepEqual(firstPage.items.map((s) => s.id), ['storyline:gipfel', 'event:faehren']);
    assert.ok(!('evidence' in firstPage.items[0]!));
    const rest = await store.browse.listStories(undefined, { limit: 2, cursor: firstPage.nextCursor! });
    assert.deepEqual(rest.items.map((s) => s.id), ['event:erklaerung', 'event:garantien']);
    assert.equal(rest.nextCursor, null);
    assert.deepEqual((await store.browse.listStories('storyline', { limit: 5 })).items.map((s) => s.id), ['storyline:gipfel']);
    assert.deepEqual((await store.browse.eventsOf('storyline:gipfel')).map((s) => [s.id, s.articleIds]), [
      ['event:garantien', [GARANTIEN.id]],
      ['event:erklaerung', [ERKLAERUNG.id]],
    ]);
  });

  contractTest('browse: articles by id come in the order asked for, with credits and how many places they were found at', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG, { ...GARANTIEN, origin: origin('mirror/garantien.txt') }]);
    const listed = await store.browse.listArticlesById([ERKLAERUNG.id, 'ffffffffffffffff', GARANTIEN.id]);
    assert.deepEqual(listed, [
      { id: ERKLAERUNG.id, title: ERKLAERUNG.title, outlet: 'Rheinblatt', published: ERKLAERUNG.published, language: 'de', credits: [], occurrences: 1 },
      { id: GARANTIEN.id, title: GARANTIEN.title, outlet: 'Nordkurier Online', published: GARANTIEN.published, language: 'de', credits: GARANTIEN.credits, occurrences: 2 },
    ]);
  });

  contractTest('browse: a date range includes every day of the months it names, with or without an entity', async (store) => {
    const mentioning = (article: Article) => ({ ...article, entities: [{ text: 'Brüssel', start: 0, end: 7, type: 'location' as const, canonical: 'place:bruessel' }] });
    await store.putArticles([mentioning(GARANTIEN), mentioning(ENGLISH), ERKLAERUNG]);
    const march = await store.browse.searchArticles({ from: '2023-03', to: '2023-03' }, { limit: 10 });
    assert.deepEqual(march.items.map((h) => h.id), [GARANTIEN.id, ERKLAERUNG.id]);
    const marchAndBrussels = await store.browse.searchArticles({ from: '2023-03', to: '2023-03', entity: 'place:bruessel' }, { limit: 10 });
    assert.deepEqual(marchAndBrussels.items.map((h) => h.id), [GARANTIEN.id]);
    assert.deepEqual(marchAndBrussels.facets.entities.map((e) => [e.key, e.count]), [['place:bruessel', 1]]);
    assert.deepEqual((await store.browse.searchArticles({ to: '2023-02-26' }, { limit: 10 })).items.map((h) => h.id), [ENGLISH.id]);
    // A query with an entity, and with an entity and an outlet.
    assert.deepEqual((await store.browse.searchArticles({ query: 'Sicherheitsgarantie', entity: 'place:bruessel' }, { limit: 10 })).items.map((h) => h.id), [GARANTIEN.id]);
    assert.deepEqual((await store.browse.searchArticles({ query: 'Erklärung', entity: 'place:bruessel' }, { limit: 10 })).items, []);
    assert.equal((await store.browse.searchArticles({ query: 'Sicherheitsgarantie', entity: 'place:bruessel', outlet: 'Rheinblatt' }, { limit: 10 })).facets.total, 0);
    assert.equal((await store.browse.searchArticles({ query: 'Sicherheitsgarantie', entity: 'place:bruessel', outlet: 'Nordkurier Online' }, { limit: 10 })).facets.total, 1);
  });

  contractTest('reuse: links are stored once by id and found from either article; linked articles are remembered', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG, WETTER]);
    const link = {
      id: 'link-garantien-erklaerung',
      kind: 'near-verbatim' as const,
      a: { articleId: GARANTIEN.id, start: 4, end: 60 },
      b: { articleId: ERKLAERUNG.id, start: 0, end: 50 },
      score: 0.9,
      direction: { from: ERKLAERUNG.id, confidence: 0.7, reasons: ['published earlier'] },
    };
    const other = { ...link, id: 'link-erklaerung-wetter', kind: 'paraphrase' as const, a: { articleId: WETTER.id, start: 0, end: 20 }, direction: { from: null, confidence: 0, reasons: [] } };
    assert.deepEqual([...(await store.reuse.linkedArticleIds())], []);
    assert.equal(await store.reuse.putReuseLinks([link, other], [GARANTIEN.id, WETTER.id]), 2);
    assert.equal(await store.reuse.putReuseLinks([link], [GARANTIEN.id]), 0);
    assert.deepEqual([...(await store.reuse.linkedArticleIds())].sort(), [GARANTIEN.id, WETTER.id].sort());
    assert.deepEqual(await store.reuse.reuseLinksFor([GARANTIEN.id]), [link]);
    assert.deepEqual((await store.reuse.reuseLinksFor([ERKLAERUNG.id, WETTER.id])).map((l) => l.id), [link.id, other.id]);
    assert.deepEqual(await store.reuse.listReuseLinks(), [link, other]);
    const firstPage = await store.reuse.pageReuseLinks({ limit: 1 });
    assert.deepEqual(firstPage.items, [link]);
    assert.deepEqual(await store.reuse.pageReuseLinks({ limit: 1, cursor: firstPage.nextCursor! }), { items: [other], nextCursor: null });
  });
  contractTest('stories: events replace the previous set, memberships keep their evidence and event day, merges are appended', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG]);
    const event = {
      id: 'event:garantien',
      kind: 'event' as const,
      storylineId: 'storyline:garantien',
      title: 'Moskau verlangt Sicherheitsgarantien',
      dateStart: '2023-03-02',
      dateEnd: '2023-03-03',
      articleIds: [GARANTIEN.id, ERKLAERUNG.id],
      summary: [{ text: 'Die russische Regierung fordert Garantien.', articleIds: [GARANTIEN.id] }],
      evidence: { coreEntities: [{ key: 'gov:RU', name: 'Moskau', articles: 2 }] },
    };
    const members = [
      { articleId: GARANTIEN.id, eventId: event.id, eventDay: '2023-03-02', matchedId: null, evidence: null },
      { articleId: ERKLAERUNG.id, eventId: event.id, eventDay: null, matchedId: GARANTIEN.id, evidence: { entities: ['gov:RU'] } },
    ];
    await store.stories.replaceStories([{ ...event, id: 'event:old' }], [], []);
    await store.stories.replaceStories([event], members, [{ kind: 'merge', into: event.id, from: 'event:old', reason: 'test' }]);
    assert.deepEqual(await store.stories.listStories(), [event]);
    assert.deepEqual(await store.stories.getStory(event.id), event);
    assert.equal(await store.stories.getStory('event:old'), null);
    assert.deepEqual(await store.stories.listStoryMembers(), members);
    assert.deepEqual((await store.stories.listStoryChanges()).map(({ kind, into, from, reason }) => ({ kind, into, from, reason })), [
      { kind: 'merge', into: event.id, from: 'event:old', reason: 'test' },
    ]);
    assert.deepEqual(await store.stories.listStories('storyline'), []);
  });

  contractTest('stories: an event\'s digest is kept with it, replaced by the next update, and goes when the event is removed', async (store) => {
    const update = { counts: new Map([['', 1]]), postings: [], postingsCap: 400, members: [], eventCores: new Map(), storylineOf: new Map(), changes: [] };
    const story = (id: string) => ({ id, kind: 'event' as const, storylineId: null, title: null, dateStart: null, dateEnd: null, articleIds: [GARANTIEN.id], summary: [], evidence: {} });
    await store.stories.applyStoryUpdate({ ...update, stories: [story('event:a'), story('event:b')], removed: [], digests: new Map([['event:a', { n: 1 }], ['event:b', { n: 2 }]]) });
    await store.stories.applyStoryUpdate({ ...update, stories: [story('event:a')], removed: ['event:b'], digests: new Map([['event:a', { n: 3 }]]) });
    assert.deepEqual(await store.stories.eventDigests(['event:a', 'event:b', 'event:none']), new Map([['event:a', { n: 3 }]]));
  });

  contractTest('stories: a posting key stops taking articles at the cap, across updates', async (store) => {
    const update = { members: [], stories: [], eventCores: new Map(), removed: [], storylineOf: new Map(), changes: [], digests: new Map(), postingsCap: 3 };
    await store.stories.applyStoryUpdate({ ...update, counts: new Map([['t brücke', 2], ['t fähre', 1]]), postings: [['t brücke', 'a1'], ['t brücke', 'a2'], ['t fähre', 'a2']] });
    await store.stories.applyStoryUpdate({ ...update, counts: new Map([['t brücke', 3]]), postings: [['t brücke', 'a3'], ['t brücke', 'a4'], ['t brücke', 'a5']] });
    const postings = await store.stories.storyPostings(['t brücke', 't fähre'], 4);
    assert.deepEqual([...(postings.get('t brücke') ?? [])].sort(), ['a1', 'a2', 'a3']);
    assert.deepEqual(postings.get('t fähre'), ['a2']);
  });

  contractTest('stories: one story\'s changes are read by its id; articles no event holds are listed', async (store) => {
    await store.putArticles([GARANTIEN, ERKLAERUNG, WETTER]);
    const members = [{ articleId: ERKLAERUNG.id, eventId: 'event:a', eventDay: null, matchedId: null, evidence: null }];
    const changes = [
      { kind: 'merge', into: 'event:a', from: 'event:b', reason: 'first' },
      { kind: 'split', into: 'event:c', from: 'event:d', reason: 'elsewhere' },
      { kind: 'split', into: 'event:e', from: 'event:a', reason: 'second' },
    ];
    await store.stories.replaceStories([], members, changes);
    assert.deepEqual((await store.stories.storyChangesOf(['event:a'])).map((c) => c.reason), ['first', 'second']);
    assert.deepEqual((await store.stories.storyChangesOf(['event:c', 'event:b'])).map((c) => c.reason), ['first', 'elsewhere']);
    assert.deepEqual(await store.stories.storyChangesOf(['event:none']), []);
    assert.deepEqual(await store.stories.unplacedArticleIds(), [GARANTIEN.id, WETTER.id]);
  });

  contractTest('stories: outlet registry edits are kept by name, case-insensitively, the last edit winning', async (store) => {
    await store.stories.putOutletOverride({ name: 'Nordkurier Online', domains: 'nordkurier.example', country: 'DE', type: 'newspaper', sanctions: '' });
    await store.stories.putOutletOverride({ name: 'nordkurier online', domains: 'nordkurier.example', country: 'DE', type: 'online news', sanctions: '' });
    const rows = await store.stories.listOutletOverrides();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.type, 'online news');
  });

  feedContractCases(contractTest);
}
