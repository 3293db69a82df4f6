/**
 * The heuristic patterns of HTML extraction in one named table (in the spirit of Readability's
 * REGEXPS and trafilatura's xpaths.py): what a class/id says about a block, and what a line of
 * text says about itself. Each pattern has a test of what it must and must not match.
 */

/** A pattern that matches nothing: what a family that is switched off contributes. */
const NEVER_MATCHES = /(?!)/;

/**
 * Joins named word groups into one pattern over a block's "clues" (its class, id and role,
 * lower-cased). A token must start at a word edge (start, space, "-", "_") so "nav" does not
 * match "canvas"; it may run on ("comment" matches "comments", "commentlist"). Short tokens that
 * would run on into other words ("ad" → "address") say where they end.
 */
function clueWords(words: readonly string[]): RegExp {
  return words.length === 0 ? NEVER_MATCHES : new RegExp(`(?:^|[\\s_-])(?:${words.join('|')})`);
}

/**
 * Blocks that are never article text, however much text they hold: comment threads (a long
 * discussion under a short post), cookie walls and pop-ups (a consent text longer than a brief).
 */
export const NEVER_ARTICLE_BLOCK_WORDS = {
  comments: ['comment(?!ary)', 'kommentar', 'disqus', 'replies', 'reply', 'respond', 'leserbrief', 'discussion', 'diskussion'],
  consent: ['\\w*cookie', 'consent', 'gdpr', 'cmp-', 'privacy-?(?:banner|notice)', 'datenschutz-?hinweis'],
  popups: ['popup', 'popmake', 'modal'],
} as const;

/** Blocks that are page furniture unless they wrap most of the page's text (share bars, menus, teaser boxes). */
export const FURNITURE_BLOCK_WORDS = {
  sharing: ['share', 'sharing', 'shariff', 'social', 'teilen', 'sharebar', 'print-?link'],
  related: ['related', 'verwandt', 'aehnlich', 'ähnlich', 'more-?(?:articles|stories|news)', 'mehr-?zum-?thema', 'recommend', 'empfehlung', 'outbrain', 'taboola', 'plista', 'read-?more-?links'],
  navigation: ['nav', 'menu', 'breadcrumb', 'pagination', 'pager', 'skip-?link', 'toc-?toggle'],
  page_chrome: ['footer', 'sidebar', 'site-?header', 'masthead', 'topbar', 'toolbar', 'widget', 'banner', 'overlay', 'newsletter', 'subscribe', 'abo-?(?:box|teaser|promo)'],
  ads: ['ads?(?=[\\s_-]|$)', 'advert', 'anzeige', 'werbung', 'sponsor', 'promo', 'commercial', 'adslot'],
  meta_lists: ['tags?(?=\\s|$)', 'tag-?list', 'tagcloud', 'schlagw', 'keywords', 'categories', 'post-?meta', 'entry-?meta', 'author-?(?:box|bio|info)', 'about-?author', 'rating', 'voting'],
} as const;

/** Words a date line may hold besides numbers: when-words, months, weekdays, clock words, time zones (German and English). */
const DATE_LINE_WORDS = [
  '(?:first |last |zuletzt )?(?:published|updated|posted|modified|veröffentlicht|aktualisiert|geändert|erstellt)',
  'stand', 'am', 'um', 'on', 'at', 'uhr', 'a\\.?m\\.?', 'p\\.?m\\.?', 'gmt', 'utc', 'mez', 'mesz', 'cet', 'cest', 'est', 'edt', 'bst',
  '(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[\\p{L}]*\\.?',
  '(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)[\\p{L}]*\\.?',
].join('|');

/** What makes a line of numbers a date: a clock time, "04.02.", an ISO date, a month, a when-word. */
const DATE_CUES = [
  '\\d{1,2}:\\d{2}', '\\d{1,2}\\.\\s?\\d{1,2}\\.', '\\d{4}-\\d{2}-\\d{2}',
  '(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)',
  'published|updated|posted|veröffentlicht|aktualisiert|stand',
].join('|');

/**
 * Headings of comment threads, related-article boxes, share bars and author boxes, as whole lines
 * (German and English, with the few other languages news pages of ours come in).
 */
export const FURNITURE_HEADING_PHRASES = {
  comments: [
    '(?:leser)?kommentare?(?: schreiben| anzeigen)?', 'comments?', 'diskussion', 'leave a (?:reply|comment)',
    'schreibe?n? (?:sie )?einen kommentar', 'hinterlasse(?:n sie)? (?:einen kommentar|eine antwort)', '(?:letzte|neueste) kommentare',
  ],
  related: [
    '(?:ähnliche|verwandte|empfohlene|weitere|passende) (?:artikel|beiträge|themen|nachrichten|meldungen|links|tourentipps?|videos)(?: (?:zum|zu diesem) thema| aus der \\p{L}+)?',
    '(?:das|dies)(?: thema)? (?:könnte|dürfte) (?:sie|dich) auch interessieren', 'mehr zum thema', 'mehr (?:kolumnen|artikel|beiträge|news) (?:auf|von|aus) [\\p{L} .-]+',
    'lesen sie (?:auch|mehr|weiter)(?: die folgenden beiträge)?', 'auch interessant', 'empfehlungen(?: (?:der|aus der) redaktion)?',
    '(?:nächster|vorheriger) artikel', 'vorschau auf den nächsten artikel',
    'related(?: articles| posts| stories| content| links)?', 'top[- ]?(?:stories|news|themen)', 'you (?:may|might) also like', 'more (?:stories|from [\\p{L} .-]+|on this topic)', 'read (?:more|next|also)',
    'see also', 'explore further', 'further reading', 'recommended(?: for you| stories| articles)?', '(?:previous|next) post',
  ],
  most_read: [
    'meist(?:gelesene?|diskutierte?|kommentierte?|-gelesen|-diskutiert)(?: artikel| beiträge)?', 'am meisten (?:gelesen|kommentiert)',
    'most (?:read|popular|viewed)', 'popular posts',
  ],
  author: ['über (?:den autor|die autorin)', 'zum autor', 'zur autorin', 'about the author'],
  share: [
    '(?:diese[ns]? )?(?:seite|artikel|beitrag) teilen', 'teilen(?: sie)?(?: diesen artikel)?', 'empfehlen sie (?:diesen artikel|uns)',
    'share(?: this)?(?: article| post| story| page)?',
  ],
  other_languages: [
    'temas relacionados', 'contenido relacionado', 'noticias relacionadas', 'lo último', '(?:à )?lire aussi', 'articles les plus lus', 'sur le même sujet',
    'leggi anche', 'zobacz (?:także|też)', 'czytaj (?:także|też)',
  ],
} as const;

/** Labels of tag lists, galleries and boxes: dropped as lines, but what follows may still be article. */
export const FURNITURE_LABEL_PHRASES = {
  taxonomy: ['schlagw(?:orte?|örter)', 'themen', 'tags?', 'stichw(?:orte?|örter)', 'kategorien?', 'categories', 'inhaltsverzeichnis', 'table of contents'],
  galleries: ['bildergalerie', 'fotostrecke', 'galerie'],
  further_information: ['weiterführende (?:links?|informationen|artikel)', 'weitere (?:informationen|infos)(?: zum thema)?', 'originalpublikation'],
  news_boxes: ['aktuell', 'aktuelle (?:news|meldungen|nachrichten)', 'newsletter', 'anzeige', 'werbung', 'trending'],
} as const;

export type NeverArticleFamily = keyof typeof NEVER_ARTICLE_BLOCK_WORDS;
export type FurnitureBlockFamily = keyof typeof FURNITURE_BLOCK_WORDS;
export type FurnitureHeadingFamily = keyof typeof FURNITURE_HEADING_PHRASES;
export type FurnitureLabelFamily = keyof typeof FURNITURE_LABEL_PHRASES;

/** Which pattern families are used: every family is a rule the site-fold harness can switch off. */
export interface HtmlPatternFamilies {
  readonly neverArticleBlocks: Readonly<Record<NeverArticleFamily, boolean>>;
  readonly furnitureBlocks: Readonly<Record<FurnitureBlockFamily, boolean>>;
  readonly furnitureHeadings: Readonly<Record<FurnitureHeadingFamily, boolean>>;
  readonly furnitureLabels: Readonly<Record<FurnitureLabelFamily, boolean>>;
}

const allOn = <K extends string>(groups: Readonly<Record<K, unknown>>): Record<K, boolean> =>
  Object.fromEntries(Object.keys(groups).map((k) => [k, true])) as Record<K, boolean>;

export const ALL_HTML_PATTERN_FAMILIES: HtmlPatternFamilies = {
  neverArticleBlocks: allOn(NEVER_ARTICLE_BLOCK_WORDS),
  furnitureBlocks: allOn(FURNITURE_BLOCK_WORDS),
  furnitureHeadings: allOn(FURNITURE_HEADING_PHRASES),
  furnitureLabels: allOn(FURNITURE_LABEL_PHRASES),
};

/** The words of the families switched on. */
function enabledWords<K extends string>(groups: Readonly<Record<K, readonly string[]>>, enabled: Readonly<Record<K, boolean>>): string[] {
  return (Object.keys(groups) as K[]).filter((k) => enabled[k]).flatMap((k) => [...groups[k]]);
}

/** One line that is exactly one of the phrases, maybe with a count ("3 Kommentare", "Kommentare (3)") and a colon or "!". */
function wholeLine(phrases: readonly string[]): RegExp {
  if (phrases.length === 0) return NEVER_MATCHES;
  return new RegExp(`^(?:\\d+\\s+)?(?:${phrases.join('|')})\\s*(?:\\(\\d+\\))?\\s*[:!.…]*\\s*$`, 'iu');
}

/** The family-built patterns of a set of families (compiled once per extraction; regex compilation is cached by the engine). */
export function makeFamilyPatterns(families: HtmlPatternFamilies) {
  const never = enabledWords(NEVER_ARTICLE_BLOCK_WORDS, families.neverArticleBlocks);
  const headings = enabledWords(FURNITURE_HEADING_PHRASES, families.furnitureHeadings);
  return {
    /** class/id/role of a block that is page furniture, not the article (see FURNITURE_BLOCK_WORDS). */
    boilerplateBlock: clueWords([...never, ...enabledWords(FURNITURE_BLOCK_WORDS, families.furnitureBlocks)]),
    /** Comment threads, cookie walls, pop-ups: dropped even when they hold most of a page's text. */
    neverArticleBlock: clueWords(never),
    /** Headings that open a page's furniture: everything after them in the same block is not the article. */
    furnitureHeading: wholeLine(headings),
    /** Short lines that label furniture but may sit between article paragraphs: only the line itself goes. */
    furnitureLine: wholeLine([...headings, ...enabledWords(FURNITURE_LABEL_PHRASES, families.furnitureLabels)]),
  } as const;
}

export type FamilyPatterns = ReturnType<typeof makeFamilyPatterns>;

export const HTML_PATTERNS = {
  /** The family-built patterns with every family on. */
  ...makeFamilyPatterns(ALL_HTML_PATTERN_FAMILIES),
  /** Readability's "positive" words, with German ones: a block that says it holds the article. */
  articleBlock: /article|artikel|body|content|inhalt|entry|main|post|beitrag|text|story|blog|h-?entry|news|meldung/,
  /** Readability's "negative" words: a block that is probably not the article, scored down, not dropped. */
  unlikelyBlock: /(?:^|[\s_-])(?:hidden|combx|contact|meta|media|scroll|shoutbox|skyscraper|shopping|teaser-?list|teaserlist|more|extra|info-?box|box-?info|caption)/,
  /** Captions and photo credits: kept beside the article as side texts. */
  captionBlock: /(?:^|[\s_-])(?:caption|figcaption|bildunterschrift|bu(?=[\s_-]|$)|image|img|photo|foto|picture|legend|wp-caption-text)/,
  photoCreditBlock: /(?:^|[\s_-])(?:credit|copyright|photo-?credit|image-?credit|bildnachweis|bildrechte|source-?image|fotograf)/,
  /** Bylines marked up as such ("author-info", "autor"), not "authority" or "Autorennen". */
  bylineBlock: /(?:^|[\s_-])(?:byline|author(?!it)|autor(?!it|enn)|writtenby|verfasser)/,

  /** "Foto: dpa", "Bild: Max Muster / AFP", "© picture alliance", "Quelle: imago", "(c) Reuters". */
  photoCreditLine: /^(?:(?:foto|fotos|bild|bilder|photo|photos|image|grafik|illustration|bildquelle|fotoquelle|credit|copyright|titelbild|beitragsbild)\s*:|©|\(c\)\s|copyright\s©?)/i,
  /** "Von Anna Beispiel", "von Anna Beispiel und Max Muster, Berlin", "By Jane Doe - 11/19/19 06:56 AM EST": a short line naming authors. */
  bylineLine: /^(?:[Vv]on|[Bb]y|Text:|Autor:|Autorin:)\s+\p{Lu}[\p{L}.'’-]+(?:\s+(?:\p{Lu}[\p{L}.'’-]+|und|and|von|van|de|der|,))*(?:\s*[,|]\s*[\p{L} .-]+)?(?:\s+[-–|•·]\s+[^\n]*\d[^\n]*)?$/u,
  /** "Von", "By", "Text:", "durch" before the names of a byline. */
  bylineLead: /^(?:von|by|durch|text:|autor:|autorin:|author:)\s+/i,
  /** A time stamp or dangling separator after a byline's names: " am 21. April 2020", " - 11/19/19 06:56 AM", " |". */
  bylineTail: /(?:\s+(?:am|on|[-–|•·])\s+.*\d.*|\s*[-–|•·,]\s*)$/i,
  /** ARIA roles of page furniture. */
  furnitureRole: /^(?:navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alertdialog|toolbar|tablist)$/,

  /** Class tokens that hide a block from sighted readers ("sr-only" labels, "d-none" leftovers). */
  hiddenClass: /(?:^|\s)(?:hidden|d-none|is-hidden|sr-only|visually-?hidden|screen-reader-text|element-invisible)(?=\s|$)/,
  /**
   * A line that only states when: "04.02.2022 | 12:01 Uhr", "Aktualisiert am 3. März 2024, 14:05 Uhr",
   * "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05", "3:59 PM". Made only of date words, numbers
   * and separators, with a digit and a date cue (a month, a clock time, a when-word or "04.02.");
   * "Kapitel 121", "Seit 2019 gilt …" and a table cell "5040" are not date lines.
   */
  dateLine: new RegExp(`^(?=.*\\d)(?=.*(?:${DATE_CUES}))(?:${DATE_LINE_WORDS}|\\d+(?:st|nd|rd|th)?|[\\s.,:;|/()–-])+$`, 'iu'),
  /** `display:none` or `visibility:hidden` in an inline style. */
  hiddenStyle: /display\s*:\s*none|visibility\s*:\s*hidden/i,
  /** Separators between a page title and its site name: "Titel | Site", "Titel - Site", "Site: Titel". */
  titleSeparator: /\s+[|–—•·»«:-]\s+|\s+[|]\s*|\s*[|]\s+/,
  /** Whitespace of any kind, including no-break spaces, folded to one space inside a paragraph. */
  whitespaceRun: /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g,
  /** Characters that render as nothing (soft hyphen, zero-width space/joiners, BOM). */
  invisibleChar: /[\u00ad\u200b-\u200d\u2060\ufeff]/g,
} as const;
