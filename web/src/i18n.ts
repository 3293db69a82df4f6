/** Interface labels in German and English; the choice is kept in localStorage, the first visit follows the browser's languages. */

export type Language = 'de' | 'en';

const LABELS = {
  skip: { de: 'Zum Inhalt', en: 'Skip to content' },
  nav: { de: 'Hauptnavigation', en: 'Main navigation' },
  switchTo: { de: 'English', en: 'Deutsch' },
  switchLabel: { de: 'Switch the interface to English', en: 'Oberfläche auf Deutsch umstellen' },
  stories: { de: 'Geschichten', en: 'Stories' },
  articles: { de: 'Artikel', en: 'Articles' },
  entities: { de: 'Personen & Orte', en: 'People & places' },
  outlets: { de: 'Medien', en: 'Outlets' },
  ingest: { de: 'Einlesen', en: 'Ingest' },
  noStories: {
    de: 'Noch keine Geschichten: Ereignisse und Erzählstränge entstehen beim Einlesen, sobald Artikel da sind. Bis dahin: die Artikel unten.',
    en: 'No stories yet: events and storylines are formed as articles are ingested. Meanwhile, the articles below.',
  },
  storiesCount: { de: 'Ereignisse und Erzählstränge', en: 'events and storylines' },
  articlesCount: { de: 'Artikel', en: 'articles' },
  outletsCount: { de: 'Medien', en: 'outlets' },
  firstArticles: { de: 'Artikel in der Reihenfolge des Einlesens', en: 'Articles in the order they were read' },
  search: { de: 'Suchen', en: 'Search' },
  searchLabel: { de: 'Suchbegriffe (Beugungsformen werden gefunden)', en: 'Search words (inflected forms match)' },
  outlet: { de: 'Medium', en: 'Outlet' },
  language: { de: 'Sprache', en: 'Language' },
  from: { de: 'Von', en: 'From' },
  to: { de: 'Bis', en: 'To' },
  entity: { de: 'Entität', en: 'Entity' },
  any: { de: 'alle', en: 'any' },
  results: { de: 'Treffer', en: 'results' },
  facetsCountBest: { de: 'Die Auswahllisten zählen die besten', en: 'The filter lists count the best' },
  noResults: { de: 'Keine Treffer.', en: 'No results.' },
  more: { de: 'Mehr laden', en: 'Load more' },
  pages: { de: 'Seiten', en: 'Pages' },
  firstPage: { de: 'Erste Seite', en: 'First page' },
  nextPage: { de: 'Nächste Seite', en: 'Next page' },
  untitled: { de: '(ohne Titel)', en: '(untitled)' },
  unknownDate: { de: 'Datum unbekannt', en: 'date unknown' },
  quotes: { de: 'Zitate', en: 'Quotes' },
  noQuotes: { de: 'Keine Zitate gefunden.', en: 'No quotes found.' },
  saidAbout: { de: 'Was andere über sie sagten', en: 'What others said about them' },
  speaker: { de: 'Sprecher', en: 'Speaker' },
  unknownSpeaker: { de: 'unbekannt', en: 'unknown' },
  relayedBy: { de: 'weitergegeben von', en: 'relayed by' },
  entitiesInText: { de: 'Genannte Namen', en: 'Names mentioned' },
  reuse: { de: 'Übernommene Passagen', en: 'Reused passages' },
  noReuse: { de: 'Keine Passage dieses Artikels steht auch in einem anderen.', en: 'No passage of this article appears in another one.' },
  reusedPassage: { de: 'Übernommene Passage', en: 'Reused passage' },
  otherArticle: { de: 'Im anderen Artikel', en: 'In the other article' },
  thisArticle: { de: 'In diesem Artikel', en: 'In this article' },
  likelySource: { de: 'wahrscheinliche Quelle', en: 'likely source' },
  copiedHere: { de: 'übernimmt von hier', en: 'copies from here' },
  directionUnknown: { de: 'Richtung unklar', en: 'direction unclear' },
  occurrences: { de: 'Fundorte', en: 'Found at' },
  credits: { de: 'Quellen', en: 'Credits' },
  hoverHint: { de: 'Zitat anklicken oder fokussieren, um den Sprecher zu sehen.', en: 'Click or focus a quote to see its speaker.' },
  mentions: { de: 'Erwähnungen', en: 'Mentions' },
  names: { de: 'Schreibweisen', en: 'Names' },
  inArticles: { de: 'In Artikeln', en: 'In articles' },
  type: { de: 'Typ', en: 'Type' },
  person: { de: 'Person', en: 'Person' },
  organization: { de: 'Organisation', en: 'Organisation' },
  location: { de: 'Ort', en: 'Place' },
  other: { de: 'Sonstiges', en: 'Other' },
  publishes: { de: 'Veröffentlicht', en: 'Publishes' },
  creditsAgencies: { de: 'Nennt als Quelle', en: 'Credits as source' },
  none: { de: 'keine', en: 'none' },
  ingestIntro: { de: 'Dateien ablegen, Text einfügen oder URLs angeben. Abgelehnte Eingaben werden mit Grund gelistet.', en: 'Drop files, paste text or give URLs. Rejected inputs are listed with reasons.' },
  files: { de: 'Dateien (Text, HTML, JSONL, Feeds, WARC)', en: 'Files (text, HTML, JSONL, feeds, WARC)' },
  dropHere: { de: 'Dateien hierher ziehen', en: 'Drop files here' },
  pasteText: { de: 'Artikeltext einfügen', en: 'Paste article text' },
  urls: { de: 'URLs oder Feeds (eine pro Zeile)', en: 'URLs or feeds (one per line)' },
  start: { de: 'Einlesen starten', en: 'Start ingest' },
  progress: { de: 'Fortschritt', en: 'Progress' },
  inputsDone: { de: 'Eingaben gelesen', en: 'inputs read' },
  articlesAdded: { de: 'neue Artikel', en: 'new articles' },
  rejected: { de: 'Abgelehnt', en: 'Rejected' },
  done: { de: 'Fertig.', en: 'Done.' },
  failed: { de: 'Fehlgeschlagen', en: 'Failed' },
  error: { de: 'Fehler', en: 'Error' },
  loading: { de: 'Lädt …', en: 'Loading …' },
  notFound: { de: 'Nicht gefunden.', en: 'Not found.' },
  event: { de: 'Ereignis', en: 'Event' },
  storyline: { de: 'Erzählstrang', en: 'Storyline' },
  events: { de: 'Ereignisse', en: 'Events' },
  summary: { de: 'Zusammenfassung', en: 'Summary' },
  timeline: { de: 'Zeitleiste', en: 'Timeline' },
  joinedThrough: { de: 'dabei über', en: 'joined through' },
  shares: { de: 'gemeinsam', en: 'shares' },
  statementsShared: { de: 'gemeinsame Aussagen', en: 'shared statements' },
  passagesShared: { de: 'übernommene Passagen', en: 'reused passages' },
  close: { de: 'Schließen', en: 'Close' },
  articlesPerDay: { de: 'Artikel pro Tag', en: 'Articles per day' },
  unknownOutlet: { de: '(Medium unbekannt)', en: '(outlet unknown)' },
  yes: { de: 'ja', en: 'yes' },
  no: { de: 'nein', en: 'no' },
  first: { de: 'zuerst', en: 'first' },
  sourceComparison: { de: 'Quellenvergleich', en: 'Source comparison' },
  comparisonOfEvent: { de: 'Verglichen wird das meistberichtete Ereignis', en: 'Compared: the most covered event' },
  firstReported: { de: 'Zuerst berichtet', en: 'First reported' },
  ofOutlets: { de: 'von', en: 'of' },
  outletsCredit: { de: 'Medien berufen sich auf', en: 'outlets credit' },
  sharedText: { de: 'Wortgleiche Sätze bei', en: 'Same sentences word for word at' },
  outletMatrixCaption: { de: 'Was jedes Medium brachte', en: 'What each outlet carried' },
  firstPublished: { de: 'Zuerst veröffentlicht', en: 'First published' },
  quotedSpeakers: { de: 'Zitierte (Anzahl Zitate)', en: 'Quoted (number of quotes)' },
  onlyHere: { de: 'Nur hier genannt', en: 'Named only here' },
  leftOut: { de: 'Fehlende Kernnamen', en: 'Core names left out' },
  framingMarkers: { de: 'Deutungsmarker', en: 'Framing markers' },
  unattributed: { de: 'Aussagen ohne Sprecher', en: 'Claims without a speaker' },
  hedge: { de: 'Vorbehalt', en: 'hedge' },
  distance: { de: 'Distanzierung', en: 'distancing' },
  loaded: { de: 'wertend', en: 'loaded' },
  unsupported: { de: 'ohne Beleg', en: 'unsupported' },
  entityMatrixCaption: { de: 'Wer nannte welche Kernnamen', en: 'Who named which core names' },
  speakerMatrixCaption: { de: 'Wer zitierte wen', en: 'Who quoted whom' },
  statements: { de: 'Aussagen über Medien hinweg', en: 'Statements across outlets' },
  noStatements: { de: 'Kein Zitat steht in zwei oder mehr Artikeln dieser Geschichte.', en: 'No quote appears in two or more articles of this story.' },
  reuseGraph: { de: 'Wer übernahm von wem', en: 'Who copied whom' },
  reuseGraphLegend: {
    de: 'Jeder Punkt ist ein Artikel (Zeile: Medium, Spalte: Tag); ein Pfeil zeigt von der wahrscheinlichen Quelle zur Übernahme, gestrichelt: Richtung unklar. Die Punkte sind Links (Tab-Taste).',
    en: 'Each dot is an article (row: outlet, column: day); an arrow points from the likely source to the copy, dashed: direction unclear. The dots are links (Tab key).',
  },
  noReuseInStory: { de: 'Keine Passage wurde zwischen Artikeln dieser Geschichte übernommen.', en: 'No passage was reused between articles of this story.' },
  reuseEdgeList: { de: 'Übernahmen als Liste', en: 'Reuse as a list' },
  copiedBy: { de: 'übernommen von', en: 'copied by' },
  sharedWith: { de: 'gemeinsam mit', en: 'shared with' },
  confidence: { de: 'Sicherheit', en: 'confidence' },
  identical: { de: 'identisch', en: 'identical' },
  'near-verbatim': { de: 'fast wörtlich', en: 'near verbatim' },
  'shared-wire': { de: 'gemeinsamer Agenturtext', en: 'shared wire text' },
  quotation: { de: 'Zitat', en: 'quotation' },
  paraphrase: { de: 'Umschreibung', en: 'paraphrase' },
  passage: { de: 'Passage', en: 'passage' },
  passages: { de: 'Passagen', en: 'passages' },
  mostQuotedFirst: { de: 'die von den meisten Medien zitierten zuerst', en: 'those most outlets quoted first' },
  showingFirst: { de: 'Gezeigt werden die ersten', en: 'Showing the first' },
  onlyFirst: { de: 'durchgestrichen: nur im ersten Text', en: 'struck out: only in the first text' },
  onlySecond: { de: 'unterstrichen: nur im zweiten Text', en: 'underlined: only in the second text' },
  reusesFrom: { de: 'Woher der Text stammt', en: 'Where its text comes from' },
  reusesFromHint: {
    de: 'Übernommene Passagen zählen für das Medium, von dem sie stammen; der Rest eines Artikels, der eine Agentur nennt, für die Agentur.',
    en: 'Reused passages count for the outlet they came from; the rest of an article that credits an agency counts for the agency.',
  },
  characters: { de: 'Zeichen', en: 'characters' },
  source: { de: 'Quelle', en: 'Source' },
  share: { de: 'Anteil', en: 'Share' },
  ownText: { de: 'eigener Text', en: 'own text' },
  unknownSource: { de: 'unbekannte Quelle', en: 'unknown source' },
  itsStories: { de: 'Geschichten', en: 'Stories' },
  articlesNaming: { de: 'Artikel nennen den Namen', en: 'articles name them' },
} as const satisfies Record<string, Record<Language, string>>;

export type LabelKey = keyof typeof LABELS;

const STORAGE_KEY = 'storytrace-language';

export function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'de' || saved === 'en') return saved;
  // The first of the browser's languages we have; a reader of neither gets English.
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'de' || base === 'en') return base;
  }
  return 'en';
}

export function saveLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

const REUSE_KINDS = ['identical', 'near-verbatim', 'shared-wire', 'quotation', 'paraphrase'] as const satisfies readonly LabelKey[];

/** A reuse link's kind (src/link/link-kind.ts) in words; a kind this UI does not know yet shows as it is. */
export function reuseKindLabel(kind: string, t: Translate): string {
  const known = REUSE_KINDS.find((k) => k === kind);
  return known === undefined ? kind : t(known);
}

/** A translator bound to one language, handed to every page. */
export type Translate = (key: LabelKey) => string;

export function translator(language: Language): Translate {
  return (key) => LABELS[key][language];
}
