import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadQuoteLexicon, makeQuoteFinder } from '../../../src/extract/quotes/find-quotes.js';
import { makeTokenizer } from '../../../src/text/tokenize.js';
import { makeSentenceSplitter } from '../../../src/text/sentences.js';

const quoteFinder = makeQuoteFinder(loadQuoteLexicon());
const tokenize = makeTokenizer();
const splitter = makeSentenceSplitter();
const findQuotes = (text: string) => quoteFinder(text, tokenize(text), splitter.split(text));

function quoteAt(text: string, fragment: string) {
  const quotes = findQuotes(text);
  const q = quotes.find((x) => x.text.includes(fragment));
  assert.ok(q, `no quote containing ${JSON.stringify(fragment)}; found ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
}

function speakerMention(text: string, q: { speakerStart: number | null; speakerEnd: number | null }) {
  assert.ok(q.speakerStart !== null && q.speakerEnd !== null, 'quote has no speaker mention');
  return text.slice(q.speakerStart!, q.speakerEnd!);
}

test('a direct quote followed by "sagte X" is attributed to X, with offsets of the mention', () => {
  const text = 'Die Gespräche ziehen sich hin. „Wir sind noch weit von einer Einigung entfernt“, sagte Außenministerin Mara Lindqvist am Montag in Wien.';
  const q = quoteAt(text, 'Einigung');
  assert.equal(q.kind, 'direct');
  assert.equal(text.slice(q.start, q.end), '„Wir sind noch weit von einer Einigung entfernt“');
  assert.match(speakerMention(text, q), /Mara Lindqvist/);
  assert.equal(q.cue, 'sagte');
});

test('all quotation mark styles are found: »…«, "…", «…», “…”', () => {
  for (const [open, close] of [['»', '«'], ['"', '"'], ['«', '»'], ['“', '”']]) {
    const text = `${open}Das Abkommen ist ein wichtiger Schritt für die Region${close}, erklärte der Sprecher des Ministeriums.`;
    const q = quoteAt(text, 'Abkommen');
    assert.match(speakerMention(text, q), /Sprecher des Ministeriums/, `${open}…${close}`);
  }
});

test('a colon after "X fügte hinzu:" attributes the quote in the next paragraph', () => {
  const text = 'Der Sprecher Jonas Weber äußerte sich am Abend. Weber fügte hinzu:\n\n„Wir werden die Lage weiter genau beobachten.“';
  const q = quoteAt(text, 'beobachten');
  assert.equal(speakerMention(text, q), 'Weber');
});

test('a quote spanning several sentences is attributed by the cue after its last sentence', () => {
  const text = '„Die Lage ist ernst. Wir brauchen jetzt Gespräche. Sonst droht eine Eskalation“, sagte der Bürgermeister.';
  const q = quoteAt(text, 'Eskalation');
  assert.ok(q.text.startsWith('„Die Lage'));
  assert.match(speakerMention(text, q), /Bürgermeister/);
});

test('indirect speech after a cue verb: the dass-clause is the message, the subject the speaker', () => {
  const text = 'Regierungssprecherin Anna Brandt erklärte am Dienstag, dass die Regierung die Pläne prüfen werde.';
  const q = quoteAt(text, 'Pläne');
  assert.equal(q.kind, 'indirect');
  assert.equal(q.text, 'dass die Regierung die Pläne prüfen werde');
  assert.equal(speakerMention(text, q), 'Regierungssprecherin Anna Brandt');
});

test('Konjunktiv I after a comma and "so X" at the end of the sentence', () => {
  const text = 'Die Verhandlungen seien auf einem guten Weg, so der Berater weiter.';
  const q = quoteAt(text, 'Verhandlungen');
  assert.equal(q.kind, 'indirect');
  assert.equal(speakerMention(text, q), 'der Berater');
});

test('"laut X", "X zufolge" and "nach Angaben von X" name the source', () => {
  const cases: Array<[string, RegExp]> = [
    ['Laut dem Innenministerium wurden am Wochenende zwölf Menschen festgenommen.', /Innenministerium/],
    ['Dem Pressesprecher zufolge ist die Unterstützung noch destabilisierender für die Region.', /Pressesprecher/],
    ['Nach Angaben von Generalmajor Pavel Orlov kehren die Truppen in ihre Stützpunkte zurück.', /Pavel Orlov/],
  ];
  for (const [text, speaker] of cases) {
    const quotes = findQuotes(text);
    assert.equal(quotes.length, 1, text);
    assert.match(speakerMention(text, quotes[0]!), speaker, text);
  }
});

test('a pronoun speaker keeps the pronoun as mention and shows the last named speaker', () => {
  const text = 'Ministerpräsident Karl Ostermann besuchte das Werk. Er sagte: „Die Arbeitsplätze sind sicher.“';
  const q = quoteAt(text, 'Arbeitsplätze');
  assert.equal(speakerMention(text, q), 'Er');
  assert.equal(q.speaker, 'Ministerpräsident Karl Ostermann');
});

test('scare quotes, names and titles in quotation marks are not speech', () => {
  const text =
    'Beide Seiten bekräftigten ihre „grenzenlose“ Partnerschaft. Kritiker sprechen unter dem Deckmantel der "Demokratie" von Einmischung. ' +
    'Das berichtete die Zeitung „Der Nordkurier“. Die Sendung „Blick in die Welt“ lief am Abend.';
  const texts = findQuotes(text).filter((q) => q.kind === 'direct').map((q) => q.text);
  for (const notSpeech of ['grenzenlose', 'Demokratie', 'Nordkurier', 'Blick in die Welt']) {
    assert.ok(!texts.some((t) => t.includes(notSpeech)), `${notSpeech} was taken for speech: ${JSON.stringify(texts)}`);
  }
});

test('a partial quote inside reported speech is kept and marked partial', () => {
  const text = 'Die Opposition sagte, der Minister trage die „volle politische Verantwortung“ für das Scheitern.';
  const partial = findQuotes(text).find((q) => q.kind === 'direct');
  assert.ok(partial);
  assert.equal(partial.partial, true);
  assert.equal(partial.text, '„volle politische Verantwortung“');
  assert.match(speakerMention(text, partial), /Opposition/);
});

test('nested quotes: the blog relays the report, the inner quote is the spokesman\'s', () => {
  const text =
    'Weiter berichtet Nordwelle: "In einem Briefing erläuterte der Sprecher des Ministeriums Tomas Berg die Lage. Er erklärte:\n\n' +
    '"Wir beobachten die Zusammenarbeit der beiden Länder sehr genau."\n\nDie Gespräche sollen fortgesetzt werden."';
  const quotes = findQuotes(text);
  const outer = quotes.find((q) => q.text.startsWith('"In einem Briefing'));
  const inner = quotes.find((q) => q.text.startsWith('"Wir beobachten'));
  assert.ok(outer && inner, JSON.stringify(quotes.map((q) => q.text)));
  assert.match(speakerMention(text, outer), /Nordwelle/);
  assert.ok(inner.start > outer.start && inner.end < outer.end);
  assert.match(inner.speaker ?? '', /Tomas Berg/);
});

test('"X zitierte Y" relays Y\'s words: Y speaks, X relays', () => {
  const text = 'Der Sender Kanal Neun zitierte Präsidentin Elena Varga mit den Worten: „Wir lassen uns nicht erpressen.“';
  const q = quoteAt(text, 'erpressen');
  assert.match(q.speaker ?? '', /Elena Varga/);
  assert.match(q.relayedBy ?? '', /Kanal Neun/);
});

test('"heißt es in der Erklärung": the statement speaks', () => {
  const text = 'Beide Regierungen unterzeichneten eine gemeinsame Erklärung. "Die Parteien lehnen jede weitere Eskalation ab", heißt es darin.';
  const q = quoteAt(text, 'Eskalation');
  assert.match(q.speaker ?? '', /Erklärung/);
});

test('text without quotes or speech gives nothing', () => {
  assert.deepEqual(findQuotes('Der Zug fuhr pünktlich um acht Uhr ab. Es regnete den ganzen Tag.'), []);
  assert.deepEqual(findQuotes(''), []);
});

test('"X habe …, so Y weiter": X speaks, Y relays', () => {
  const text = 'Der Präsident habe Xu auf die Notwendigkeit hingewiesen, mit der Union zu verhandeln, so Berater Anton Reiss weiter.';
  const q = quoteAt(text, 'verhandeln');
  assert.equal(q.kind, 'indirect');
  assert.match(speakerMention(text, q), /Präsident/);
  assert.match(q.relayedBy ?? '', /Anton Reiss/);
});

test('names in quotation marks with lowercase words („Ärzte ohne Grenzen“) are not speech where nobody speaks', () => {
  const text = 'Vor Ort helfen auch die „Helfer ohne Grenzen Deutschland und Österreich“ und der „Rat für regionale Sicherheit und Zusammenarbeit im Norden“ bei der Versorgung.';
  assert.deepEqual(findQuotes(text).filter((q) => q.kind === 'direct').map((q) => q.text), []);
});
