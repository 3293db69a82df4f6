/**
 * Named word lists for German speech attribution: which words open a clause, which head a
 * prepositional phrase, which verb forms mark reported speech (Konjunktiv I, and Konjunktiv II
 * where it replaces an ambiguous I). Kept in one table so each rule's words can be read and tested.
 */

/** Konjunktiv I (and II as its stand-in) third-person forms: "Putin habe …", "die Lage sei …". */
export const REPORTED_SPEECH_VERB_FORMS_DE: ReadonlySet<string> = new Set([
  'sei', 'seien', 'habe', 'werde', 'könne', 'müsse', 'solle', 'wolle', 'dürfe', 'möge', 'wisse', 'gebe', 'gehe',
  'komme', 'stehe', 'liege', 'bleibe', 'lasse', 'sehe', 'brauche', 'gelte', 'zeige', 'trage', 'verstehe',
  'unterstütze', 'plane', 'arbeite', 'fehle', 'handle', 'handele', 'erwarte', 'halte', 'wolle', 'befinde',
  'bestehe', 'bedeute', 'lehne', 'strebe', 'suche', 'teile', 'wünsche', 'hoffe', 'glaube', 'rechne', 'sehe',
  'hätte', 'hätten', 'wäre', 'wären', 'würde', 'würden', 'könnten', 'müssten', 'dürften',
]);

/** Words that open a subordinate clause: in "…, wie die Zeitung schreibt" the subject follows them. */
export const SUBORDINATORS_DE: ReadonlySet<string> = new Set([
  'wie', 'als', 'nachdem', 'während', 'weil', 'da', 'obwohl', 'wenn', 'bevor', 'dass', 'ob', 'wobei', 'wonach',
  'woraufhin', 'indem', 'sodass', 'nachdem', 'seit', 'seitdem', 'sobald', 'solange', 'falls',
]);

/** Prepositions whose phrase is never the speaker ("sagte am Montag in Berlin der Minister"). */
export const PREPOSITIONS_DE: ReadonlySet<string> = new Set([
  'am', 'im', 'in', 'auf', 'bei', 'beim', 'gegenüber', 'vor', 'nach', 'mit', 'zu', 'zum', 'zur', 'über', 'während',
  'von', 'vom', 'aus', 'an', 'ans', 'für', 'gegen', 'seit', 'unter', 'um', 'ins', 'durch', 'ohne', 'bis',
  'zwischen', 'angesichts', 'wegen', 'trotz', 'hinter', 'neben', 'innerhalb', 'außerhalb', 'bezüglich', 'gemäß', 'infolge', 'seitens',
]);

/** Adverbs and particles between a verb and its subject ("sagte auch der Minister"). */
export const SKIPPABLE_ADVERBS_DE: ReadonlySet<string> = new Set([
  'so', 'auch', 'zudem', 'dabei', 'dazu', 'außerdem', 'nun', 'jetzt', 'bereits', 'schon', 'noch', 'ebenfalls', 'weiter',
  'erneut', 'zuvor', 'später', 'damals', 'heute', 'gestern', 'demnach', 'daher', 'deshalb', 'jedoch', 'aber',
  'allerdings', 'zuletzt', 'kürzlich', 'wiederholt', 'mehrfach', 'einmal', 'mehr', 'ausdrücklich', 'darin',
  'hier', 'dort', 'nämlich', 'offenbar', 'offiziell', 'sogar', 'gleichzeitig', 'zugleich', 'immer', 'wieder',
]);

export const DETERMINERS_DE: ReadonlySet<string> = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'dessen', 'deren',
  'sein', 'seine', 'seiner', 'seines', 'seinem', 'seinen', 'ihr', 'ihre', 'ihrer', 'ihres', 'ihrem', 'ihren',
  'dieser', 'diese', 'dieses', 'diesem', 'diesen', 'jener', 'jene', 'beide', 'beiden', 'zwei', 'drei', 'mehrere',
  'einige', 'viele', 'alle',
]);

/** Subject pronouns: the speaker mention is the pronoun; its display name comes from the last named speaker. */
export const SUBJECT_PRONOUNS_DE: ReadonlySet<string> = new Set(['er', 'sie', 'es', 'man', 'wir', 'ich', 'Er', 'Sie', 'Es', 'Man', 'Wir', 'Ich']);

/** "Dies berichtete X", "Das teilte X mit": the message is the sentence before. */
export const ANAPHORIC_OBJECTS_DE: ReadonlySet<string> = new Set(['Dies', 'Das', 'Dieses']);

/** Prepositional cues naming a source: "laut X", "nach Angaben von X", "X zufolge", "so X". */
export const SOURCE_PREPOSITIONS_DE: ReadonlySet<string> = new Set(['laut', 'Laut']);
export const SOURCE_POSTPOSITIONS_DE: ReadonlySet<string> = new Set(['zufolge']);
/** Nouns after "nach" that make it a source cue: "nach Angaben der Polizei", "nach Ansicht des Ministers". */
export const SOURCE_NOUNS_AFTER_NACH_DE: ReadonlySet<string> = new Set([
  'Angaben', 'Ansicht', 'Auffassung', 'Einschätzung', 'Meinung', 'Worten', 'Aussage', 'Aussagen', 'Darstellung',
  'Informationen', 'Berichten', 'Schätzungen', 'Erkenntnissen', 'Polizeiangaben', 'Medienberichten', 'Ansicht',
]);
