/** The stored article a user means: its id, or a unique prefix of at least 4 hex digits (as search and export print ids). */
import type { Store } from '../store/store.js';
import { EXIT_CODES } from './exit-codes.js';
import { CommandError } from './store-option.js';

/** Shortest id prefix accepted: 4 hex digits are 65,536 values, few enough collisions to be worth typing. */
const MIN_ID_PREFIX = 4;
const HEX_ID = /^[0-9a-f]+$/;
/** How many matches of an ambiguous prefix are named. */
const AMBIGUOUS_SHOWN = 5;

export async function resolveArticleId(store: Store, id: string): Promise<string> {
  const wanted = id.trim().toLowerCase();
  if (!HEX_ID.test(wanted)) throw new CommandError(`"${id}" is not an article id (hexadecimal, as search and export print them)`, EXIT_CODES.usage);
  if ((await store.getArticle(wanted)) !== null) return wanted;
  if (wanted.length < MIN_ID_PREFIX) throw new CommandError(`no article with id "${wanted}" (a prefix needs at least ${MIN_ID_PREFIX} hex digits)`, EXIT_CODES.usage);
  const ids = await store.findIdsByPrefix(wanted, AMBIGUOUS_SHOWN);
  if (ids.length === 0) throw new CommandError(`no article with id "${wanted}"`, EXIT_CODES.notFound);
  if (ids.length > 1) {
    throw new CommandError(`"${wanted}" matches several articles: ${ids.join(', ')}${ids.length === AMBIGUOUS_SHOWN ? ', …' : ''}; give more digits`, EXIT_CODES.usage);
  }
  return ids[0]!;
}
