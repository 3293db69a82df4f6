/**
 * `storytrace provenance ID`: which passages of an article are its own and which came from where;
 * `storytrace outlets`: how much of each outlet's text comes from which sources; `storytrace
 * statements`: quoted statements carried by several articles. All read what ingest stored (src/provenance/).
 */
import { readArticleProvenance, readOutletDependence, readStatements } from '../provenance/read-provenance.js';
import { loadReuseContext } from '../link/reuse-index.js';
import { writeLine } from './output.js';
import { CommandError, openExistingStore, runStoreCommand, type DatabaseOptions } from './store-option.js';
import { resolveArticleId } from './article-id.js';
import { EXIT_CODES } from './exit-codes.js';

export interface ProvenanceCommandOptions extends DatabaseOptions {
  readonly json?: boolean;
}

const PASSAGE_PREVIEW_CHARS = 70;
const PERCENT = (share: number) => `${Math.round(share * 100)} %`;

export function runProvenanceCommand(id: string, options: ProvenanceCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const store = openExistingStore(options);
    try {
      const articleId = await resolveArticleId(store, id);
      const provenance = await readArticleProvenance(store, articleId);
      if (provenance === null) throw new CommandError(`no article with id "${id}"`, EXIT_CODES.notFound);
      if (options.json) {
        await writeLine(JSON.stringify(provenance, null, 2));
        return 0;
      }
      const text = (await store.getArticle(articleId))!.article.text;
      const lines = [`${articleId}: ${PERCENT(provenance.reusedShare)} of ${provenance.textLength} characters reused`];
      const source = provenance.likelySource;
      if (source !== null) {
        lines.push(`likely source: ${source.articleId} (${provenance.outletOf[source.articleId] ?? 'unknown outlet'}), ${source.chars} characters, confidence ${source.confidence}: ${source.reasons.join('; ')}`);
      }
      for (const p of provenance.passages) {
        const other = `${p.otherArticleId} (${provenance.outletOf[p.otherArticleId] ?? 'unknown outlet'})`;
        const preview = text.slice(p.start, Math.min(p.end, p.start + PASSAGE_PREVIEW_CHARS)).replace(/\s+/g, ' ');
        lines.push(`  ${p.start}–${p.end} ${p.kind}, ${p.role} ${other}, score ${p.score}: "${preview}${p.end - p.start > PASSAGE_PREVIEW_CHARS ? '…' : ''}"`);
      }
      if (provenance.passages.length === 0) lines.push('  no reuse links: all its own as far as the store knows');
      await writeLine(lines.join('\n'));
      return 0;
    } finally {
      await store.close();
    }
  });
}

export function runOutletsCommand(options: ProvenanceCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const store = openExistingStore(options);
    try {
      const outlets = await readOutletDependence(store);
      if (options.json) await writeLine(JSON.stringify(outlets, null, 2));
      else {
        await writeLine(
          outlets
            .map((o) => `${o.outlet}: ${o.articles} articles, ${o.chars} characters; ${o.sources.map((s) => `${s.source} ${PERCENT(s.share)}`).join(', ')}`)
            .join('\n'),
        );
      }
      return 0;
    } finally {
      await store.close();
    }
  });
}

export function runStatementsCommand(options: ProvenanceCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const store = openExistingStore(options);
    try {
      const statements = await readStatements(store, loadReuseContext());
      if (options.json) await writeLine(JSON.stringify(statements, null, 2));
      else {
        const lines = statements.map((s) => {
          const first = s.occurrences[0]!;
          return `${s.speaker ?? '(unknown speaker)'}: "${s.text}"\n  ${s.occurrences.length} occurrences in ${s.outlets.join(', ') || 'unknown outlets'}; earliest ${first.published ?? 'undated'} in ${first.articleId}`;
        });
        await writeLine(lines.length === 0 ? 'no statement is carried by two or more articles' : lines.join('\n'));
      }
      return 0;
    } finally {
      await store.close();
    }
  });
}
