/**
 * `storytrace sources list|show|set|add`: the outlet registry (src/story/outlets/) with the user's
 * edits, which are kept in the database and override the shipped rows.
 */
import {
  OUTLET_TYPES,
  columnsOf,
  entryOf,
  findOutletEntry,
  isOutletType,
  loadShippedRegistry,
  mergeRegistry,
  type OutletEntry,
} from '../story/outlets/outlet-registry.js';
import type { Store } from '../store/store.js';
import { writeLine } from './output.js';
import { CommandError, openExistingStore, openStoreForWriting, runStoreCommand, type DatabaseOptions } from './store-option.js';
import { EXIT_CODES } from './exit-codes.js';

export interface SourcesCommandOptions extends DatabaseOptions {
  readonly json?: boolean;
}

export interface SourceEditOptions extends DatabaseOptions {
  readonly domains?: string;
  readonly country?: string;
  readonly type?: string;
  /** Replaces the sanctions; "" clears them. */
  readonly sanctions?: string;
}

const COUNTRY_CODE = /^[A-Z]{2}$/;

async function registryOf(store: Store): Promise<OutletEntry[]> {
  const user = (await store.stories.listOutletOverrides()).map((row) => entryOf(row, 'user'));
  return mergeRegistry(loadShippedRegistry(), user);
}

export function runSourcesList(options: SourcesCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const store = openExistingStore(options);
    try {
      const registry = await registryOf(store);
      await writeLine(options.json ? JSON.stringify(registry, null, 2) : registry.map(formatEntry).join('\n'));
      return 0;
    } finally {
      await store.close();
    }
  });
}

export function runSourcesShow(name: string, options: SourcesCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const store = openExistingStore(options);
    try {
      const entry = findOutletEntry(await registryOf(store), name);
      if (!entry) throw new CommandError(`"${name}" is not in the outlet registry; add it with storytrace sources add "${name}" --type …`, EXIT_CODES.notFound);
      await writeLine(options.json ? JSON.stringify(entry, null, 2) : formatEntry(entry));
      return 0;
    } finally {
      await store.close();
    }
  });
}

/** `set` changes a listed outlet; `add` requires that it is not listed yet. */
export function runSourcesEdit(mode: 'set' | 'add', name: string, options: SourceEditOptions): Promise<number> {
  return runStoreCommand(async () => {
    if (options.type !== undefined && !isOutletType(options.type)) {
      throw new CommandError(`unknown type "${options.type}"; known types: ${OUTLET_TYPES.join(', ')}`, EXIT_CODES.usage);
    }
    if (options.country !== undefined && !COUNTRY_CODE.test(options.country)) {
      throw new CommandError(`country "${options.country}" is not an ISO 3166-1 code such as DE, AT, RU`, EXIT_CODES.usage);
    }
    const store = openStoreForWriting(options);
    try {
      const existing = findOutletEntry(await registryOf(store), name);
      if (mode === 'set' && !existing) throw new CommandError(`"${name}" is not in the outlet registry; use storytrace sources add`, EXIT_CODES.notFound);
      if (mode === 'add' && existing) throw new CommandError(`"${existing.name}" is already in the outlet registry; use storytrace sources set`, EXIT_CODES.usage);
      const base = existing ?? entryOf({ name, domains: '', country: '', type: '', sanctions: '' }, 'user');
      const columns = columnsOf(base);
      const edited = {
        name: base.name,
        domains: options.domains ?? columns.domains,
        country: options.country ?? columns.country,
        type: options.type ?? columns.type,
        sanctions: options.sanctions ?? columns.sanctions,
      };
      await store.stories.putOutletOverride(edited);
      await writeLine(formatEntry(entryOf(edited, 'user')));
      return 0;
    } finally {
      await store.close();
    }
  });
}

function formatEntry(e: OutletEntry): string {
  const sanctions = e.sanctions.length > 0 ? `  sanctions: ${e.sanctions.join('; ')}` : '';
  return `${e.name.padEnd(22)} ${(e.country ?? '??').padEnd(3)} ${(e.type ?? '(no type)').padEnd(23)} ${e.domains.join(', ')}${sanctions}${e.origin === 'user' ? '  [edited]' : ''}`;
}
