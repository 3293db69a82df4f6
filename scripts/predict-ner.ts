/**
 * Tags the records of a JSON Lines file ({id, text} per line, as `ner.py make-input` writes them)
 * with the shipped entity tagger and prints one object per record in the shape the eval scorers
 * read ({origin: {record}, text, entities}), so the tagger can be scored without the CLI:
 *
 *   npx tsx scripts/predict-ner.ts [--model MODEL.json] IN.jsonl > PRED.jsonl
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadNerModel } from '../src/extract/entities/ner-model.js';
import { loadEntityTagger } from '../src/extract/entities/tag-entities.js';

// --model scores a model train-ner.ts wrote elsewhere (--out) before it replaces the shipped one
const { values: options, positionals } = parseArgs({ options: { model: { type: 'string' } }, allowPositionals: true });
const input = positionals[0];
if (input === undefined) {
  console.error('usage: npx tsx scripts/predict-ner.ts [--model MODEL.json] IN.jsonl > PRED.jsonl');
  process.exit(2);
}
const tagEntities = loadEntityTagger(options.model === undefined ? undefined : loadNerModel(pathToFileURL(options.model)));
const lines: string[] = [];
for (const line of readFileSync(input, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const record = JSON.parse(line) as { id: string; text: string };
  const entities = tagEntities(record.text).map(({ text, start, end, type }) => ({ text, start, end, type }));
  lines.push(JSON.stringify({ origin: { path: null, url: null, record: record.id, segment: null }, text: record.text, entities }));
}
process.stdout.write(`${lines.join('\n')}\n`);
