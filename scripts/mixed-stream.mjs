// The mixed-stream check: what a monitoring user feeds in. Ingests, in one run and one database, every
// page of ../shared/data/extraction-de/html (many sites, several languages, mostly unrelated stories)
// together with the dev similarity articles, then reports the judgments a user would see first:
// multi-article events (and their same-event pairs, split by where the two articles come from), the
// largest event, the terms that joined each event, reuse links between different sites, and a seeded
// sample of 30 multi-article events written out for a hand judgment.
//
//   node scripts/mixed-stream.mjs [--out DIR] [--sample 30] [--seed 1] [--json]
//
// Needs `npm run build`. Skips (exit 0) when ../shared/data is absent. The report goes to stdout and
// to OUT/report.txt; the sample for hand judgment to OUT/sample.txt (default OUT: a fresh temp folder).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const SHARED_DATA = join('..', 'shared', 'data');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sampleSize = Number(option('--sample', '30'));
const seed = Number(option('--seed', '1'));
const out = option('--out', null) ?? mkdtempSync(join(tmpdir(), 'storytrace-mixed-'));

if (!existsSync(join(SHARED_DATA, 'extraction-de', 'html')) || !existsSync(join(SHARED_DATA, 'similarity'))) {
  console.log(`mixed-stream: ${SHARED_DATA} is absent; nothing to check`);
  process.exit(0);
}

// Inputs: the extraction pages under their site's name, the similarity articles as similarity.py names them.
const inputs = join(out, 'inputs');
mkdirSync(join(inputs, 'pages'), { recursive: true });
const annotations = JSON.parse(readFileSync(join(SHARED_DATA, 'extraction-de', 'annotations.json'), 'utf8'));
const siteOfFile = new Map();
for (const [url, entry] of Object.entries(annotations)) siteOfFile.set(entry.file, hostOf(url));
for (const name of readdirSync(join(SHARED_DATA, 'extraction-de', 'html'))) copyFileSync(join(SHARED_DATA, 'extraction-de', 'html', name), join(inputs, 'pages', name));
run('python3', [join('..', 'shared', 'eval', 'similarity.py'), 'make-input', '--data', join(SHARED_DATA, 'similarity'), '--out', join(inputs, 'similarity')]);
const gold = readSimilarityGold();

const db = join(out, 'mixed.db');
const started = Date.now();
const ingest = spawnSync(process.execPath, ['bin/storytrace.js', 'ingest', inputs, '--db', db], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const ingestSeconds = (Date.now() - started) / 1000;
if (ingest.status !== 0 && ingest.status !== 1) {
  console.error(ingest.stderr.split('\n').slice(-10).join('\n'));
  process.exit(3);
}
const exportRun = run(process.execPath, ['bin/storytrace.js', 'export', '--db', db, '--format', 'json', '--quiet']);
const exported = JSON.parse(exportRun.stdout);

const articleById = new Map(exported.articles.map((a) => [a.id, a]));
/** Where an article came from: `page:<site>` or `similarity:<file>`, from its first occurrence. */
function sourceOf(article) {
  const path = article.origin?.path ?? '';
  const file = basename(path);
  if (path.includes(`${join('inputs', 'pages')}`)) return { group: 'page', site: siteOfFile.get(file) ?? file, file };
  return { group: 'similarity', site: `similarity:${file}`, file };
}

const events = exported.stories.filter((s) => s.kind === 'event');
const multi = events.filter((e) => e.articleIds.length >= 2).sort((a, b) => b.articleIds.length - a.articleIds.length);
const pairCounts = { all: 0, pagePage: 0, pagePageSameSite: 0, pageSimilarity: 0, similarityGoldSame: 0, similarityGoldDifferent: 0, similarityUnlabelled: 0 };
for (const event of multi) {
  const ids = event.articleIds;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = sourceOf(articleById.get(ids[i]));
      const b = sourceOf(articleById.get(ids[j]));
      pairCounts.all++;
      if (a.group === 'page' && b.group === 'page') {
        pairCounts.pagePage++;
        if (a.site === b.site) pairCounts.pagePageSameSite++;
      } else if (a.group !== b.group) pairCounts.pageSimilarity++;
      else {
        const label = gold.get(pairKey(a.file, b.file));
        if (label === 'same') pairCounts.similarityGoldSame++;
        else if (label === 'different') pairCounts.similarityGoldDifferent++;
        else pairCounts.similarityUnlabelled++;
      }
    }
  }
}
const goldSameTotal = [...gold.values()].filter((v) => v === 'same').length;

// Reuse between different sites: every link between two extraction pages of different sites is
// suspect (they are unrelated pages), so each is listed with its passage for a look.
const crossSiteLinks = [];
for (const link of exported.reuse) {
  const a = articleById.get(link.a.articleId);
  const b = articleById.get(link.b.articleId);
  if (!a || !b) continue;
  const sa = sourceOf(a);
  const sb = sourceOf(b);
  if (sa.site === sb.site) continue;
  crossSiteLinks.push({ kind: link.kind, score: link.score, a: sa.site, b: sb.site, groups: `${sa.group}-${sb.group}`, passage: a.text.slice(link.a.start, link.a.end) });
}

const lines = [];
const say = (line = '') => lines.push(line);
say(`mixed stream: ${exported.articles.length} articles from ${readdirSync(join(inputs, 'pages')).length} pages and ${readdirSync(join(inputs, 'similarity')).length} similarity texts; ingest ${ingestSeconds.toFixed(1)} s (exit ${ingest.status})`);
say(`events: ${events.length}, of two or more articles: ${multi.length}; storylines: ${exported.stories.filter((s) => s.kind === 'storyline').length}`);
say(`same-event pairs: ${pairCounts.all}`);
say(`  page–page: ${pairCounts.pagePage} (same site ${pairCounts.pagePageSameSite}); page–similarity: ${pairCounts.pageSimilarity} (all false: different years and sources)`);
say(`  similarity–similarity: gold same ${pairCounts.similarityGoldSame} of ${goldSameTotal}, gold different ${pairCounts.similarityGoldDifferent}, unlabelled ${pairCounts.similarityUnlabelled}`);
const largest = multi[0];
if (largest) {
  say(`largest event: ${largest.articleIds.length} articles, "${largest.title}"`);
  for (const id of largest.articleIds.slice(0, 12)) say(`    ${sourceOf(articleById.get(id)).site}: ${oneLine(articleById.get(id).title ?? '', 90)}`);
}
say(`reuse links: ${exported.reuse.length}; between different sites: ${crossSiteLinks.length} (page–page ${crossSiteLinks.filter((l) => l.groups === 'page-page').length})`);
for (const link of crossSiteLinks.filter((l) => l.groups === 'page-page').slice(0, 40)) say(`    ${link.kind} ${link.score?.toFixed?.(2) ?? ''} ${link.a} ~ ${link.b}: ${oneLine(link.passage, 140)}`);
say('multi-article events, largest first (members; what joined them):');
for (const event of multi.slice(0, 60)) say(`  ${event.articleIds.length} "${oneLine(event.title ?? '', 70)}" ${evidenceTerms(event)}`);
const report = lines.join('\n');
writeFileSync(join(out, 'report.txt'), `${report}\n`);
console.log(report);

// The sample for hand judgment: each event's members with source, title and opening words.
const sample = seededSample(multi, sampleSize, seed);
const sampleLines = [`# ${sample.length} multi-article events sampled with seed ${seed} of ${multi.length}. Judge each: right (all members report one happening), mixed (some do), wrong.`];
for (const [n, event] of sample.entries()) {
  sampleLines.push('', `## ${n + 1}. "${oneLine(event.title ?? '', 100)}" (${event.articleIds.length} articles) ${evidenceTerms(event)}`);
  for (const id of event.articleIds.slice(0, 8)) {
    const article = articleById.get(id);
    sampleLines.push(`- [${sourceOf(article).site}] ${article.published ?? 'undated'} ${oneLine(article.title ?? '', 90)} | ${oneLine(article.text, 200)}`);
  }
}
writeFileSync(join(out, 'sample.txt'), `${sampleLines.join('\n')}\n`);
console.log(`\nreport: ${join(out, 'report.txt')}; sample for hand judgment: ${join(out, 'sample.txt')}; database: ${db}`);
if (args.includes('--json')) console.log(JSON.stringify({ articles: exported.articles.length, events: events.length, multiArticleEvents: multi.length, largest: largest?.articleIds.length ?? 0, pairs: pairCounts, crossSiteLinks: crossSiteLinks.length }));

function run(command, argv) {
  const result = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (result.status !== 0) {
    console.error(`mixed-stream: ${command} ${argv.join(' ')} failed (exit ${result.status}): ${result.stderr.trim().split('\n').slice(-5).join(' | ')}`);
    process.exit(3);
  }
  return result;
}

function hostOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function pairKey(a, b) {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Gold labels of the similarity pairs by file names (as similarity.py names them): same when Overall ≤ 1.5, different when ≥ 3. */
function readSimilarityGold() {
  const script = `
import json, sys
sys.path.insert(0, ${JSON.stringify(join('..', 'shared', 'eval'))})
from similarity import load_pairs
pairs, _ = load_pairs(${JSON.stringify(join(SHARED_DATA, 'similarity'))})
print(json.dumps(pairs))`;
  const result = run('python3', ['-c', script]);
  const labels = new Map();
  for (const [a, b, overall] of JSON.parse(result.stdout)) {
    if (overall <= 1.5) labels.set(pairKey(a, b), 'same');
    else if (overall >= 3) labels.set(pairKey(a, b), 'different');
  }
  return labels;
}

/** The terms the members' matches shared, most often first: what joined the event. */
function evidenceTerms(event) {
  const counts = new Map();
  for (const member of event.evidence?.members ?? []) {
    for (const term of member.shared?.terms ?? []) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const terms = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([term]) => term);
  return terms.length > 0 ? `through ${terms.join(', ')}` : '';
}

function oneLine(text, max) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A deterministic sample (mulberry32), so two runs judge the same events when nothing changed. */
function seededSample(items, size, seedValue) {
  let state = seedValue >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, size);
}
