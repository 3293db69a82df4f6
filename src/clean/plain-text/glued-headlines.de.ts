/**
 * Finds headlines a scraper glued into running text without punctuation, as RT DE pages come out:
 * "… zu behandeln". Washington beschuldigt Russland erneut … - ohne Beweise Die beiden Länder
 * betonten …". A related link (it carries a link's marks: a spaced dash, quotes, an ellipsis) is cut
 * out; a plain one is usually the article's own subheading ("Entscheidung im April Es geht um …")
 * and becomes a paragraph of its own, so no article words are lost. Cautious on purpose: a missed
 * headline costs a little noise, a false one a sentence.
 */

/**
 * Where a headline ends and the next sentence begins: a word in lower case, then a word that in
 * German is capitalised only at a sentence start, then a lower-case word ("Beweise Die beiden").
 * Nouns and names are left out ("nach Polen entsenden Moskau hat"): "in Moskau hat" is ordinary German.
 * "Sie" is left out too (the polite pronoun is capitalised anywhere); so is anything after a quote
 * mark ('das Buch "Die letzten Tage"'). The lower-case word after the starter keeps names out
 * ("von Die Linke", "im Film Der Pate"). Starters that German also writes as nouns or in names are
 * left out: "zum Trotz über", "ohne Wenn und Aber zu", "keinen Laut von", "das Ich zur", "Music Man mit",
 * "das Ein und Alles".
 */
const HEADLINE_GLUE_POINT =
  /(?<=[\p{Ll}])\s(?=(?:Die|Der|Das|Dies|Diese|Dieser|Es|Er|Wir|Eine|Im|Am|Nach|Bei|Auch|Doch|Zudem|Dabei|Damit|Zuvor|Bereits|Inzwischen|Seit)\s\p{Ll})/gu;
/**
 * The same with an article before a noun ("prüfen Der Sonderbeauftragte habe …"), which names can
 * also look like ("von Die Linke"): only inside a whole article flattened into one paragraph, and
 * never before the names German text writes with a capital article.
 */
const HEADLINE_GLUE_BEFORE_NOUN =
  /(?<=[\p{Ll}])\s(?=(?:Die|Der|Das)\s(?!(?:Linke|Grünen|PARTEI|Welt|Zeit|Presse|Erste|Spiegel|Standard|Tagesspiegel|Freitag|Tageszeitung)(?!\p{L}))\p{Lu}\p{Ll}+\s)/gu;
/** A paragraph this long is a whole article the scraper flattened, where glued headlines are common. */
const MIN_FLATTENED_ARTICLE_CHARS = 1000;
/** A sentence end before the headline: ". ", "". ", "?“ ". */
const SENTENCE_END_BEFORE = /[.!?]["“”»«'’]?\s+/gu;
/** "6. " or "14. " just before a would-be headline: a day's ordinal ("am 6. Juni"), not a sentence end. */
const ORDINAL_BEFORE = /(?<!\d)\d{1,2}\.\s+$/u;
/** A headline holds at most one comma; a clause chain with more is the start of an ordinary sentence. */
const MAX_HEADLINE_COMMAS = 1;
/** Headlines of related links run 15–160 characters; shorter is a fragment, longer a sentence that lost its stop. */
const MIN_HEADLINE_CHARS = 15;
const MAX_HEADLINE_CHARS = 160;
/** Only long glued paragraphs are scraped article bodies with inserted links; short ones are left alone. */
export const MIN_GLUED_PARAGRAPH_CHARS = 400;

export interface GluedHeadlineCut {
  /** The paragraph without its related links; subheadings stand as paragraphs of their own ("\n\n"). */
  readonly text: string;
  /** Related-article links cut out of the paragraph. */
  readonly relatedLinks: readonly string[];
  /** Subheadings set apart as their own paragraphs. */
  readonly subheadings: readonly string[];
}

/** Marks of a link to another article: "… - ohne Beweise", "„Falscher Flagge“", "Nato-Osterweite...". */
const RELATED_LINK_MARK = /\s[-–—]\s|["„“”»«]|\.\.\.|…/u;

export function cutGluedHeadlines(paragraph: string): GluedHeadlineCut {
  if (paragraph.length < MIN_GLUED_PARAGRAPH_CHARS) return { text: paragraph, relatedLinks: [], subheadings: [] };
  const cuts: { start: number; end: number }[] = [];
  const gluePoints = [...paragraph.matchAll(HEADLINE_GLUE_POINT)];
  if (paragraph.length >= MIN_FLATTENED_ARTICLE_CHARS) gluePoints.push(...paragraph.matchAll(HEADLINE_GLUE_BEFORE_NOUN));
  gluePoints.sort((a, b) => a.index - b.index);
  // Sentence starts once, in order; each glue point looks up the last one before it.
  const sentenceStarts = [...paragraph.matchAll(SENTENCE_END_BEFORE)].map((end) => end.index + end[0].length);
  let next = 0;
  for (const glue of gluePoints) {
    while (next < sentenceStarts.length && sentenceStarts[next]! <= glue.index) next++;
    const start = next > 0 ? sentenceStarts[next - 1]! : null;
    // "bis zum 6. Juni verlängert": a day's ordinal is no sentence end (a year's "2020. " is).
    if (start === null || ORDINAL_BEFORE.test(paragraph.slice(Math.max(0, start - 4), start))) continue;
    const headline = paragraph.slice(start, glue.index);
    if (headline.length < MIN_HEADLINE_CHARS || headline.length > MAX_HEADLINE_CHARS) continue;
    if (!/^\p{Lu}/u.test(headline) || headline.split(' ').length < 3) continue;
    if (headline.split(',').length - 1 > MAX_HEADLINE_COMMAS) continue;
    // Two glue points in one sentence: the first cut already took the headline.
    if (cuts.length > 0 && start < cuts[cuts.length - 1]!.end) continue;
    cuts.push({ start, end: glue.index + 1 });
  }
  if (cuts.length === 0) return { text: paragraph, relatedLinks: [], subheadings: [] };
  let text = '';
  let from = 0;
  const relatedLinks: string[] = [];
  const subheadings: string[] = [];
  for (const cut of cuts) {
    text += paragraph.slice(from, cut.start);
    from = cut.end;
    const headline = paragraph.slice(cut.start, cut.end).trim();
    if (RELATED_LINK_MARK.test(headline)) {
      relatedLinks.push(headline);
    } else {
      subheadings.push(headline);
      text = `${text.trimEnd()}\n\n${headline}\n\n`;
    }
  }
  text += paragraph.slice(from);
  return { text, relatedLinks, subheadings };
}
