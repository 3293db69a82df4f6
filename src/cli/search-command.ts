/** `storytrace search QUERY`: full-text search of the stored articles, best hits first, with snippets. */
import type { SearchHit, Snippet } from '../store/store.js';
import { writeLine } from './output.js';
import { CommandError, openExistingStore, runStoreCommand, type DatabaseOptions } from './store-option.js';
import { EXIT_CODES } from './exit-codes.js';
import { stylesAllowed } from './terminal.js';

export interface SearchCommandOptions extends DatabaseOptions {
  readonly limit: string;
  readonly json?: boolean;
}

const BOLD = '\x1b[1m';
const NORMAL = '\x1b[22m';

export function runSearchCommand(words: string[], options: SearchCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const query = words.join(' ').trim();
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new CommandError(`--limit must be a whole number above 0, not "${options.limit}"`, EXIT_CODES.usage);
    if (query === '') throw new CommandError('the query is empty; give words to search for', EXIT_CODES.usage);
    const store = openExistingStore(options);
    try {
      const hits = await store.search(query, { limit });
      if (options.json) {
        await writeLine(JSON.stringify({ query, hits }, null, 2));
        return 0;
      }
      if (hits.length === 0) {
        await writeLine(`no articles match "${query}"`);
        return 0;
      }
      const emphasise = stylesAllowed(process.stdout);
      for (const [index, hit] of hits.entries()) await writeLine(formatHit(index + 1, hit, emphasise));
      await writeLine(`${hits.length} ${hits.length === 1 ? 'hit' : 'hits'} for "${query}"; read one with: storytrace show ${hits[0]!.id}`);
      return 0;
    } finally {
      await store.close();
    }
  });
}

function formatHit(rank: number, hit: SearchHit, emphasise: boolean): string {
  const facts = [hit.outlet, hit.published, hit.language].filter((f) => f !== null).join(' · ');
  return `${rank}. ${hit.title ?? '(untitled)'}\n   ${hit.id}${facts ? `  ${facts}` : ''}\n   ${markSnippet(hit.snippet, emphasise)}\n`;
}

/** Bold on a terminal; *stars* in a pipe or file (or with NO_COLOR), where escape codes would be noise. */
function markSnippet(snippet: Snippet, emphasise: boolean): string {
  const [open, close] = emphasise ? [BOLD, NORMAL] : ['*', '*'];
  let marked = '';
  let at = 0;
  for (const h of snippet.highlights) {
    marked += snippet.text.slice(at, h.start) + open + snippet.text.slice(h.start, h.end) + close;
    at = h.end;
  }
  return marked + snippet.text.slice(at);
}
