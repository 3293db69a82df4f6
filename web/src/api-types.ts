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
    /** Storylines (or events outside one) the matching articles belong to, with how many of them. */
    stories: { id: string; kind: 'event' | 'storyline'; title: string | null; count: number }[];
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
  articleIds: string[];
  articleCount: number;
  summary: unknown;
  /** With ?include=coverage. */
  coverage?: { days: { day: string; articles: number }[]; undated: number; outlets: number };
}
export interface StoryDetail extends Omit<StorySummary, 'articleCount'> {
  articles: (ArticleRef & { language: string | null; credits: { name: string }[] })[];
  events: StorySummary[];
  /** An event's evidence carries its core entities, the source comparison and why each member is there (src/story/update-stories.ts). */
  evidence: { coreEntities?: CoreEntity[]; comparison?: SourceComparison; members?: MemberEvidence[] } | null;
}
/** Why one article is in its event: the member it matched and what they share (src/story/cluster-events.ts). */
export interface MemberEvidence {
  articleId: string;
  matched: string | null;
  shared: {
    score: number;
    entities: string[];
    terms: string[];
    statements: string[];
    passages: number;
    /** Absent from evidence stored before passages were named. */
    passageLinks?: { linkId: string; kind: string; article: { start: number; end: number }; matched: { start: number; end: number } }[];
  } | null;
}
export interface CoreEntity {
  key: string;
  name: string;
  articles: number;
}
/** src/story/compare-sources.ts */
export interface OutletCoverage {
  outlet: string;
  articleIds: string[];
  firstPublished: string | null;
  credits: string[];
  uniqueEntities: string[];
  leftOut: string[];
  quotes: { speaker: string; count: number }[];
  framing: { marker: string; kind: 'hedge' | 'distance' | 'loaded' | 'unsupported'; start: number; end: number; articleId: string }[];
  attributedClaims: number;
  unattributedClaims: { articleId: string; start: number; end: number }[];
}
export interface SourceComparison {
  outlets: OutletCoverage[];
  firstReported: { outlet: string; articleId: string; published: string } | null;
  agencyDependence: { agency: string; outlets: string[]; ofOutlets: number }[];
  sharedTextOutlets: string[];
  quoteUsage: { speaker: string; outlets: string[] }[];
}
/** src/provenance/statements.ts */
export interface Statement {
  id: string;
  speaker: string | null;
  text: string;
  occurrences: { articleId: string; start: number; end: number; text: string; speaker: string | null; outlet: string | null; published: string | null }[];
  outlets: string[];
}
/** src/provenance/outlet-dependence.ts; source "(own)" is the outlet's own text. */
export interface OutletSources {
  outlet: string;
  articles: number;
  chars: number;
  sources: { source: string; chars: number; share: number }[];
}

export interface ReuseLink {
  id: string;
  kind: string;
  a: { articleId: string; start: number; end: number };
  b: { articleId: string; start: number; end: number };
  score: number;
  direction: { from: string | null; confidence: number; reasons: string[] };
}
