/**
 * Invented articles with entities and quotes, offsets found in their own text, for the browse
 * queries and API tests: two outlets, a speaker quoted in both, one English article.
 */
import type { Article, EntityMention, Quote } from '../../src/article.js';
import { makeArticle } from '../store/store-contract.js';

function mention(text: string, surface: string, type: EntityMention['type'], canonical: string | null, from = 0): EntityMention {
  const start = text.indexOf(surface, from);
  if (start < 0) throw new Error(`fixture: "${surface}" is not in the text`);
  return { text: surface, start, end: start + surface.length, type, canonical };
}

function quote(text: string, words: string, speaker: string, speakerSurface: string): Quote {
  const start = text.indexOf(words);
  const speakerStart = text.indexOf(speakerSurface);
  if (start < 0 || speakerStart < 0) throw new Error(`fixture: quote or speaker not in the text`);
  return {
    text: words,
    start,
    end: start + words.length,
    kind: 'direct',
    partial: false,
    cue: 'sagte',
    speaker,
    relayedBy: null,
    speakerStart,
    speakerEnd: speakerStart + speakerSurface.length,
  };
}

const HAFEN_TEXT =
  'Die Stadt Kellingen baut ihren Hafen aus. Bürgermeisterin Ilka Sommerfeld sagte am Montag: „Wir investieren in die Zukunft der Region.“ Der Ausbau der Hafenanlagen soll 2027 beginnen.';
const BRUECKE_TEXT =
  'In Kellingen wird die alte Schwenkbrücke saniert. Ilka Sommerfeld sagte: „Die Sperrung dauert höchstens drei Monate.“ Pendler müssen Umwege fahren.';
const FERRY_TEXT = 'The ferry operator Nordlinie announced new routes between the islands on Tuesday.';

export const HAFEN = makeArticle({
  title: 'Kellingen erweitert seinen Hafen',
  text: HAFEN_TEXT,
  published: '2025-03-10',
  outlet: 'Küstenbote',
  credits: [{ name: 'dpa', kind: 'agency', evidence: '(dpa)' }],
  entities: [
    mention(HAFEN_TEXT, 'Kellingen', 'location', 'place:kellingen'),
    mention(HAFEN_TEXT, 'Ilka Sommerfeld', 'person', 'person:ilka-sommerfeld'),
  ],
  quotes: [quote(HAFEN_TEXT, '„Wir investieren in die Zukunft der Region.“', 'Ilka Sommerfeld', 'Ilka Sommerfeld')],
});

export const BRUECKE = makeArticle({
  title: 'Schwenkbrücke wird saniert',
  text: BRUECKE_TEXT,
  published: '2025-04-02',
  outlet: 'Abendzeitung Nord',
  entities: [
    mention(BRUECKE_TEXT, 'Kellingen', 'location', 'place:kellingen'),
    mention(BRUECKE_TEXT, 'Ilka Sommerfeld', 'person', 'person:ilka-sommerfeld'),
  ],
  quotes: [quote(BRUECKE_TEXT, '„Die Sperrung dauert höchstens drei Monate.“', 'Ilka Sommerfeld', 'Ilka Sommerfeld')],
});

export const FERRY = makeArticle({
  title: 'Nordlinie adds ferry routes',
  text: FERRY_TEXT,
  published: '2025-03-18',
  language: 'en',
  outlet: 'Küstenbote',
  entities: [mention(FERRY_TEXT, 'Nordlinie', 'organization', null)],
  quotes: [],
});

export const BROWSE_ARTICLES: readonly Article[] = [HAFEN, BRUECKE, FERRY];
