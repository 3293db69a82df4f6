/** The article filters `export` and `follow add` share with search (--query, --from/--to, --outlet, --language, --entity, --story), parsed once here. */
import type { Command } from 'commander';
import { ISO_DATE_PREFIX, type ArticleFilter } from '../store/browse.js';
import { CommandError } from './store-option.js';

export interface FilterCliOptions {
  readonly query?: string;
  readonly from?: string;
  readonly to?: string;
  readonly outlet?: string;
  readonly language?: string;
  readonly entity?: string;
  readonly story?: string;
}

/** `query` is left out when the command takes the query as its argument. */
export function addFilterOptions(command: Command, options: { query: boolean } = { query: true }): Command {
  if (options.query) command.option('--query <words>', 'only articles the search finds (as `storytrace search`)');
  return command
    .option('--from <date>', 'only articles published on or after: 2025, 2025-03 or 2025-03-14')
    .option('--to <date>', 'only articles published on or before (2025-03 includes all of March)')
    .option('--outlet <name>', 'only articles of this outlet')
    .option('--language <code>', 'only articles in this language (de, en)')
    .option('--entity <key>', 'only articles naming this entity (person:olaf-scholz, country:RU)')
    .option('--story <id>', 'only articles of this event or storyline');
}

/** The filters given, with unusable dates refused as bad usage. */
export function filterFrom(options: FilterCliOptions): ArticleFilter {
  for (const bound of ['from', 'to'] as const) {
    const value = options[bound];
    if (value !== undefined && !ISO_DATE_PREFIX.test(value)) throw new CommandError(`--${bound} "${value}" is not a date like 2025, 2025-03 or 2025-03-14`, 2);
  }
  const { query, from, to, outlet, language, entity, story } = options;
  return Object.fromEntries(Object.entries({ query, from, to, outlet, language, entity, story }).filter(([, v]) => v !== undefined));
}
