/** `export --format jsonl`: one stored article record per line, streamed; the format for big stores and `jq`. */
import type { StoredArticle } from '../store/store.js';
import { toStoredArticleRecord } from './article-record.js';
import type { TextSink } from './text-sink.js';

export async function writeJsonLinesExport(articles: AsyncIterable<StoredArticle>, sink: TextSink): Promise<number> {
  let count = 0;
  for await (const stored of articles) {
    await sink.write(`${JSON.stringify(toStoredArticleRecord(stored))}\n`);
    count += 1;
  }
  return count;
}
