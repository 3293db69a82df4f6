/**
 * `export --format csv`: one row per article for spreadsheets (RFC 4180, UTF-8, header row). Lists
 * (credits) are joined with "; "; entities and quotes do not fit a row and are left to json/jsonl.
 */
import type { StoredArticle } from '../store/store.js';
import type { TextSink } from './text-sink.js';

export const CSV_COLUMNS = [
  'id',
  'title',
  'published',
  'language',
  'outlet',
  'byline',
  'credits',
  'path',
  'url',
  'record',
  'segment',
  'page_id',
  'occurrences',
  'text',
] as const;

/** A field needs quotes when it holds the separator, a quote or a line break (RFC 4180, section 2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Scraped text that begins like a formula ("=HYPERLINK(…)", "+1", "@SUM") would run as one when a
 * spreadsheet opens the file; a leading apostrophe makes it text (OWASP's advice on CSV injection).
 */
const STARTS_LIKE_FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' && STARTS_LIKE_FORMULA.test(value) ? `'${value}` : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRowOf({ article, occurrences }: StoredArticle): string {
  const { path, url, record, segment } = article.origin;
  const cells = [
    article.id,
    article.title,
    article.published,
    article.language,
    article.outlet,
    article.byline,
    article.credits.map((c) => c.name).join('; '),
    path,
    url,
    record,
    segment,
    article.pageId,
    occurrences.length,
    article.text,
  ];
  return `${cells.map(csvField).join(',')}\r\n`;
}

export async function writeCsvExport(articles: AsyncIterable<StoredArticle>, sink: TextSink): Promise<number> {
  let count = 0;
  await sink.write(`${CSV_COLUMNS.join(',')}\r\n`);
  for await (const stored of articles) {
    await sink.write(csvRowOf(stored));
    count += 1;
  }
  return count;
}
