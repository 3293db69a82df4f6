/** The export formats by name, so the CLI (and later the API) can list the valid ones when a name is wrong. */
import type { StoredArticle } from '../store/store.js';
import { writeCsvExport } from './csv-export.js';
import { writeJsonExport } from './json-export.js';
import { writeJsonLinesExport } from './jsonl-export.js';
import { writeGexfExport, writeGraphmlExport } from './provenance-graph.js';
import type { TextSink } from './text-sink.js';
import type { StoryRecord } from '../store/stories.js';
import type { ReuseLinkRecord } from '../store/reuse-links.js';

/** Writes every article (and, where the format holds them, the stories) to the sink; returns how many articles it wrote. */
export type ExportWriter = (
  articles: AsyncIterable<StoredArticle>,
  sink: TextSink,
  stories?: readonly StoryRecord[],
  reuse?: readonly ReuseLinkRecord[],
) => Promise<number>;

export const EXPORT_FORMATS = {
  json: writeJsonExport,
  jsonl: writeJsonLinesExport,
  csv: writeCsvExport,
  gexf: writeGexfExport,
  graphml: writeGraphmlExport,
} as const satisfies Record<string, ExportWriter>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, name);
}
