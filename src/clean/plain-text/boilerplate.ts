/** Removes scrape noise from a page's text (social counters, "Leave a Reply", link cards, captions, consent notices and press-release footers glued into paragraphs), keeping credits and captions aside as side texts. */
import type { SideText } from '../../article.js';
import type { Page } from '../../page.js';
import {
  BOILERPLATE_LINES_DE,
  CAPTION_WITH_PHOTO_CREDIT,
  TRAILING_MORE_ON_TOPIC,
} from './boilerplate-patterns.de.js';
import { BOILERPLATE_SPAN_RULES, CONTACT_BLOCK_OPENING, cutBoilerplateSpans, PRESS_RELEASE_FOOTER } from './boilerplate-spans.js';
import { cutGluedHeadlines } from './glued-headlines.de.js';
import { isHeadlineLike } from './text-page.js';

/** Rules of this module besides the line patterns (BOILERPLATE_LINES_DE) and the span rules (boilerplate-spans.ts). */
const PARAGRAPH_RULES = [
  /** A video's blurb and title around its "03.02.2022 | 01:41 min" line. */
  'media-boxes',
  /** A press release's contact block, one line a paragraph, before the news-aktuell footer. */
  'press-contact-blocks',
  /** In plain text, a headline-like line under a photo credit is its caption. */
  'captions-under-photo-credits',
  /** In plain text, a line ending in a picture source in parentheses is a caption. */
  'caption-with-photo-credit',
  /** "… Mehr zum Thema - …" glued to a paragraph's end. */
  'trailing-more-on-topic',
  /** Related headlines glued into a long paragraph (glued-headlines.de.ts). */
  'glued-headlines',
] as const;

/**
 * Every rule of boilerplate removal by id (line patterns, span rules, paragraph rules), each
 * switchable so the site-fold harness can measure it; all on is the default.
 */
export const BOILERPLATE_RULES: readonly string[] = [...BOILERPLATE_LINES_DE.map((p) => p.rule), ...BOILERPLATE_SPAN_RULES, ...PARAGRAPH_RULES];

export interface BoilerplateOptions {
  /** Rule id → on/off; a rule not named is on. */
  readonly rules: Readonly<Record<string, boolean>>;
}

export const DEFAULT_BOILERPLATE_OPTIONS: BoilerplateOptions = { rules: {} };

/**
 * "Rückfragen bitte an: / Polizei Beispielstadt / Telefon: … / E-Mail: … / Original-Content von: …":
 * a press release's contact block, one short paragraph a line, between its label and the
 * news-aktuell footer (which cutBoilerplateSpans takes).
 */
function markPressContactBlocks(paragraphs: Paragraph[]): void {
  paragraphs.forEach((paragraph, i) => {
    if (paragraph.aside !== null || !CONTACT_BLOCK_OPENING.test(paragraph.text.trim())) return;
    const block = paragraphs.slice(i, i + MAX_CONTACT_BLOCK_PARAGRAPHS + 1);
    const footerAt = block.findIndex((p) => PRESS_RELEASE_FOOTER.test(p.text));
    if (footerAt < 0 || block.slice(0, footerAt).some((p) => p.text.length > MAX_CONTACT_LINE_CHARS)) return;
    for (const line of block.slice(0, footerAt)) {
      line.aside = 'boilerplate';
      line.rule = 'press-contact-block';
    }
  });
}

/** A video box around a "03.02.2022 | 01:41 min" line: its blurb above (at most this long) and its title below. */
const MAX_MEDIA_BLURB_CHARS = 300;
const MAX_MEDIA_TITLE_CHARS = 100;

/** A press contact block: name, office, phone, fax, e-mail, web, a line each (each at most this long). */
const MAX_CONTACT_BLOCK_PARAGRAPHS = 12;
const MAX_CONTACT_LINE_CHARS = 120;

interface Paragraph {
  text: string;
  /** Set when the paragraph leaves the body: what kind of side text it becomes. */
  aside: SideText['kind'] | null;
  rule: string | null;
}

export function removeBoilerplate(page: Page, options: BoilerplateOptions = DEFAULT_BOILERPLATE_OPTIONS): Page {
  const on = (rule: string) => options.rules[rule] !== false;
  const paragraphs: Paragraph[] = page.text
    .split('\n\n')
    .filter((text) => text.trim() !== '')
    .map((text) => ({ text, ...classifyParagraph(text, page.format, on) }));

  if (on('media-boxes')) markMediaBoxes(paragraphs);
  if (on('press-contact-blocks')) markPressContactBlocks(paragraphs);
  if (page.format === 'text' && on('captions-under-photo-credits')) markCaptionsUnderPhotoCredits(paragraphs);

  const body: string[] = [];
  const sideTexts: SideText[] = [...page.sideTexts];
  for (const paragraph of paragraphs) {
    if (paragraph.aside !== null) {
      sideTexts.push({ kind: paragraph.aside, text: paragraph.text });
      continue;
    }
    const spans = cutBoilerplateSpans(paragraph.text, options.rules);
    for (const removed of spans.removed) sideTexts.push({ kind: 'boilerplate', text: removed });
    if (spans.text === '') continue;
    let text = spans.text;
    const trailer = on('trailing-more-on-topic') ? TRAILING_MORE_ON_TOPIC.exec(text) : null;
    if (trailer) {
      sideTexts.push({ kind: 'teaser', text: trailer[0].trim() });
      text = text.slice(0, trailer.index);
    }
    if (!on('glued-headlines')) {
      body.push(text);
      continue;
    }
    const cut = cutGluedHeadlines(text);
    for (const link of cut.relatedLinks) sideTexts.push({ kind: 'teaser', text: link });
    body.push(cut.text);
  }
  return { ...page, text: body.join('\n\n'), sideTexts };
}

/**
 * Captions are found by their text only in plain text: on an HTML page the HTML reader knows its
 * figures, and a line it kept in the body ("Diess: Die Stimmung ist nicht gut. (Foto: VW)") is
 * often one the page's editors meant as text.
 */
function classifyParagraph(text: string, format: Page['format'], on: (rule: string) => boolean): Pick<Paragraph, 'aside' | 'rule'> {
  const line = text.trim();
  for (const { rule, pattern, kind } of BOILERPLATE_LINES_DE) {
    if (on(rule) && pattern.test(line)) return { aside: kind, rule };
  }
  if (format === 'text' && on('caption-with-photo-credit') && CAPTION_WITH_PHOTO_CREDIT.test(line)) return { aside: 'caption', rule: 'caption-with-photo-credit' };
  return { aside: null, rule: null };
}

/**
 * "Blurb. / 03.02.2022 | 01:41 min / Video title": an embedded video. The blurb and title go with the
 * length line, but only when short, so a real paragraph next to a video stays.
 */
function markMediaBoxes(paragraphs: Paragraph[]): void {
  paragraphs.forEach((paragraph, i) => {
    if (paragraph.rule !== 'media-length') return;
    const before = paragraphs[i - 1];
    const after = paragraphs[i + 1];
    if (before && before.aside === null && before.text.length <= MAX_MEDIA_BLURB_CHARS) {
      before.aside = 'teaser';
      before.rule = 'media-blurb';
    }
    if (after && after.aside === null && after.text.length <= MAX_MEDIA_TITLE_CHARS && isHeadlineLike(after.text)) {
      after.aside = 'teaser';
      after.rule = 'media-title';
    }
  });
}

/** "Quelle: www.globallookpress.com © Kremlin Pool / Putin und Xi in Peking am 4. Februar 2022": the line under a photo credit is its caption. */
function markCaptionsUnderPhotoCredits(paragraphs: Paragraph[]): void {
  paragraphs.forEach((paragraph, i) => {
    const next = paragraphs[i + 1];
    if (paragraph.rule !== 'photo-credit' || !next || next.aside !== null) return;
    // A caption reads as a noun phrase without a final full stop; a sentence there is the article resuming.
    if (isHeadlineLike(next.text)) {
      next.aside = 'caption';
      next.rule = 'caption-under-photo-credit';
    }
  });
}
