// Generates a synthetic corpus of German-like plain-text news articles (the seeds' text format) for
// benchmarks: invented vocabulary and sentence templates, a seeded PRNG so every run sees the same
// bytes, stories that share people and places, and planted copies (verbatim, shortened, reordered,
// edited) listed in DIR/.planted.json for later reuse and story benchmarks. Not a test fixture.
// With --translation-rate, some articles also carry German renderings of one invented English
// statement, each worded differently (bench/translation-variants.mjs).
//   node bench/generate-corpus.mjs DIR [--count 20000] [--seed 1] [--copy-rate 0.1] [--translation-rate 0]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeStatement, renderStatement } from './translation-variants.mjs';

export const DEFAULT_CORPUS_OPTIONS = Object.freeze({
  count: 20_000,
  seed: 1,
  /** Share of articles that copy an earlier article of their story (0–1); news sites reuse wire text a lot. */
  copyRate: 0.1,
  /** Body length aimed at (characters): with title, date line and umlauts a file is ~4 KB, a typical news article. */
  targetChars: 3700,
  /** Articles per story on average; stories share people, places and a topic. */
  articlesPerStory: 40,
  /**
   * Share of originals (0–1) that start a translated statement: 3–5 sentences of an invented English
   * text rendered into German, here and in one or two later originals (of the same story, or for a
   * quarter of the statements of other stories), each rendering worded differently. 0 leaves the
   * corpus byte for byte as it was without the option.
   */
  translationRate: 0,
});

/** mulberry32: tiny, fast and good enough to pick words; the same seed gives the same corpus everywhere. */
function makeRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  return { next, int, pick };
}

const PLACE_HEADS = ['Alt', 'Neu', 'Ober', 'Unter', 'Hohen', 'Wester', 'Oster', 'Kirch', 'Mühl', 'Linden', 'Eschen', 'Birken', 'Fels', 'Tann', 'Rabens', 'Wolfs'];
const PLACE_TAILS = ['dorf', 'berg', 'hausen', 'feld', 'stedt', 'brück', 'heim', 'au', 'bach', 'hagen', 'wald', 'furt', 'ingen', 'rode'];
const FIRST_NAMES = ['Anna', 'Jonas', 'Marlene', 'Tobias', 'Greta', 'Lukas', 'Ilse', 'Hannes', 'Frieda', 'Matthis', 'Svenja', 'Konrad', 'Leonie', 'Erik', 'Hedda', 'Paul'];
const SURNAME_HEADS = ['Wend', 'Hal', 'Brom', 'Kess', 'Mar', 'Til', 'Ros', 'Gern', 'Hol', 'Stein', 'Wal', 'Brink', 'Fahr', 'Lor'];
const SURNAME_TAILS = ['ler', 'mann', 'ing', 'holt', 'ke', 'berg', 'wig', 'sen', 'hoff', 'rich'];
const ROLES = ['Bürgermeisterin', 'Landrat', 'Sprecher des Kreisverbands', 'Umweltministerin', 'Vorsitzende des Stadtrats', 'Polizeisprecher', 'Gewerkschaftschef', 'Kämmerer', 'Schulleiterin', 'Feuerwehrkommandant'];
// Feminine on purpose: templates say "die ${topic}".
const SUBJECTS = ['Sanierung', 'Schließung', 'Stilllegung', 'Erweiterung', 'Privatisierung', 'Finanzierung', 'Verlegung', 'Modernisierung'];
const OBJECTS = ['des Hallenbads', 'der Talbrücke', 'des Kreiskrankenhauses', 'der Grundschule', 'des Busbahnhofs', 'der Kläranlage', 'des Stadtwalds', 'der Fährverbindung', 'des Museums', 'der Umgehungsstraße', 'des Flugplatzes', 'der Stadtbibliothek'];
const ORGS = ['der Stadtwerke', 'des Landesamts', 'der Kreisverwaltung', 'des Bauernverbands', 'der Handelskammer', 'des Naturschutzbunds', 'der Bürgerinitiative', 'des Finanzministeriums'];
const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const CLAIMS = ['längst überfällig', 'ein Fehler', 'nicht bezahlbar', 'ein gutes Signal', 'zu spät', 'alternativlos', 'ein Schlag ins Gesicht der Bürger', 'eine Chance für die Region'];
const QUOTES = [
  'Wir werden das nicht einfach hinnehmen',
  'Die Zahlen sprechen eine klare Sprache',
  'Niemand hat mit so hohen Kosten gerechnet',
  'Wir brauchen jetzt schnell eine Entscheidung',
  'Das ist ein guter Tag für alle Beteiligten',
  'Wir haben alle Möglichkeiten geprüft',
];
const AGENCIES = ['dpa', 'AFP', 'epd', 'KNA', 'Reuters'];
/** Each article ends with one of these names on a line of its own, as a signature. */
export const OUTLETS = ['Talbote', 'Kreiskurier', 'Abendpost Nord', 'Tageswacht', 'Landesecho', 'Morgenblatt West', 'Stadtanzeiger Süd', 'Heimatbote'];

// Free clauses from a few hundred words: independent articles share few word 5-grams, so planted
// copies stand out for reuse benchmarks (fixed templates alone would make every story look copied).
const CLAUSE_SUBJECTS = ['der Ausschuss', 'die Verwaltung', 'das Gutachten', 'der Kreistag', 'die Landesregierung', 'der Investor', 'die Bürgerinitiative', 'das Bauamt', 'der Rechnungshof', 'die Mehrheit im Rat', 'der Betreiber', 'die Kommission', 'der Verband', 'die Opposition', 'das Ministerium', 'die Feuerwehr', 'der Planungsstab', 'die Stadtspitze', 'der Bund der Steuerzahler', 'die Anwohnerschaft'];
const CLAUSE_VERBS = ['prüft', 'verlangt', 'kritisiert', 'unterstützt', 'verzögert', 'bestätigt', 'bezweifelt', 'begrüßt', 'fordert', 'verteidigt', 'überarbeitet', 'veröffentlicht', 'bewertet', 'blockiert', 'beantragt', 'erwartet', 'vertagt', 'empfiehlt', 'bemängelt', 'akzeptiert'];
const CLAUSE_OBJECTS = ['den Antrag', 'die Pläne', 'das Konzept', 'eine schnelle Lösung', 'neue Zahlen', 'den Zeitplan', 'die Ausschreibung', 'den Kompromiss', 'eine zweite Anhörung', 'den Haushaltsentwurf', 'die Kostenschätzung', 'den Bebauungsplan', 'ein weiteres Gutachten', 'die Förderzusage', 'den Vertrag mit dem Land', 'die Stellungnahme der Gemeinde', 'eine Sondersitzung', 'die Prognose', 'den Abschlussbericht', 'die Bürgerbefragung'];
const CLAUSE_ADVERBIALS = ['seit Monaten', 'in der kommenden Woche', 'nach langem Streit', 'trotz heftiger Kritik', 'im Kreistag', 'ohne nähere Begründung', 'vor allem aus Kostengründen', 'erst auf Nachfrage', 'mit knapper Mehrheit', 'hinter verschlossenen Türen', 'zum wiederholten Mal', 'noch vor der Sommerpause', 'in einem Brief an den Rat', 'nach Angaben aus Teilnehmerkreisen', 'überraschend deutlich', 'bis Ende des Jahres'];
const CLAUSE_TAILS = ['weil die Kosten weiter steigen', 'obwohl der Zeitplan wackelt', 'nachdem die Frist abgelaufen ist', 'solange die Finanzierung offen bleibt', 'damit die Bauarbeiten beginnen können', 'während die Gespräche weiterlaufen', 'bevor der Rat endgültig entscheidet', 'da wichtige Unterlagen fehlen', 'sodass sich alles weiter verzögert', 'wie es aus dem Rathaus hieß'];

function writeClause(r) {
  const capital = (text) => text[0].toUpperCase() + text.slice(1);
  const adverbial = r.next() < 0.6 ? ` ${r.pick(CLAUSE_ADVERBIALS)}` : '';
  const tail = r.next() < 0.4 ? `, ${r.pick(CLAUSE_TAILS)}` : '';
  return `${capital(r.pick(CLAUSE_SUBJECTS))} ${r.pick(CLAUSE_VERBS)}${adverbial} ${r.pick(CLAUSE_OBJECTS)}${tail}.`;
}

/** Sentence templates over a story's cast: quotes, people with roles, numbers, places. */
const SENTENCES = [
  (s, r) => `${s.person(r)}, ${r.pick(ROLES)} von ${s.place}, sagte am ${r.pick(WEEKDAYS)}, die ${s.topic} sei „${r.pick(CLAIMS)}“.`,
  (s, r) => `Nach Angaben ${r.pick(ORGS)} kostet die ${s.topic} rund ${2 + r.int(90)} Millionen Euro.`,
  (s, r) => `Der Gemeinderat von ${s.place} will am ${r.pick(WEEKDAYS)} über die ${s.topic} entscheiden.`,
  (s, r) => `„${r.pick(QUOTES)}“, sagte ${s.person(r)} in ${s.place}.`,
  (_s, r) => `Die Arbeiten sollen im ${r.pick(['Frühjahr', 'Sommer', 'Herbst', 'Winter'])} beginnen und ${1 + r.int(5)} Jahre dauern.`,
  (s, r) => `Laut ${s.person(r)} gebe es für die ${s.topic} bislang keinen tragfähigen Plan.`,
  (s, r) => `In ${s.place} sammelte eine Initiative nach eigenen Angaben ${1000 + r.int(9000)} Unterschriften.`,
  (s, r) => `Die Entscheidung sei ${r.pick(CLAIMS)}, so ${s.person(r)}.`,
];

/** One paragraph: one story sentence among free clauses. */
function writeParagraph(story, r) {
  const sentences = Array.from({ length: 2 + r.int(3) }, () => writeClause(r));
  sentences.splice(r.int(sentences.length + 1), 0, r.pick(SENTENCES)(story, r));
  return sentences.join(' ');
}

function makeStory(r, index) {
  const place = r.pick(PLACE_HEADS) + r.pick(PLACE_TAILS);
  const cast = Array.from({ length: 4 }, () => `${r.pick(FIRST_NAMES)} ${r.pick(SURNAME_HEADS)}${r.pick(SURNAME_TAILS)}`);
  const topic = `${r.pick(SUBJECTS)} ${r.pick(OBJECTS)}`;
  // Stories start across one year; their articles follow within three weeks.
  const startDay = r.int(365);
  return { index, place, topic, cast, startDay, person: (rr) => rr.pick(cast) };
}

function writeParagraphs(story, r, targetChars) {
  const paragraphs = [];
  let length = 0;
  while (length < targetChars) {
    const paragraph = writeParagraph(story, r);
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs;
}

const COPY_KINDS = ['verbatim', 'shortened', 'reordered', 'edited'];

/** Derives a copy of `paragraphs` the way news sites reuse wire text. */
function copyParagraphs(paragraphs, kind, r) {
  if (kind === 'verbatim') return [...paragraphs];
  if (kind === 'shortened') return paragraphs.slice(0, Math.max(2, Math.ceil(paragraphs.length * (0.4 + r.next() * 0.4))));
  if (kind === 'reordered') {
    const [lead, ...rest] = paragraphs;
    for (let i = rest.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [rest[i], rest[j]] = [rest[j], rest[i]];
    }
    return [lead, ...rest];
  }
  // edited: every third paragraph gets one sentence rewritten
  return paragraphs.map((p, i) => (i % 3 === 1 ? `${writeClause(r)} ${p.slice(p.indexOf('. ') + 2)}` : p));
}

function dateLine(story, r) {
  const day = new Date(Date.UTC(2024, 0, 1 + story.startDay + r.int(21), 6 + r.int(14), r.int(60)));
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(day.getUTCDate())}.${pad(day.getUTCMonth() + 1)}.${day.getUTCFullYear()} | ${pad(day.getUTCHours())}:${pad(day.getUTCMinutes())} Uhr`;
}

/**
 * Plants translated statements into originals with a random source of its own, so the rest of the
 * corpus stays as it is. A statement started in one original reserves its other renderings for the
 * next originals of the stories chosen for it.
 */
function makeTranslationPlanter(opts, storyCount) {
  const r = makeRandom(opts.seed ^ 0x7a11a7e5);
  /** Statements waiting for a rendering, by story index. */
  const waiting = new Map();
  let statements = 0;
  return (story, paragraphs) => {
    const queue = waiting.get(story.index) ?? [];
    let statement = queue.shift();
    if (statement === undefined) {
      if (opts.translationRate <= 0 || r.next() >= opts.translationRate) return null;
      const acrossStories = r.next() < 0.25;
      statement = { id: statements++, source: makeStatement(r, acrossStories ? null : story.place), renderings: 0 };
      const more = r.next() < 0.7 ? 1 : 2;
      for (let k = 0; k < more; k++) {
        const target = acrossStories ? r.int(storyCount) : story.index;
        waiting.set(target, [...(waiting.get(target) ?? []), statement]);
      }
    }
    const sentences = renderStatement(statement.source, r);
    paragraphs.splice(1 + r.int(paragraphs.length), 0, sentences.join(' '));
    return { statement: statement.id, rendering: statement.renderings++, english: statement.source.english, sentences };
  };
}

/**
 * The articles, in order: { name, text, story, copyOf, copyKind, translations }. copyOf names an
 * earlier article of the same story whose paragraphs this one reuses (null for originals);
 * translations lists the renderings of translated statements the text holds ({statement,
 * rendering, english}; a copy holds its source's when it kept a sentence of it).
 */
export function* generateArticles(options = {}) {
  const opts = { ...DEFAULT_CORPUS_OPTIONS, ...options };
  const r = makeRandom(opts.seed);
  const stories = Array.from({ length: Math.max(1, Math.round(opts.count / opts.articlesPerStory)) }, (_, i) => makeStory(r, i));
  const plantTranslation = makeTranslationPlanter(opts, stories.length);
  const originalsByStory = new Map();
  for (let i = 0; i < opts.count; i++) {
    const story = r.pick(stories);
    const originals = originalsByStory.get(story.index) ?? [];
    const name = `${String(i).padStart(6, '0')}.txt`;
    let paragraphs;
    let copyOf = null;
    let copyKind = null;
    let translation = null;
    if (originals.length > 0 && r.next() < opts.copyRate) {
      const source = r.pick(originals);
      copyKind = r.pick(COPY_KINDS);
      copyOf = source.name;
      paragraphs = copyParagraphs(source.paragraphs, copyKind, r);
      const body = paragraphs.join('\n\n');
      if (source.translation?.sentences.some((sentence) => body.includes(sentence))) translation = source.translation;
    } else {
      paragraphs = writeParagraphs(story, r, opts.targetChars);
      translation = plantTranslation(story, paragraphs);
      originals.push({ name, paragraphs, translation });
      originalsByStory.set(story.index, originals);
    }
    const title = `${story.place}: ${r.pick(['Streit um', 'Neue Pläne für', 'Entscheidung über', 'Kritik an', 'Zweifel an'])} ${story.topic}`;
    const credit = r.next() < 0.3 ? `\n\nQuelle: ${r.pick(AGENCIES)}` : '';
    const outlet = `\n\n${r.pick(OUTLETS)}`;
    const text = `${title}\n\n${dateLine(story, r)}\n\n${paragraphs.join('\n\n')}${credit}${outlet}\n`;
    const translations = translation === null ? [] : [{ statement: translation.statement, rendering: translation.rendering, english: translation.english }];
    yield { name, text, story: story.index, copyOf, copyKind, translations };
  }
}

/** Writes the corpus into `dir` (created) and its planted facts into `dir/.planted.json`; returns totals. */
export function writeCorpus(dir, options = {}) {
  mkdirSync(dir, { recursive: true });
  const copies = [];
  const stories = {};
  const statements = {};
  let bytes = 0;
  let count = 0;
  for (const article of generateArticles(options)) {
    const data = Buffer.from(article.text, 'utf8');
    writeFileSync(join(dir, article.name), data);
    bytes += data.length;
    count += 1;
    stories[article.story] ??= [];
    stories[article.story].push(article.name);
    if (article.copyOf) copies.push({ from: article.copyOf, to: article.name, kind: article.copyKind });
    for (const t of article.translations) {
      statements[t.statement] ??= { english: t.english, renderings: [] };
      statements[t.statement].renderings.push({ article: article.name, rendering: t.rendering });
    }
  }
  const options_ = { ...DEFAULT_CORPUS_OPTIONS, ...options };
  const translations = Object.values(statements);
  writeFileSync(join(dir, '.planted.json'), `${JSON.stringify({ options: options_, copies, stories, ...(translations.length > 0 ? { translations } : {}) })}\n`);
  return { count, bytes, copies: copies.length };
}

function argValue(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args[0];
  if (!dir || dir.startsWith('--')) {
    console.error('usage: node bench/generate-corpus.mjs DIR [--count N] [--seed S] [--copy-rate 0.1] [--translation-rate 0]');
    process.exit(2);
  }
  const totals = writeCorpus(dir, {
    count: argValue(args, '--count', DEFAULT_CORPUS_OPTIONS.count),
    seed: argValue(args, '--seed', DEFAULT_CORPUS_OPTIONS.seed),
    copyRate: argValue(args, '--copy-rate', DEFAULT_CORPUS_OPTIONS.copyRate),
    translationRate: argValue(args, '--translation-rate', DEFAULT_CORPUS_OPTIONS.translationRate),
  });
  console.log(`${dir}: ${totals.count} articles, ${(totals.bytes / 1e6).toFixed(1)} MB, ${totals.copies} planted copies`);
}
