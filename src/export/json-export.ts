/**
 * `export --format json`: one JSON document `{articles, entities, quotes, reuse, stories}`, streamed
 * one article per line so memory stays flat (the quotes wait in a temporary file until the articles are
 * written; the entity table holds one tally per canonical id). `reuse` holds the stored reuse links.
 */
import type { StoredArticle } from '../store/store.js';
import { toStoredArticleRecord } from './article-record.js';
import type { TextSink } from './text-sink.js';
import { makeEntityTable, quoteRecordsOf } from './entity-records.js';
import { openLineSpool } from './line-spool.js';
import type { StoryRecord } from '../store/stories.js';
import type { ReuseLinkRecord } from '../store/reuse-links.js';

/** The export's story record: `{id, kind, title, dateStart, dateEnd, articleIds, summary, evidence}` (+ storylineId). */
function storyExportRecordOf(story: StoryRecord) {
  const { id, kind, title, dateStart, dateEnd, articleIds, summary, evidence, storylineId } = story;
  return { id, kind, title, dateStart, dateEnd, articleIds, summary, evidence, storylineId };
}

export async function writeJsonExport(
  articles: AsyncIterable<StoredArticle>,
  sink: TextSink,
  stories: readonly StoryRecord[] = [],
  reuse: readonly ReuseLinkRecord[] = [],
): Promise<number> {
  let count = 0;
  const entities = makeEntityTable();
  const quotes = openLineSpool();
  try {
    await sink.write('{"articles": [');
    for await (const stored of articles) {
      await sink.write((count === 0 ? '\n' : ',\n') + JSON.stringify(toStoredArticleRecord(stored)));
      entities.addArticle(stored.article);
      for (const quote of quoteRecordsOf(stored.article)) quotes.append(JSON.stringify(quote));
      count += 1;
    }
    await sink.write('\n],\n"entities": [');
    for (const [i, entity] of entities.records().entries()) await sink.write((i === 0 ? '\n' : ',\n') + JSON.stringify(entity));
    await sink.write('\n],\n"quotes": [');
    let quoteCount = 0;
    for await (const line of quotes.drain()) await sink.write((quoteCount++ === 0 ? '\n' : ',\n') + line);
  } finally {
    quotes.remove();
  }
  await sink.write('\n],\n"reuse": [');
  for (const [i, link] of reuse.entries()) await sink.write((i === 0 ? '\n' : ',\n') + JSON.stringify(link));
  await sink.write('\n],\n"stories": [');
  for (const [i, story] of stories.entries()) await sink.write((i === 0 ? '\n' : ',\n') + JSON.stringify(storyExportRecordOf(story)));
  await sink.write('\n]}\n');
  return count;
}
