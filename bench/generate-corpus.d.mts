// Types for generate-corpus.mjs, so TypeScript tests and benchmarks can import it.
export interface CorpusOptions {
  readonly count: number;
  readonly seed: number;
  /** Share of articles that copy an earlier article of their story (0–1). */
  readonly copyRate: number;
  readonly targetChars: number;
  readonly articlesPerStory: number;
  /** Share of originals (0–1) that start a translated statement (3–5 sentences rendered into German in 2–3 originals). */
  readonly translationRate: number;
}
export type CopyKind = 'verbatim' | 'shortened' | 'reordered' | 'edited';
export interface GeneratedArticle {
  readonly name: string;
  readonly text: string;
  readonly story: number;
  readonly copyOf: string | null;
  readonly copyKind: CopyKind | null;
  /** Renderings of translated statements the text holds: the statement, which rendering, its English source. */
  readonly translations: readonly { readonly statement: number; readonly rendering: number; readonly english: string }[];
}
export const DEFAULT_CORPUS_OPTIONS: Readonly<CorpusOptions>;
export const OUTLETS: readonly string[];
export function generateArticles(options?: Partial<CorpusOptions>): Generator<GeneratedArticle>;
export function writeCorpus(dir: string, options?: Partial<CorpusOptions>): { count: number; bytes: number; copies: number };
