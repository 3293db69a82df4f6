/** `storytrace show ID`: one stored article, readable or as its export record (`--json`); a unique id prefix will do. */
import type { Store, StoredArticle } from '../store/store.js';
import { toStoredArticleRecord } from '../export/article-record.js';
import { formatDiagnostic } from '../diagnostic.js';
import { writeLine } from './output.js';
import { CommandError, openExistingStore, runStoreCommand, type DatabaseOptions } from './store-option.js';

export interface ShowCommandOptions extends DatabaseOptions {
  readonly json?: boolean;
}

/** Shortest id prefix accepted: 4 hex digits are 65,536 values, few enough collisions to be worth typing. */
const MIN_ID_PREFIX = 4;
const ID_PREFIX = /^[0-9a-f]+$/;

export function runShowCommand(id: string, options: ShowCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const wanted = id.trim().toLowerCase();
    if (!ID_PREFIX.test(wanted)) throw new CommandError(`"${id}" is not an article id (hexadecimal, as search and export print them)`, 2);
    const store = openExistingStore(options);
    try {
      const stored = await findArticle(store, wanted);
      if (options.json) await writeLine(JSON.stringify(toStoredArticleRecord(stored), null, 2));
      else await writeLine(formatArticle(stored));
      return 0;
    } finally {
      await store.close();
    }
  });
}

async function findArticle(store: Store, wanted: string): Promise<StoredArticle> {
  const exact = await store.getArticle(wanted);
  if (exact) return exact;
  if (wanted.length < MIN_ID_PREFIX) throw new CommandError(`no article with id "${wanted}"`, 1);
  const ids = await store.findIdsByPrefix(wanted, 5);
  if (ids.length === 0) throw new CommandError(`no article with id "${wanted}"`, 1);
  if (ids.length > 1) throw new CommandError(`"${wanted}" matches several articles: ${ids.join(', ')}${ids.length === 5 ? ', …' : ''}`, 1);
  const found = await store.getArticle(ids[0]!);
  if (!found) throw new CommandError(`no article with id "${wanted}"`, 1);
  return found;
}

function formatArticle({ article, occurrences }: StoredArticle): string {
  const facts = [article.outlet, article.published, article.language].filter((f) => f !== null).join(' · ');
  const lines = [article.title ?? '(untitled)', `${article.id}${facts ? `  ${facts}` : ''}`];
  if (article.byline) lines.push(`by ${article.byline}`);
  if (article.credits.length > 0) lines.push(`credits: ${article.credits.map((c) => `${c.name} (${c.kind})`).join(', ')}`);
  if (article.pageId) lines.push(`part ${(article.origin.segment ?? 0) + 1} of compound page ${article.pageId}`);
  lines.push('', article.text, '');
  lines.push(`found at ${occurrences.length} ${occurrences.length === 1 ? 'place' : 'places'}:`);
  for (const o of occurrences) {
    const where = [o.origin.url, o.origin.path, o.origin.record && `record ${o.origin.record}`, o.origin.segment !== null && `segment ${o.origin.segment}`]
      .filter(Boolean)
      .join(', ');
    const said = [o.outlet, o.published, o.title !== article.title ? `as "${o.title ?? '(untitled)'}"` : null].filter(Boolean).join(' · ');
    lines.push(`  - ${where || '(stdin)'}${said ? `  ${said}` : ''}`);
  }
  for (const side of article.sideTexts) lines.push(`${side.kind}: ${side.text}`);
  for (const m of article.messages) lines.push(formatDiagnostic(article.id, m));
  return lines.join('\n');
}
