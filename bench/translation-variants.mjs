// Translation variants for the reuse benchmarks: invented English statements (3–5 sentences: who
// funds or decides what, numbers, a quote, a reaction) and a rendering machinery that puts one
// statement into German several times the way different translators would: other synonyms,
// clause order, active or passive, other reporting verbs, a compound or a genitive phrase, other
// number formats, direct quotes framed differently, now and then a sentence dropped or two swapped.
// Every English statement and every German phrase here is written for storytrace's benches; no
// real text is used. Used by generate-corpus.mjs (option translationRate).

/** Definite articles by gender and case. */
const ARTICLE = {
  m: { nom: 'der', acc: 'den', dat: 'dem', gen: 'des' },
  f: { nom: 'die', acc: 'die', dat: 'der', gen: 'der' },
  n: { nom: 'das', acc: 'das', dat: 'dem', gen: 'des' },
  pl: { nom: 'die', acc: 'die', dat: 'den', gen: 'der' },
};

/**
 * A noun phrase with its definite article in every case. `forms` gives the words after the article
 * per case when they change (a masculine genitive -s, a weak adjective -en); else `head` stands in all.
 */
const np = (g, head, forms = {}) => ({ g, forms: { nom: head, acc: head, dat: head, gen: head, ...forms } });
/** A weak adjective before the noun: "die neue Strecke", "der neuen Strecke". */
function adjNp(g, adjective, noun, nounGen = noun, nounDatPl = noun) {
  const strongCase = (c) => (g === 'pl' ? false : c === 'nom' || (c === 'acc' && g !== 'm'));
  const form = (c) => `${adjective}${strongCase(c) ? 'e' : 'en'} ${c === 'gen' ? nounGen : c === 'dat' && g === 'pl' ? nounDatPl : noun}`;
  return { g, forms: { nom: form('nom'), acc: form('acc'), dat: form('dat'), gen: form('gen') } };
}
const the = (phrase, c) => `${ARTICLE[phrase.g][c]} ${phrase.forms[c]}`;
const capital = (text) => text[0].toUpperCase() + text.slice(1);

// What the statements are about: each concept in several German wordings (compound or genitive,
// another noun), as two translators would render "the port expansion".
const PROJECTS = [
  { en: 'the port expansion', de: [np('f', 'Hafenerweiterung'), np('f', 'Erweiterung des Hafens'), np('m', 'Ausbau des Hafens', { gen: 'Ausbaus des Hafens' }), np('m', 'Hafenausbau', { gen: 'Hafenausbaus' })] },
  { en: 'the new rail link', de: [adjNp('f', 'neu', 'Bahnverbindung'), adjNp('f', 'neu', 'Schienenverbindung'), adjNp('f', 'neu', 'Zugstrecke'), np('f', 'geplante Bahnstrecke', { dat: 'geplanten Bahnstrecke', gen: 'geplanten Bahnstrecke' })] },
  { en: 'the renovation of the bridge', de: [np('f', 'Brückensanierung'), np('f', 'Sanierung der Brücke'), np('f', 'Instandsetzung der Brücke'), np('f', 'Erneuerung der Brücke')] },
  { en: 'flood protection', de: [np('m', 'Hochwasserschutz', { gen: 'Hochwasserschutzes' }), np('m', 'Schutz vor Hochwasser', { gen: 'Schutzes vor Hochwasser' }), np('pl', 'Hochwasserschutzanlagen'), np('pl', 'Deiche gegen Hochwasser', { dat: 'Deichen gegen Hochwasser' })] },
  { en: 'the broadband roll-out', de: [np('m', 'Breitbandausbau', { gen: 'Breitbandausbaus' }), np('m', 'Ausbau des Breitbandnetzes', { gen: 'Ausbaus des Breitbandnetzes' }), np('m', 'Glasfaserausbau', { gen: 'Glasfaserausbaus' }), np('f', 'Versorgung mit schnellem Internet')] },
  { en: 'the modernisation of the hospital', de: [np('f', 'Modernisierung des Krankenhauses'), np('f', 'Krankenhausmodernisierung'), np('f', 'Erneuerung der Klinik'), np('m', 'Umbau des Klinikums', { gen: 'Umbaus des Klinikums' })] },
  { en: 'the offshore wind farm', de: [np('m', 'Offshore-Windpark', { gen: 'Offshore-Windparks' }), np('m', 'Windpark vor der Küste', { gen: 'Windparks vor der Küste' }), np('pl', 'Windräder auf See', { dat: 'Windrädern auf See' }), np('m', 'Meereswindpark', { gen: 'Meereswindparks' })] },
  { en: 'the drinking water supply', de: [np('f', 'Trinkwasserversorgung'), np('f', 'Versorgung mit Trinkwasser'), np('f', 'Wasserversorgung'), np('n', 'Trinkwassernetz', { gen: 'Trinkwassernetzes' })] },
  { en: 'the school buildings', de: [np('pl', 'Schulgebäude', { dat: 'Schulgebäuden' }), np('pl', 'Gebäude der Schulen', { dat: 'Gebäuden der Schulen' }), np('pl', 'Schulbauten'), np('pl', 'Schulhäuser', { dat: 'Schulhäusern' })] },
  { en: 'the tram line', de: [np('f', 'Straßenbahnlinie'), np('f', 'Tramlinie'), np('f', 'Linie der Straßenbahn'), np('f', 'Straßenbahnstrecke')] },
  { en: 'the refugee shelters', de: [np('pl', 'Flüchtlingsunterkünfte'), np('pl', 'Unterkünfte für Geflüchtete'), np('pl', 'Notunterkünfte für Flüchtlinge'), np('pl', 'Quartiere für Schutzsuchende')] },
  { en: 'the research centre', de: [np('n', 'Forschungszentrum', { gen: 'Forschungszentrums' }), np('n', 'Zentrum für Forschung', { gen: 'Zentrums für Forschung' }), np('n', 'Forschungsinstitut', { gen: 'Forschungsinstituts' }), np('f', 'Forschungseinrichtung')] },
  { en: 'the district heating network', de: [np('n', 'Fernwärmenetz', { gen: 'Fernwärmenetzes' }), np('n', 'Netz für Fernwärme', { gen: 'Netzes für Fernwärme' }), np('f', 'Fernwärmeleitung'), np('f', 'Wärmeversorgung per Fernleitung')] },
  { en: 'the airport terminal', de: [np('n', 'Flughafenterminal', { gen: 'Flughafenterminals' }), np('n', 'Terminal des Flughafens', { gen: 'Terminals des Flughafens' }), np('n', 'Abfertigungsgebäude', { gen: 'Abfertigungsgebäudes' }), np('f', 'Abfertigungshalle des Flughafens')] },
];

const ORGS = [
  { en: 'the European Investment Bank', de: [adjNp('f', 'Europäisch', 'Investitionsbank'), np('f', 'EIB'), np('f', 'Förderbank der EU')] },
  { en: 'the World Bank', de: [np('f', 'Weltbank'), np('f', 'Weltbank in Washington')] },
  { en: 'the European Commission', de: [np('f', 'EU-Kommission'), adjNp('f', 'Europäisch', 'Kommission'), np('f', 'Kommission in Brüssel')] },
  { en: 'the federal government', de: [np('f', 'Bundesregierung'), np('f', 'Regierung in Berlin'), np('m', 'Bund', { gen: 'Bundes' })] },
  { en: 'the state government', de: [np('f', 'Landesregierung'), np('n', 'Land', { gen: 'Landes' }), np('f', 'Regierung des Landes')] },
  { en: 'the UN refugee agency', de: [np('n', 'UN-Flüchtlingshilfswerk', { gen: 'UN-Flüchtlingshilfswerks' }), np('n', 'Flüchtlingshilfswerk der Vereinten Nationen', { gen: 'Flüchtlingshilfswerks der Vereinten Nationen' }), np('m', 'UNHCR', { gen: 'UNHCR' })] },
  { en: 'the World Health Organization', de: [np('f', 'Weltgesundheitsorganisation'), np('f', 'WHO')] },
  { en: 'the national development bank', de: [adjNp('f', 'staatlich', 'Förderbank'), adjNp('f', 'national', 'Entwicklungsbank'), np('f', 'Entwicklungsbank des Staates')] },
  { en: 'the Greenfield Foundation', de: [np('f', 'Greenfield-Stiftung'), np('f', 'Stiftung Greenfield'), np('f', 'gemeinnützige Greenfield-Stiftung', { dat: 'gemeinnützigen Greenfield-Stiftung', gen: 'gemeinnützigen Greenfield-Stiftung' })] },
  { en: 'the Northern Energy Alliance', de: [np('f', 'Nördliche Energieallianz', { dat: 'Nördlichen Energieallianz', gen: 'Nördlichen Energieallianz' }), np('f', 'Energieallianz des Nordens'), np('n', 'Bündnis Northern Energy Alliance', { gen: 'Bündnisses Northern Energy Alliance' })] },
];

const FIRST_NAMES = {
  f: ['Sarah', 'Emily', 'Laura', 'Hannah', 'Olivia', 'Grace', 'Rachel', 'Megan', 'Fiona', 'Claire'],
  m: ['James', 'Robert', 'Michael', 'David', 'Daniel', 'Thomas', 'Andrew', 'Patrick', 'Colin', 'Graham'],
};
const SURNAMES = ['Whitfield', 'Carver', 'Hollis', 'Brennan', 'Ashford', 'Mercer', 'Langley', 'Prescott', 'Doyle', 'Kendall', 'Fairbanks', 'Norwood', 'Calloway', 'Thornton', 'Radcliffe', 'Pemberton', 'Sutcliffe', 'Harrow'];
// Roles as they stand in apposition ("Sarah Whitfield, EU-Verkehrskommissarin, sagte") or before the name.
const ROLES = [
  { en: 'EU transport commissioner', f: ['EU-Verkehrskommissarin', 'Verkehrskommissarin der EU', 'für Verkehr zuständige EU-Kommissarin'], m: ['EU-Verkehrskommissar', 'Verkehrskommissar der EU', 'für Verkehr zuständiger EU-Kommissar'] },
  { en: 'the bank’s vice-president', f: ['Vizepräsidentin der Bank', 'stellvertretende Bankpräsidentin', 'Vize-Chefin der Bank'], m: ['Vizepräsident der Bank', 'stellvertretender Bankpräsident', 'Vize-Chef der Bank'] },
  { en: 'UN special envoy', f: ['UN-Sondergesandte', 'Sonderbeauftragte der Vereinten Nationen', 'Sondergesandte der UN'], m: ['UN-Sondergesandter', 'Sonderbeauftragter der Vereinten Nationen', 'Sondergesandter der UN'] },
  { en: 'Irish health minister', f: ['irische Gesundheitsministerin', 'Gesundheitsministerin Irlands', 'Irlands Ministerin für Gesundheit'], m: ['irischer Gesundheitsminister', 'Gesundheitsminister Irlands', 'Irlands Minister für Gesundheit'] },
  { en: 'chief executive of the operator', f: ['Vorstandschefin des Betreibers', 'Chefin der Betreibergesellschaft', 'Geschäftsführerin des Betreibers'], m: ['Vorstandschef des Betreibers', 'Chef der Betreibergesellschaft', 'Geschäftsführer des Betreibers'] },
  { en: 'spokesperson for the agency', f: ['Sprecherin der Behörde', 'Behördensprecherin', 'Pressesprecherin der Agentur'], m: ['Sprecher der Behörde', 'Behördensprecher', 'Pressesprecher der Agentur'] },
  { en: 'Danish climate minister', f: ['dänische Klimaministerin', 'Klimaministerin Dänemarks', 'Dänemarks Ministerin für Klima'], m: ['dänischer Klimaminister', 'Klimaminister Dänemarks', 'Dänemarks Minister für Klima'] },
  { en: 'president of the regional council', f: ['Präsidentin des Regionalrats', 'Regionalratspräsidentin', 'Vorsitzende des Regionalrats'], m: ['Präsident des Regionalrats', 'Regionalratspräsident', 'Vorsitzender des Regionalrats'] },
];
const CITIES = [
  ['Brussels', 'Brüssel', 'in der belgischen Hauptstadt'], ['Geneva', 'Genf', 'in der Schweizer Stadt Genf'], ['Vienna', 'Wien', 'in der österreichischen Hauptstadt'],
  ['Strasbourg', 'Straßburg', 'im elsässischen Straßburg'], ['The Hague', 'Den Haag', 'im niederländischen Den Haag'], ['Luxembourg', 'Luxemburg', 'im Großherzogtum Luxemburg'],
  ['Copenhagen', 'Kopenhagen', 'in der dänischen Hauptstadt'], ['Rome', 'Rom', 'in der italienischen Hauptstadt'], ['Lisbon', 'Lissabon', 'in der portugiesischen Hauptstadt'],
  ['Warsaw', 'Warschau', 'in der polnischen Hauptstadt'], ['Prague', 'Prag', 'in der tschechischen Hauptstadt'], ['Dublin', 'Dublin', 'in der irischen Hauptstadt'],
];
const WEEKDAYS = [['Monday', 'Montag'], ['Tuesday', 'Dienstag'], ['Wednesday', 'Mittwoch'], ['Thursday', 'Donnerstag'], ['Friday', 'Freitag']];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const COMPANIES = ['Harbourline', 'Westbridge Logistics', 'Caldera Systems', 'Northgate Energy', 'Bluewater Holdings', 'Ironvale', 'Sterling Freight', 'Kestrel Pharma'];
const REASONS = [
  { en: 'supply problems', de: [np('pl', 'Lieferschwierigkeiten'), np('pl', 'Lieferengpässe', { dat: 'Lieferengpässen' }), np('pl', 'Probleme bei der Lieferung', { dat: 'Problemen bei der Lieferung' })] },
  { en: 'safety concerns', de: [np('pl', 'Sicherheitsbedenken'), np('pl', 'Bedenken wegen der Sicherheit'), np('pl', 'Zweifel an der Sicherheit', { dat: 'Zweifeln an der Sicherheit' })] },
  { en: 'a shortage of skilled workers', de: [np('m', 'Fachkräftemangel', { gen: 'Fachkräftemangels' }), np('m', 'Mangel an Fachkräften', { gen: 'Mangels an Fachkräften' }), np('pl', 'fehlende Fachleute', { dat: 'fehlenden Fachleuten', gen: 'fehlenden Fachleute' })] },
  { en: 'legal disputes', de: [np('pl', 'Rechtsstreitigkeiten'), np('pl', 'juristische Auseinandersetzungen', { dat: 'juristischen Auseinandersetzungen', gen: 'juristischen Auseinandersetzungen' }), np('pl', 'Klagen vor Gericht')] },
];

// Direct quotes, each in the wordings different translators chose.
const QUOTES = [
  ['We have waited far too long for this decision', ['Wir haben viel zu lange auf diese Entscheidung gewartet', 'Auf diese Entscheidung haben wir viel zu lange gewartet', 'Wir warten schon viel zu lange auf diesen Beschluss', 'Diese Entscheidung hat viel zu lange auf sich warten lassen']],
  ['This is a good day for the whole region', ['Das ist ein guter Tag für die ganze Region', 'Heute ist ein guter Tag für die gesamte Region', 'Für die ganze Region ist das ein guter Tag']],
  ['Nobody expected the costs to rise this quickly', ['Niemand hat erwartet, dass die Kosten so schnell steigen', 'Dass die Kosten so rasch steigen würden, hat keiner erwartet', 'Mit einem so schnellen Anstieg der Kosten hat niemand gerechnet']],
  ['We will not accept this without a fight', ['Wir werden das nicht kampflos hinnehmen', 'Kampflos werden wir das nicht akzeptieren', 'Das nehmen wir nicht ohne Widerstand hin']],
  ['The figures speak for themselves', ['Die Zahlen sprechen für sich', 'Die Zahlen sprechen eine deutliche Sprache', 'Die Zahlen sagen alles']],
  ['We need a solution before the winter', ['Wir brauchen vor dem Winter eine Lösung', 'Vor dem Winter muss eine Lösung her', 'Eine Lösung muss noch vor dem Winter gefunden werden']],
  ['Our patience has run out', ['Unsere Geduld ist am Ende', 'Wir haben keine Geduld mehr', 'Mit unserer Geduld ist es vorbei']],
  ['Every delay costs money and trust', ['Jede Verzögerung kostet Geld und Vertrauen', 'Jeder Aufschub kostet Geld und Vertrauen', 'Mit jeder Verzögerung gehen Geld und Vertrauen verloren']],
  ['The people here deserve better', ['Die Menschen hier verdienen Besseres', 'Die Leute hier haben Besseres verdient', 'Die Bürgerinnen und Bürger hier verdienen mehr']],
  ['We are ready to talk at any time', ['Wir sind jederzeit gesprächsbereit', 'Wir sind jederzeit zu Gesprächen bereit', 'Unsere Tür für Gespräche steht jederzeit offen']],
  ['This is only the first step', ['Das ist nur der erste Schritt', 'Dies kann nur ein erster Schritt sein', 'Es handelt sich lediglich um einen ersten Schritt']],
  ['Safety comes first', ['Sicherheit hat Vorrang', 'Die Sicherheit geht vor', 'An erster Stelle steht die Sicherheit']],
  ['We have learned from the mistakes of the past', ['Wir haben aus den Fehlern der Vergangenheit gelernt', 'Aus früheren Fehlern haben wir gelernt', 'Die Fehler von früher haben uns etwas gelehrt']],
  ['The plan is realistic and can be financed', ['Der Plan ist realistisch und finanzierbar', 'Das Vorhaben ist realistisch und lässt sich finanzieren', 'Der Plan ist machbar und bezahlbar']],
];

const UNITS = ['', 'ein', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'];
const TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];
/** 1–99 in German words: "vierzig", "dreiundzwanzig". */
function numberWords(n) {
  if (n === 1) return 'eins';
  if (n < 20) return UNITS[n];
  const unit = n % 10;
  return unit === 0 ? TENS[Math.floor(n / 10)] : `${UNITS[unit]}und${TENS[Math.floor(n / 10)]}`;
}
const groupThousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const decimalComma = (x) => String(x).replace('.', ',');

/** A count of things: "2300", "2.300", words for small ones. */
function formatCount(n, r) {
  if (n <= 12 && r.next() < 0.5) return n === 1 ? 'ein' : numberWords(n);
  if (n >= 1000) return r.next() < 0.5 ? groupThousands(n) : String(n);
  return String(n);
}
function formatPercent(n, r) {
  const style = r.int(4);
  if (style === 0 && (n % 10 === 0 || n < 20)) return `${numberWords(n)} Prozent`;
  if (style === 1) return `${n} %`;
  return `${n} Prozent`;
}
/** An amount in euros: "1,5 Millionen Euro", "1,5 Mio. Euro", "anderthalb Millionen Euro", "1.500.000 Euro". */
function formatEuros(value, r) {
  const billions = value >= 1e9;
  const scaled = billions ? value / 1e9 : value / 1e6;
  const style = r.int(4);
  if (style === 0) return `${decimalComma(scaled)} ${billions ? 'Mrd.' : 'Mio.'} Euro`;
  if (style === 1 && !billions) return `${groupThousands(value)} Euro`;
  if (style === 2 && scaled === 1.5) return `${r.next() < 0.5 ? 'anderthalb' : 'eineinhalb'} ${billions ? 'Milliarden' : 'Millionen'} Euro`;
  if (style === 2 && Number.isInteger(scaled) && scaled <= 12) return `${numberWords(scaled)} ${billions ? 'Milliarden' : 'Millionen'} Euro`;
  return `${decimalComma(scaled)} ${billions ? (scaled === 1 ? 'Milliarde' : 'Milliarden') : scaled === 1 ? 'Million' : 'Millionen'} Euro`;
}
const euroEn = (value) => (value >= 1e9 ? `${value / 1e9} billion euros` : `${value / 1e6} million euros`);

/**
 * How one rendering refers to the statement's cast and things, chosen once so a translator stays
 * consistent within the text: which wording of the project and the organisation, the role's wording.
 */
function makeVoice(s, r) {
  const role = r.pick(ROLES[s.role][s.speaker.gender]);
  const full = `${s.speaker.first} ${s.speaker.last}`;
  return {
    project: r.pick(PROJECTS[s.project].de),
    org: r.pick(ORGS[s.org].de),
    reason: r.pick(REASONS[s.reason].de),
    /** First mention, followed by more of the clause: the role in apposition, or before the name when it is a noun. */
    speakerIntro: () => (r.next() < 0.5 || /^\p{Ll}/u.test(role) ? `${full}, ${role},` : `${role} ${full}`),
    speakerAgain: () => (r.next() < 0.7 ? s.speaker.last : full),
    city: r.next() < 0.2 ? s.city[2] : `in ${s.city[1]}`,
  };
}

const SAID = ['sagte', 'erklärte', 'teilte mit', 'betonte', 'sagte'];
const SAID_INTRO = ['sagte', 'erklärte', 'betonte', 'unterstrich', 'bekräftigte'];

// Sentence frames: the English source sentence and its German renderings. Each rendering takes the
// statement's slots (s), the translator's voice (v) and the random source (r).
const FRAMES = {
  funding: {
    en: (s) => `${capital(ORGS[s.org].en)} will provide ${euroEn(s.amount)} for ${PROJECTS[s.project].en} in ${s.place.en}, ${s.speaker.first} ${s.speaker.last}, ${ROLES[s.role].en}, said on ${WEEKDAYS[s.weekday][0]}.`,
    de: [
      (s, v, r) => `${capital(the(v.org, 'nom'))} wird ${formatEuros(s.amount, r)} für ${the(v.project, 'acc')} in ${s.place.de} bereitstellen, ${r.pick(SAID)} ${v.speakerIntro()} am ${WEEKDAYS[s.weekday][1]}.`,
      (s, v, r) => `Wie ${v.speakerIntro()} am ${WEEKDAYS[s.weekday][1]} mitteilte, stellt ${the(v.org, 'nom')} ${formatEuros(s.amount, r)} für ${the(v.project, 'acc')} in ${s.place.de} zur Verfügung.`,
      (s, v, r) => `${formatEuros(s.amount, r)} werden von ${the(v.org, 'dat')} für ${the(v.project, 'acc')} in ${s.place.de} bereitgestellt, ${r.pick(['so', 'erklärte', 'sagte'])} ${v.speakerIntro()} am ${WEEKDAYS[s.weekday][1]}.`,
      (s, v, r) => `${v.speakerIntro()} kündigte am ${WEEKDAYS[s.weekday][1]} an, ${the(v.org, 'nom')} werde ${the(v.project, 'acc')} in ${s.place.de} mit ${formatEuros(s.amount, r)} fördern.`,
      (s, v, r) => `Für ${the(v.project, 'acc')} in ${s.place.de} gibt ${the(v.org, 'nom')} ${formatEuros(s.amount, r)}, wie ${v.speakerIntro()} am ${WEEKDAYS[s.weekday][1]} ${r.pick(['sagte', 'mitteilte', 'bekanntgab'])}.`,
    ],
  },
  meeting: {
    en: (s) => `${s.speaker.first} ${s.speaker.last}, ${ROLES[s.role].en}, met ${s.other} in ${s.city[0]} on ${WEEKDAYS[s.weekday][0]} to discuss ${PROJECTS[s.project].en}.`,
    de: [
      (s, v) => `${v.speakerIntro()} traf am ${WEEKDAYS[s.weekday][1]} ${v.city} mit ${s.other} zusammen, um über ${the(v.project, 'acc')} zu sprechen.`,
      (s, v) => `Am ${WEEKDAYS[s.weekday][1]} kamen ${s.speaker.first} ${s.speaker.last} und ${s.other} ${v.city} zusammen; Thema war ${the(v.project, 'nom')}.`,
      (s, v) => `${capital(v.city)} berieten ${s.speaker.first} ${s.speaker.last} und ${s.other} am ${WEEKDAYS[s.weekday][1]} über ${the(v.project, 'acc')}.`,
      (s, v) => `${capital(the(v.project, 'nom'))} ${v.project.g === 'pl' ? 'standen' : 'stand'} im Mittelpunkt eines Treffens von ${s.speaker.first} ${s.speaker.last} mit ${s.other} am ${WEEKDAYS[s.weekday][1]} ${v.city}.`,
    ],
  },
  purpose: {
    en: (s) => `The money is to be used to complete ${PROJECTS[s.project].en} by ${s.year}.`,
    de: [
      (s, v) => `Mit dem Geld ${v.project.g === 'pl' ? 'sollen' : 'soll'} ${the(v.project, 'nom')} bis ${s.year} fertiggestellt werden.`,
      (s, v) => `Das Geld ist dafür vorgesehen, ${the(v.project, 'acc')} bis zum Jahr ${s.year} abzuschließen.`,
      (s, v) => `Bis ${s.year} ${v.project.g === 'pl' ? 'sollen' : 'soll'} damit ${the(v.project, 'nom')} vollendet sein.`,
      (s, v) => `Ziel ist die Fertigstellung ${the(v.project, 'gen')} bis ${s.year}.`,
    ],
  },
  quote: {
    en: (s) => `"${QUOTES[s.quote][0]}," ${s.speaker.last} said.`,
    de: [
      (s, v, r) => `„${r.pick(QUOTES[s.quote][1])}“, ${r.pick(SAID_INTRO)} ${v.speakerAgain()}.`,
      (s, v, r) => `${v.speakerAgain()} ${r.pick(SAID_INTRO)}: „${r.pick(QUOTES[s.quote][1])}.“`,
      (s, v, r) => `„${r.pick(QUOTES[s.quote][1])}“, so ${v.speakerAgain()}.`,
      (s, v, r) => `„${r.pick(QUOTES[s.quote][1])}“, ${r.pick(SAID_INTRO)} ${v.speakerAgain()} ${r.pick(['am Rande des Treffens', 'vor Journalisten', 'in einer Pressekonferenz'])}.`,
    ],
  },
  costs: {
    en: (s) => `Critics warned that the costs could rise by ${s.costRise} percent.`,
    de: [
      (s, _v, r) => `Kritiker warnten, die Kosten könnten um ${formatPercent(s.costRise, r)} steigen.`,
      (s, _v, r) => `Nach Einschätzung von Kritikern könnten sich die Kosten um ${formatPercent(s.costRise, r)} erhöhen.`,
      (s, _v, r) => `Kritische Stimmen befürchten einen Anstieg der Kosten um ${formatPercent(s.costRise, r)}.`,
      (s, _v, r) => `Dass die Kosten um ${formatPercent(s.costRise, r)} steigen könnten, befürchten Kritiker.`,
      (s, _v, r) => `Die Kosten könnten nach Warnungen von Kritikern um ${formatPercent(s.costRise, r)} zunehmen.`,
    ],
  },
  vote: {
    en: (s) => `The regional council approved the plan by ${s.yes} votes to ${s.no}.`,
    de: [
      (s) => `Der Regionalrat billigte den Plan mit ${s.yes} zu ${s.no} Stimmen.`,
      (s) => `Mit ${s.yes} zu ${s.no} Stimmen stimmte der Regionalrat dem Vorhaben zu.`,
      (s) => `Der Plan wurde vom Regionalrat mit ${s.yes} gegen ${s.no} Stimmen angenommen.`,
      (s) => `${s.yes} Mitglieder des Regionalrats stimmten für das Konzept, ${s.no} dagegen.`,
    ],
  },
  schedule: {
    en: (s) => `Construction is due to start in ${MONTHS_EN[s.month]} ${s.year - 3} and take ${s.years} years.`,
    de: [
      (s) => `Die Bauarbeiten sollen im ${MONTHS[s.month]} ${s.year - 3} beginnen und ${s.years} Jahre dauern.`,
      (s, _v, r) => `Baubeginn ist für ${MONTHS[s.month]} ${s.year - 3} geplant; die Arbeiten sollen ${formatCount(s.years, r)} Jahre in Anspruch nehmen.`,
      (s, _v, r) => `Im ${MONTHS[s.month]} ${s.year - 3} soll mit dem Bau begonnen werden, nach ${formatCount(s.years, r)} Jahren soll alles fertig sein.`,
      (s) => `Der Bau beginnt voraussichtlich im ${MONTHS[s.month]} ${s.year - 3} und wird ${s.years} Jahre dauern.`,
    ],
  },
  jobs: {
    en: (s) => `The project is expected to create ${s.jobs} jobs in the region.`,
    de: [
      (s, _v, r) => `Das Vorhaben soll in der Region ${formatCount(s.jobs, r)} Arbeitsplätze schaffen.`,
      (s, _v, r) => `Erwartet werden durch das Projekt ${formatCount(s.jobs, r)} neue Stellen in der Region.`,
      (s, _v, r) => `In der Region könnten so ${formatCount(s.jobs, r)} Jobs entstehen.`,
      (s, _v, r) => `Nach den Erwartungen entstehen in der Region durch das Projekt ${formatCount(s.jobs, r)} Arbeitsplätze.`,
    ],
  },
  target: {
    en: (s) => `The aim is to cut energy consumption by ${s.percent} percent compared with ${s.year - 10}.`,
    de: [
      (s, _v, r) => `Ziel sei es, den Energieverbrauch im Vergleich zu ${s.year - 10} um ${formatPercent(s.percent, r)} zu senken.`,
      (s, _v, r) => `Der Energieverbrauch soll gegenüber ${s.year - 10} um ${formatPercent(s.percent, r)} sinken.`,
      (s, _v, r) => `Angestrebt wird eine Senkung des Energieverbrauchs um ${formatPercent(s.percent, r)} gegenüber dem Stand von ${s.year - 10}.`,
      (s, _v, r) => `Verglichen mit ${s.year - 10} will man den Stromverbrauch um ${formatPercent(s.percent, r)} verringern.`,
    ],
  },
  investigation: {
    en: (s) => `Prosecutors in ${s.city[0]} have opened an investigation into ${s.count} employees of ${COMPANIES[s.company]}.`,
    de: [
      (s, v, r) => `Die Staatsanwaltschaft ${v.city} hat Ermittlungen gegen ${formatCount(s.count, r)} Mitarbeiter von ${COMPANIES[s.company]} eingeleitet.`,
      (s, v, r) => `Gegen ${formatCount(s.count, r)} Beschäftigte der Firma ${COMPANIES[s.company]} ermittelt nun die Staatsanwaltschaft ${v.city}.`,
      (s, v, r) => `${capital(v.city)} leiteten Staatsanwälte ein Verfahren gegen ${formatCount(s.count, r)} Angestellte von ${COMPANIES[s.company]} ein.`,
      (s, v, r) => `Ermittlungen gegen ${formatCount(s.count, r)} Mitarbeitende des Unternehmens ${COMPANIES[s.company]} wurden von der Staatsanwaltschaft ${v.city} aufgenommen.`,
    ],
  },
  rejection: {
    en: (s) => `${COMPANIES[s.company]} rejected the accusations as unfounded.`,
    de: [
      (s) => `${COMPANIES[s.company]} wies die Vorwürfe als haltlos zurück.`,
      (s) => `Als unbegründet bezeichnete ${COMPANIES[s.company]} die Anschuldigungen.`,
      (s) => `Von ${COMPANIES[s.company]} wurden die Vorwürfe als unbegründet zurückgewiesen.`,
      (s) => `Die Anschuldigungen seien haltlos, erklärte das Unternehmen ${COMPANIES[s.company]}.`,
    ],
  },
  agreement: {
    en: (s) => `Both sides agreed to resume the talks in ${MONTHS_EN[s.month]}.`,
    de: [
      (s) => `Beide Seiten vereinbarten, die Gespräche im ${MONTHS[s.month]} wieder aufzunehmen.`,
      (s) => `Im ${MONTHS[s.month]} sollen die Verhandlungen fortgesetzt werden, darauf einigten sich beide Seiten.`,
      (s) => `Man habe sich darauf verständigt, im ${MONTHS[s.month]} weiterzuverhandeln, hieß es von beiden Seiten.`,
      (s) => `Die Wiederaufnahme der Gespräche im ${MONTHS[s.month]} wurde von beiden Seiten vereinbart.`,
    ],
  },
  survey: {
    en: (s) => `According to a survey, ${s.share} percent of residents support the plan.`,
    de: [
      (s, _v, r) => `Laut einer Umfrage unterstützen ${formatPercent(s.share, r)} der Einwohner den Plan.`,
      (s, _v, r) => `${capital(formatPercent(s.share, r))} der Bewohner befürworten einer Umfrage zufolge das Vorhaben.`,
      (s, _v, r) => `Einer Erhebung nach stehen ${formatPercent(s.share, r)} der Anwohner hinter dem Projekt.`,
      (s, _v, r) => `Wie eine Umfrage ergab, sprechen sich ${formatPercent(s.share, r)} der Bürger für das Vorhaben aus.`,
    ],
  },
  delay: {
    en: (s) => `The opening has been postponed by ${s.months} months because of ${REASONS[s.reason].en}.`,
    de: [
      (s, v, r) => `Die Eröffnung wurde wegen ${the(v.reason, 'gen')} um ${formatCount(s.months, r)} Monate verschoben.`,
      (s, v, r) => `Wegen ${the(v.reason, 'gen')} verschiebt sich die Eröffnung um ${formatCount(s.months, r)} Monate.`,
      (s, v, r) => `Aufgrund ${the(v.reason, 'gen')} wird erst ${formatCount(s.months, r)} Monate später eröffnet.`,
      (s, v, r) => `Um ${formatCount(s.months, r)} Monate verzögert sich die Eröffnung, Grund ${v.reason.g === 'pl' ? 'sind' : 'ist'} ${the(v.reason, 'nom')}.`,
    ],
  },
  warning: {
    en: (s) => `${capital(ORGS[s.org].en)} warned that ${s.people} people could lose access to ${PROJECTS[s.project].en}.`,
    de: [
      (s, v, r) => `${capital(the(v.org, 'nom'))} warnte, ${formatCount(s.people, r)} Menschen könnten den Zugang zu ${the(v.project, 'dat')} verlieren.`,
      (s, v, r) => `Nach einer Warnung ${the(v.org, 'gen')} droht ${formatCount(s.people, r)} Menschen der Verlust des Zugangs zu ${the(v.project, 'dat')}.`,
      (s, v, r) => `${formatCount(s.people, r)} Menschen könnten ohne Zugang zu ${the(v.project, 'dat')} bleiben, warnte ${the(v.org, 'nom')}.`,
      (s, v, r) => `Vor dem Verlust des Zugangs zu ${the(v.project, 'dat')} für ${formatCount(s.people, r)} Menschen warnte ${the(v.org, 'nom')}.`,
    ],
  },
};

/** Statement shapes: a lead sentence naming who speaks, then what follows it. */
const LEADS = ['funding', 'meeting', 'investigation', 'warning'];
const FOLLOW_UPS = {
  funding: ['purpose', 'quote', 'costs', 'jobs', 'schedule', 'vote', 'survey', 'target'],
  meeting: ['agreement', 'quote', 'costs', 'survey', 'delay', 'target'],
  investigation: ['rejection', 'delay', 'agreement', 'costs'],
  warning: ['costs', 'delay', 'survey', 'target', 'jobs'],
};

/**
 * An invented English statement: its slots (names, numbers, what it is about) and 3–5 sentence
 * frames. `place` is the German town of the story it is reported in, or a European city.
 */
export function makeStatement(r, place) {
  const gender = r.next() < 0.5 ? 'f' : 'm';
  const city = r.pick(CITIES);
  const lead = r.pick(LEADS);
  const followUps = [...FOLLOW_UPS[lead]];
  for (let i = followUps.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [followUps[i], followUps[j]] = [followUps[j], followUps[i]];
  }
  const slots = {
    speaker: { first: r.pick(FIRST_NAMES[gender]), last: r.pick(SURNAMES), gender },
    role: r.int(ROLES.length),
    org: r.int(ORGS.length),
    project: r.int(PROJECTS.length),
    reason: r.int(REASONS.length),
    quote: r.int(QUOTES.length),
    company: r.int(COMPANIES.length),
    city,
    place: place === null ? { en: city[0], de: city[1] } : { en: place, de: place },
    other: `${r.pick(FIRST_NAMES[r.next() < 0.5 ? 'f' : 'm'])} ${r.pick(SURNAMES)}`,
    weekday: r.int(WEEKDAYS.length),
    month: r.int(12),
    amount: r.pick([1.5e6, 2.5e6, 4e6, 7.5e6, 12e6, 18e6, 25e6, 40e6, 65e6, 120e6, 250e6, 1.2e9, 2.4e9]) * (r.next() < 0.5 ? 1 : 2),
    year: 2027 + r.int(12),
    percent: 5 + r.int(55),
    costRise: 8 + r.int(70),
    share: 35 + r.int(50),
    yes: 20 + r.int(30),
    no: 2 + r.int(18),
    years: 2 + r.int(6),
    jobs: 150 + r.int(4800),
    count: 3 + r.int(20),
    months: 2 + r.int(14),
    people: 1000 * (2 + r.int(90)),
  };
  const frames = [lead, ...followUps.slice(0, 2 + r.int(3))];
  return { slots, frames, english: frames.map((f) => FRAMES[f].en(slots)).join(' ') };
}

/**
 * One German rendering of a statement: every sentence in a wording of its own; now and then one
 * sentence left out (a translator shortening) or two neighbours swapped. Returns the sentences.
 */
export function renderStatement(statement, r) {
  const voice = makeVoice(statement.slots, r);
  const sentences = statement.frames.map((frame) => capital(r.pick(FRAMES[frame].de)(statement.slots, voice, r)));
  if (sentences.length >= 4 && r.next() < 0.2) sentences.splice(1 + r.int(sentences.length - 1), 1);
  if (sentences.length >= 3 && r.next() < 0.15) {
    const i = 1 + r.int(sentences.length - 2);
    [sentences[i], sentences[i + 1]] = [sentences[i + 1], sentences[i]];
  }
  return sentences;
}
