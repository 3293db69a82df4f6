/**
 * The export's `entities` and `quotes`: one record per canonical entity id (gathered while the articles
 * stream past) and one per quote with the id of its article. The per-article fields stay as they are.
 */
import type { Article, EntityMention, Quote } from '../article.js';

export interface EntityRecord {
  /** The canonical id articles' mentions carry (`person:wladimir-putin`, `country:RU`). */
  readonly id: string;
  /** The name the mentions use most often. */
  readonly name: string;
  readonly type: EntityMention['type'];
  /** Every other way the mentions write it, most used first. */
  readonly aliases: readonly string[];
  /** Mentions over all articles. */
  readonly mentions: number;
  /** Ids of the articles that mention it or quote it as speaker, in export order. */
  readonly articles: readonly string[];
}

export interface QuoteRecord extends Quote {
  readonly articleId: string;
}

/** Speakers named by a quote but by no mention get their type from their id's prefix. */
const TYPE_OF_ID_PREFIX: Readonly<Record<string, EntityMention['type']>> = {
  person: 'person',
  org: 'organization',
  country: 'location',
  gov: 'organization',
  place: 'location',
};

interface EntityTally {
  readonly names: Map<string, number>;
  readonly types: Map<EntityMention['type'], number>;
  mentions: number;
  readonly articles: string[];
}

export interface EntityTable {
  addArticle(article: Article): void;
  records(): EntityRecord[];
}

export function makeEntityTable(): EntityTable {
  const tallies = new Map<string, EntityTally>();
  const tallyOf = (id: string, articleId: string) => {
    let tally = tallies.get(id);
    if (tally === undefined) {
      tally = { names: new Map(), types: new Map(), mentions: 0, articles: [] };
      tallies.set(id, tally);
    }
    if (tally.articles.at(-1) !== articleId) tally.articles.push(articleId);
    return tally;
  };
  return {
    addArticle(article) {
      for (const mention of article.entities ?? []) {
        if (mention.canonical === null) continue;
        const tally = tallyOf(mention.canonical, article.id);
        tally.mentions += 1;
        tally.names.set(mention.text, (tally.names.get(mention.text) ?? 0) + 1);
        tally.types.set(mention.type, (tally.types.get(mention.type) ?? 0) + 1);
      }
      for (const quote of article.quotes ?? []) {
        if (!quote.speakerId) continue;
        const tally = tallyOf(quote.speakerId, article.id);
        if (tally.names.size === 0 && quote.speaker !== null) tally.names.set(quote.speaker, 0);
      }
    },
    records() {
      return [...tallies].map(([id, tally]) => {
        const names = mostFirst(tally.names);
        return {
          id,
          name: names[0] ?? id,
          type: mostFirst(tally.types)[0] ?? TYPE_OF_ID_PREFIX[id.split(':')[0] ?? ''] ?? 'other',
          aliases: names.slice(1),
          mentions: tally.mentions,
          articles: tally.articles,
        };
      });
    },
  };
}

export function quoteRecordsOf(article: Article): QuoteRecord[] {
  return (article.quotes ?? []).map((quote) => ({ ...quote, articleId: article.id }));
}

/** Keys by count, highest first; ties keep the order they were first seen in. */
function mostFirst<K>(counts: ReadonlyMap<K, number>): K[] {
  return [...counts].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}
