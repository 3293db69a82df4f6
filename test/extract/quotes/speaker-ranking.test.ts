import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityMention } from '../../../src/article.js';
import { loadQuoteLexicon, makeQuoteFinder } from '../../../src/extract/quotes/find-quotes.js';
import { makeTokenizer } from '../../../src/text/tokenize.js';
import { makeSentenceSplitter } from '../../../src/text/sentences.js';

// Speaker choice among the noun phrases of a cue's clause, with the entities given by hand so each
// rule is tested apart from the tagger. All sentences are invented.
const quoteFinder = makeQuoteFinder(loadQuoteLexicon());
const tokenize = makeTokenizer();
const splitter = makeSentenceSplitter();

/** The people named in `persons` as person entities, at every place they occur. */
function personsIn(text: string, persons: readonly string[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const name of persons) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      out.push({ text: name, start: at, end: at + name.length, type: 'person', canonical: null });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function speakerOf(text: string, fragment: string, persons: readonly string[]): string | null {
  const quotes = quoteFinder(text, tokenize(text), splitter.split(text), personsIn(text, persons));
  const q = quotes.find((x) => x.kind === 'direct' && x.text.includes(fragment));
  assert.ok(q, `no direct quote containing ${JSON.stringify(fragment)}; found ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q.speakerStart === null ? null : text.slice(q.speakerStart, q.speakerEnd!);
}

test('object first (OVS): the person after the verb speaks, not the topic before it', () => {
  const text = 'Die Reform des Rentensystems stellte die Sozialministerin Carla Wendt am Dienstag offen in Frage: „Das ist so nicht finanzierbar.“';
  assert.match(speakerOf(text, 'finanzierbar', ['Carla Wendt']) ?? '', /Carla Wendt/);
});

test('a dative object before the verb: the office holder after it speaks', () => {
  const text = 'Den wartenden Pendlern versicherte Bahnchef Otto Rind am Morgen, die Züge würden „spätestens am Abend wieder rollen“.';
  assert.match(speakerOf(text, 'rollen', ['Otto Rind']) ?? '', /Otto Rind/);
});

test('a colon intro must name someone: an abstract subject gives no speaker', () => {
  const text = 'Der Kern des Papiers ist knapp gehalten: „Wir wollen in fünf Jahren zehntausend Wohnungen bauen.“';
  assert.equal(speakerOf(text, 'Wohnungen', []), null);
});

test('a colon intro whose subject is abstract: the person in the clause speaks', () => {
  const text = 'Ihre Zweifel an dem Plan äußerte auch die Bürgermeisterin Ilse Brandl: „Das Geld reicht dafür nicht aus.“';
  assert.match(speakerOf(text, 'Geld reicht', ['Ilse Brandl']) ?? '', /Ilse Brandl/);
});

test('a name with an apposition before a clause that opens with the verb: the name speaks', () => {
  const text = 'Jonas Brückner, einer der Unterzeichner des Aufrufs, verurteilte die Haltung der Stadtverwaltung. „Das ist ein schwerer Fehler, den wir nicht hinnehmen.“';
  assert.match(speakerOf(text, 'schwerer Fehler', ['Jonas Brückner']) ?? '', /Jonas Brückner/);
});

test('an apposition subject before a colon clause that opens with the verb', () => {
  const text = 'Die Leiterin der Studie, Maren Falk, sieht die Verantwortung vor allem beim Land: „Die Schulen brauchen mehr Personal.“';
  assert.match(speakerOf(text, 'Personal', ['Maren Falk']) ?? '', /Maren Falk/);
});

test('a person inside a prepositional phrase is not the speaker of a colon clause', () => {
  const text = 'Aus Sorge um das Grundwasser warnte der Geschäftsführer des Brunnenverbands, Heiner Kolb, die Regierung in einem Brief an drei Minister: „Die Vorräte sinken seit Jahren.“';
  const speaker = speakerOf(text, 'Vorräte', ['Heiner Kolb']) ?? '';
  assert.match(speaker, /Heiner Kolb/);
  assert.doesNotMatch(speaker, /Minister/);
});

test('the grammatical subject stays the speaker when it names someone, even with a person in the object', () => {
  const text = 'Der Sprecher der Polizei widersprach am Abend Innenminister Paul Ebner: „Die Lage ist unter Kontrolle.“';
  assert.match(speakerOf(text, 'Kontrolle', ['Paul Ebner']) ?? '', /Sprecher der Polizei/);
});

test('a quote without a cue in a sentence whose subject names someone: the subject speaks', () => {
  const text = 'Die Debatte im Landtag dauerte bis in die Nacht. Die Finanzministerin sah am Ende eine „gefährliche Schieflage in den Haushalten der Kommunen“.';
  assert.equal(speakerOf(text, 'Schieflage', []), 'Die Finanzministerin');
});

test('an uncued quote in reported speech (Konjunktiv) continues the speaker before, not the clause subject', () => {
  const text = '„Wir lehnen den Plan ab“, sagte Verbandschef Rolf Heine. Bisher habe die Regierung eine „zentrale Datei aller Mitglieder“ stets ausgeschlossen.';
  assert.match(speakerOf(text, 'zentrale Datei', ['Rolf Heine']) ?? '', /Rolf Heine/);
});

test('a person introduced in the sentence before a whole-sentence quote speaks rather than an earlier speaker', () => {
  const text =
    '„Ich trete zurück“, sagte die Vorsitzende. Ihr langjähriger Stellvertreter, Martin Olberg, war nach eigenen Worten seit Wochen eingeweiht. „Sie wünscht sich mehr Zeit für die Familie.“';
  assert.match(speakerOf(text, 'Familie', ['Martin Olberg']) ?? '', /Martin Olberg/);
});

test('quoted words are never the speaker; a quoted name may be', () => {
  const text = 'Als „einen großen Rückschritt für alle Bürger“ bezeichnete die Juristin Vera Lind das neue Gesetz.';
  assert.match(speakerOf(text, 'Rückschritt', ['Vera Lind']) ?? '', /Vera Lind/);
  const named = '„Die Lage ist ernst, aber nicht hoffnungslos“, schrieb die „Norddeutsche Rundschau“ am Montag.';
  assert.match(speakerOf(named, 'hoffnungslos', []) ?? '', /Norddeutsche Rundschau/);
});

test('the subject of a passive clause is addressed, not speaking: the quote keeps no speaker from it', () => {
  const text = 'Die Stadtwerke werden darin aufgefordert, „die Preise für alle Haushalte sofort zu senken“.';
  assert.equal(speakerOf(text, 'Preise', []), null);
});

test('an organisation inside a prepositional phrase ("zwischen den Regierungen") does not outrank the subject', () => {
  const text = 'Die beiden Länder betonten die Notwendigkeit der Zusammenarbeit zwischen den Regierungen: „Nur gemeinsam lassen sich die Krisen lösen.“';
  assert.doesNotMatch(speakerOf(text, 'Krisen', []) ?? '', /Regierungen/);
});

test('an uncued pronoun subject refers back to the speaker before', () => {
  const text = 'Ministerin Petra Lorenz bezeichnete die Gespräche als „sehr offen und konstruktiv“. Sie entwickelten sich seither „in eine neue Phase der Zusammenarbeit hinein“.';
  assert.match(speakerOf(text, 'neue Phase', ['Petra Lorenz']) ?? '', /Petra Lorenz/);
});

test('a capital standing for its government names a speaker before a quote of its own', () => {
  const text = 'Bern und Wien zeigten sich am Abend besorgt über die Lage an der Grenze. „Einzelne Staaten gefährden mit ihren Plänen die Sicherheit aller.“';
  const place = (name: string): EntityMention => {
    const start = text.indexOf(name);
    return { text: name, start, end: start + name.length, type: 'location', canonical: `gov:${name.toUpperCase()}` };
  };
  const quotes = quoteFinder(text, tokenize(text), splitter.split(text), [place('Bern'), place('Wien')]);
  const q = quotes.find((x) => x.text.includes('Einzelne Staaten'));
  assert.ok(q && q.speakerStart !== null, JSON.stringify(quotes));
  assert.match(text.slice(q.speakerStart, q.speakerEnd!), /Bern und Wien/);
});

test('"Einer der …" with its partitive genitive names the speaker', () => {
  const text = 'Der Einsatzleiter bestätigte den Brand. Einer der drei beteiligten Feuerwehrmänner sagte: „So etwas habe ich noch nie gesehen.“';
  assert.match(speakerOf(text, 'noch nie', []) ?? '', /Einer der drei beteiligten Feuerwehrmänner/);
});

test('a source named right before the quote ("laut X „…“") wins over a verb after it', () => {
  const text = 'Nachdem man laut Klinikleiterin Dora Funk „heute Paaren helfen kann, die früher keine Hilfe fanden“, suchen die Forscher nach neuen Wegen.';
  assert.match(speakerOf(text, 'Paaren helfen', ['Dora Funk']) ?? '', /Dora Funk/);
});

test('a colon clause of reported content (Konjunktiv) belongs to the clause that reports it', () => {
  const text = 'Auch die Ministerin Rita Haas äußerte Zweifel und wagte die Prognose, bei der Wahl würden nicht alle Abgeordneten zustimmen: „Ich rechne mit einigen Gegenstimmen.“';
  assert.match(speakerOf(text, 'Gegenstimmen', ['Rita Haas']) ?? '', /Rita Haas/);
});

test('an accusative or dative phrase ("den Bericht …") is an object, never the speaker', () => {
  const text = 'Die Landesregierung hatte den Bericht der Lokalzeitung umgehend als „völlig aus der Luft gegriffen“ zurückgewiesen.';
  assert.match(speakerOf(text, 'aus der Luft', []) ?? '', /Landesregierung/);
});

test('verbless parts after an earlier clause are the subject of a verb that opens its clause', () => {
  const text = 'Der Minister wies die Kritik zurück, die Sprecherin der Fraktion, Lea Sommer (Grüne), erklärte: „Die Debatte schadet allen Schulen.“';
  assert.match(speakerOf(text, 'Debatte schadet', ['Lea Sommer']) ?? '', /Sprecherin der Fraktion/);
});

test('the nouns of a prepositional phrase are skipped even when its article is a number word', () => {
  const text = 'Aus Sorge um das Grundwasser warnte der Verbandschef, Olaf Brink, die Politik in einem Brief an sechs Bundesminister: „Die Vorräte sinken seit Jahren.“';
  assert.match(speakerOf(text, 'Vorräte', ['Olaf Brink']) ?? '', /Olaf Brink/);
});

test('"…, so X" after a quote: a speech verb cut off by a colon earlier in the sentence does not take it over', () => {
  const text = 'Der Anwalt Emil Kranz betonte die Reue, doch die Richterin blieb hart: Eine Bewährung sei nicht vermittelbar, „wenn jemand betrunken einen Radfahrer anfährt“, so Richterin Ute Falk.';
  assert.match(speakerOf(text, 'Radfahrer anfährt', ['Emil Kranz', 'Ute Falk']) ?? '', /Ute Falk/);
});

test('a headline between a speaker and an uncued quote does not take the quote over', () => {
  const text = '„Wir werden weiter verhandeln“, sagte Ministerin Vera Holm am Abend.\n\nKanzler Paul Weiß reist nach Bern\n\nDie Gespräche sollen am Montag beginnen, „wenn alle Seiten dem Zeitplan zustimmen“.';
  assert.match(speakerOf(text, 'Zeitplan', ['Vera Holm', 'Paul Weiß']) ?? '', /Vera Holm/);
});

test('a relative clause\'s verb does not attribute a quote of the main clause; a genitive name is an attribute', () => {
  const text = 'Nach den Krawallen stieg Rauch auf. Oppositionsführer Ivo Marek kritisierte die Taktik Kellers, der zum Sturm aufgerufen haben soll, als „Provokation, die der Regierung gelegen kam“.';
  assert.match(speakerOf(text, 'Provokation', ['Ivo Marek', 'Kellers']) ?? '', /Ivo Marek/);
});

test('a cue verb after "und" shares the subject of the first clause, not its object', () => {
  const text = 'Der Gesandte Omar Said nannte die Sanktionen eine Hilfe gegen das „brutale Regime“ in der Hauptstadt und rief die eigene Armee auf, „die Waffen sofort niederzulegen und nach Hause zu gehen“.';
  assert.match(speakerOf(text, 'Waffen sofort', ['Omar Said']) ?? '', /Omar Said/);
});

test('"nach ihren Worten": the possessive pronoun is the speaker mention, not "Worten"', () => {
  const text = 'Die Ministerin Carla Wendt besuchte das Werk. Nach ihren Worten ist der Standort „für die Region unverzichtbar“.';
  const quotes = quoteFinder(text, tokenize(text), splitter.split(text), personsIn(text, ['Carla Wendt']));
  const speakers = quotes.map((q) => (q.speakerStart === null ? null : text.slice(q.speakerStart, q.speakerEnd!)));
  assert.ok(quotes.length > 0);
  assert.ok(speakers.every((s) => s === 'ihren'), `speakers: ${JSON.stringify(speakers)}`);
});

test('"nach Polizeiangaben" names its source in the compound', () => {
  const text = 'Nach Polizeiangaben war die Straße „stundenlang gesperrt“.';
  const quotes = quoteFinder(text, tokenize(text), splitter.split(text), []);
  assert.ok(quotes.some((q) => q.speakerStart !== null && text.slice(q.speakerStart, q.speakerEnd!) === 'Polizeiangaben'), JSON.stringify(quotes));
});
