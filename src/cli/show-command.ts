/** `storytrace show ID`: one stored article, readable or as its export record (`--json`); a unique id prefix will do. */
import type { EntityMention } from '../article.js';
import type { StoredArticle } from '../store/store.js';
import { toStoredArticleRecord } from '../export/article-record.js';
import { formatDiagnostic } from '../diagnostic.js';
import { writeLine } from './output.js';
import { CommandError, openExistingStore, runStoreCommand, type DatabaseOptions } from './store-option.js';
import { resolveArticleId } from './article-id.js';
import { EXIT_CODES } from './exit-codes.js';

export interface ShowCommandOptions extends DatabaseOptions {
  readonly json?: boolean;
}

export function runShowCommand(id: string, options: ShowCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const store = openExistingStore(options);
    try {
      const articleId = await resolveArticleId(store, id);
      const stored = await store.getArticle(articleId);
      if (stored === null) throw new CommandError(`no article with id "${articleId}"`, EXIT_CODES.notFound);
      if (options.json) await writeLine(JSON.stringify(toStoredArticleRecord(stored), null, 2));
      else await writeLine(formatArticle(stored));
      return 0;
    } finally {
      await store.close();
    }
  });
}

function formatArticle({ article, occurrences }: StoredArticle): string {
  const facts = [article.outlet, article.published, article.language].filter((f) => f !== null).join(' · ');
  const lines = [article.title ?? '(untitled)', `${article.id}${facts ? `  ${facts}` : ''}`];
  if (article.byline) lines.push(`by ${article.byline}`);
  if (article.credits.length > 0) lines.push(`credits: ${article.credits.map((c) => `${c.name} (${c.kind})`).join(', ')}`);
  if (article.pageId) lines.push(`part ${(article.origin.segment ?? 0) + 1} of compound page ${article.pageId}`);
  lines.push('', article.text, '');
  const entities = entityLines(article.entities ?? []);
  if (entities.length > 0) lines.push('entities:', ...entities.map((e) => `  - ${e}`));
  const quotes = article.quotes ?? [];
  if (quotes.length > 0) {
    lines.push('quotes:');
    for (const q of quotes) lines.push(`  - „${q.text}“ (${q.kind}) ${q.speaker === null ? 'speaker unknown' : `— ${q.speaker}`}${q.relayedBy ? `, relayed by ${q.relayedBy}` : ''}`);
  }
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

/** One line per entity the article names: its name, type and id, with how often it is mentioned. */
function entityLines(mentions: readonly EntityMention[]): string[] {
  const byKey = new Map<string, { name: string; type: string; id: string | null; count: number }>();
  for (const m of mentions) {
    const key = m.canonical ?? `${m.type}:${m.text}`;
    const entry = byKey.get(key) ?? { name: m.text, type: m.type, id: m.canonical, count: 0 };
    entry.count += 1;
    byKey.set(key, entry);
  }
  return [...byKey.values()].map((e) => `${e.name} (${e.type}${e.id === null ? '' : `, ${e.id}`})${e.count > 1 ? ` ×${e.count}` : ''}`);
}
