/** The shapes of the API answers the pages read (see /api/openapi.json and src/store/browse.ts). */

export interface Span {
  start: number;
  end: number;
}
export interface CountByName {
  name: string;
  count: number;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface OptionalPage extends Page<Record<string, unknown>> {
  available: boolean;
}
export interface ArticleRef {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
}
export interface SearchHit extends ArticleRef {
  language: string | null;
  snippet: { text: string; highlights: Span[] };
}
export interface SearchResult extends Page<SearchHit> {
  facets: {
    total: number;
    outlets: CountByName[];
    languages: CountByName[];
    entities: { key: string; name: string; type: string; count: number }[];
    sampled: { outletsAndLanguages: number; entities: number };
  };
}
export interface EntityMention extends Span {
  text: string;
  type: 'person' | 'organization' | 'location' | 'other';
  canonical: string | null;
}
export interface Quote extends Span {
  text: string;
  kind: string;
  speaker: string | null;
  relayedBy: string | null;
}
export interface ArticleRecord extends ArticleRef {
  text: string;
  language: string | null;
  byline: string | null;
  credits: { name: string; kind: string }[];
  entities: EntityMention[];
  quotes: Quote[];
  occurrences: { path: string | null; url: string | null; outlet: string | null; published: string | null }[];
}
export interface QuoteRecord {
  article: ArticleRef;
  index: number;
  quote: Quote;
}
export interface EntitySummary {
  key: string;
  name: string;
  type: EntityMention['type'];
  mentions: number;
  articles: number;
}
export interface EntityDetail extends EntitySummary {
  names: CountByName[];
  mentionSample: { article: ArticleRef; mention: EntityMention; context: { text: string; start: number; end: number } }[];
  quotes: QuoteRecord[];
  quotedAbout: QuoteRecord[];
  articleRefs: ArticleRef[];
}
export interface OutletSummary {
  name: string;
  articles: number;
  languages: CountByName[];
  credits: CountByName[];
  earliest: string | null;
  latest: string | null;
}
export interface IngestJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  inputs: number;
  inputsDone: number;
  articlesAdded: number;
  articleIds: string[];
  rejected: { input: string; rule: string; reason: string }[];
  finishedAt: string | null;
  error: string | null;
}

/** Where the entity key of a mention comes from; must agree with entityKeyOf in src/store/browse.ts. */
export function entityKeyOf(mention: EntityMention): string {
  return mention.canonical ?? `${mention.type}:~${mention.text}`;
}

export interface StorySummary {
  id: string;
  kind: 'event' | 'storyline';
  storylineId: string | null;
  title: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  articleCount: number;
  summary: unknown;
}
export interface StoryDetail extends Omit<StorySummary, 'articleCount'> {
  articles: (ArticleRef & { language: string | null; credits: { name: string }[] })[];
  events: StorySummary[];
}

export interface ReuseLink {
  id: string;
  kind: string;
  a: { articleId: string; start: number; end: number };
  b: { articleId: string; start: number; end: number };
  score: number;
  direction: { from: string | null; confidence: number; reasons: string[] };
}
