/**
 * Finds a web page's main text: prunes page furniture (navigation, share bars, comment threads,
 * cookie walls, teaser lists, hidden nodes), scores the remaining blocks the way Readability does,
 * and reads paragraphs, headings and lists out of the winning container. Captions, photo credits
 * and bylines are kept aside. The tree is only read, never changed, so a retry needs no re-parse.
 */
import type { AnyNode, Element, ParentNode } from 'domhandler';
import type { SideText } from '../../article.js';
import type { HtmlDocument } from './parse-html.js';
import { ALL_HTML_PATTERN_FAMILIES, HTML_PATTERNS, makeFamilyPatterns, type FamilyPatterns, type HtmlPatternFamilies } from './html-patterns.js';

/**
 * The extractor's rules, each switchable so the site-fold harness (scripts/validate-clean-rules.ts)
 * can measure what it adds on sites it was not made from. All on is the calibrated default.
 */
export const MAIN_TEXT_RULES = [
  /** <nav>, <aside>, <menu>, <dialog> are furniture by their tag. */
  'prune-furniture-tags',
  /** A <footer> is furniture unless it wraps most of the page's text. */
  'prune-footer',
  /** A <header> outside <article>/<main> is furniture unless it wraps most of the text. */
  'prune-header',
  /** A <form> with little text is a search, login or newsletter form. */
  'prune-short-form',
  /** ARIA roles of furniture (navigation, banner, complementary, …). */
  'prune-furniture-role',
  /** hidden, aria-hidden, display:none and screen-reader-only blocks. */
  'prune-hidden',
  /** A block pruned as furniture is kept when it wraps `wrapperTextShare` of the page's text. */
  'keep-wrappers',
  /** Cascade pass 2: the container pick again without class/id pruning. */
  'pass-scored-unpruned',
  /** Cascade pass 3: all text of the pruned page. */
  'pass-all-blocks',
  /** Readability's starting score by tag (div +5, list −3, heading −5). */
  'score-by-tag',
  /** Class/id words that say "probably not the article" score a container down. */
  'score-unlikely-clues',
  /** Class/id words that say "article" score a container up. */
  'score-article-clues',
  /** itemprop=articleBody scores a container up. */
  'score-article-body',
  /** A container's score is discounted by its link density. */
  'score-link-density',
  /** Three of the five best candidates sharing an ancestor make it the article. */
  'lift-common-ancestor',
  /** A parent scoring higher than the winner is the article. */
  'lift-parent',
  /** A winner inside <article> or articleBody takes all of it. */
  'lift-article-element',
  /** Prose blocks just before the container are its lede. */
  'join-ledes',
  /** Siblings scoring close to the container join it. */
  'join-siblings',
  /** Plain <p> siblings of prose join the container. */
  'join-sibling-prose',
  /** Captions, photo credits and byline blocks (by class/id) go aside. */
  'side-blocks',
  /** A list or table that is mostly links is a menu or teaser list. */
  'drop-link-lists',
  /** A paragraph that is mostly links is dropped. */
  'drop-link-paragraphs',
  /** A heading like "Kommentare" ends the article inside its block. */
  'end-at-furniture-heading',
  /** An <h1> repeating the page title is left out of the text (the title is kept apart). */
  'skip-title-heading',
  /** Short lines that label furniture ("Schlagworte", "Mehr zum Thema") are dropped. */
  'drop-furniture-lines',
  /** Lines that only state a time go aside. */
  'date-lines-aside',
  /** "Foto: dpa" lines go aside. */
  'photo-credit-lines-aside',
  /** A short "Von Anna Beispiel" line near the top goes aside as the byline. */
  'byline-lines-aside',
] as const;

export type MainTextRule = (typeof MAIN_TEXT_RULES)[number];

/**
 * Thresholds of the extractor. They were calibrated together on the extraction dev set (see
 * bench/ and the fixtures); change one and re-measure the others.
 */
export interface MainTextOptions {
  /** Shorter text blocks do not vote for a container (Readability: 25 characters). */
  readonly minBlockChars: number;
  /** A pass that yields less text than this (characters) hands over to the next pass of the cascade (trafilatura: 250). */
  readonly minMainTextChars: number;
  /** A paragraph, list or table whose link text exceeds this share (0–1) of its text is a teaser or menu, not prose. */
  readonly maxLinkDensity: number;
  /** A sibling of the best container joins it when its score reaches this share (0–1) of the best score (Readability: 0.2). */
  readonly siblingScoreRatio: number;
  /**
   * A block that looks like furniture by its class or id is still kept when it holds this share (0–1)
   * of the page's text outside links: it wraps the article ("hidden-contents-menu", "elementor-widget").
   * Link text is left out of both sides so that long menus and teaser lists do not dilute the article.
   */
  readonly wrapperTextShare: number;
  /** Captions, credits and bylines longer than this (characters) are body text that happens to sit in such a block. */
  readonly maxSideTextChars: number;
  /** Score for a class/id that says "article" or "furniture" (Readability's class weight: 25). */
  readonly clueWeight: number;
  /** schema.org's articleBody marks the body explicitly: worth more than any class name. */
  readonly articleBodyWeight: number;
  /**
   * Commas count as Readability's points only up to one per this many characters: prose has one per
   * 60–120, while lists of names or tags ("Berlin, Hamburg, Köln, …") would otherwise outvote the article.
   */
  readonly minCharsPerComma: number;
  /** A lede before the body container is at least this long (characters) … */
  readonly ledeMinChars: number;
  /** … and at most this share (0–1) of the body's text. */
  readonly ledeMaxShare: number;
  /** Furniture labels are a few words ("Das könnte Sie auch interessieren:" is 34 characters). */
  readonly maxFurnitureLineChars: number;
  /** Date lines are short: "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019" is 68. */
  readonly maxDateLineChars: number;
  readonly rules: Readonly<Record<MainTextRule, boolean>>;
  readonly families: HtmlPatternFamilies;
}

export const DEFAULT_MAIN_TEXT_OPTIONS: MainTextOptions = {
  minBlockChars: 25,
  minMainTextChars: 250,
  maxLinkDensity: 0.5,
  siblingScoreRatio: 0.2,
  wrapperTextShare: 0.5,
  maxSideTextChars: 300,
  clueWeight: 25,
  articleBodyWeight: 50,
  minCharsPerComma: 30,
  ledeMinChars: 80,
  ledeMaxShare: 0.5,
  maxFurnitureLineChars: 60,
  maxDateLineChars: 100,
  rules: Object.fromEntries(MAIN_TEXT_RULES.map((rule) => [rule, true])) as Record<MainTextRule, boolean>,
  families: ALL_HTML_PATTERN_FAMILIES,
};

/** The options of one extraction with the patterns its families build. */
interface Extraction {
  readonly options: MainTextOptions;
  readonly rules: Readonly<Record<MainTextRule, boolean>>;
  readonly patterns: FamilyPatterns;
  /** Tags never read: DROPPED_TAGS, and FURNITURE_TAGS while 'prune-furniture-tags' is on. */
  readonly droppedTags: ReadonlySet<string>;
}

export interface MainText {
  /** Paragraphs in reading order, whitespace folded, NFC. */
  readonly paragraphs: readonly string[];
  readonly sideTexts: readonly SideText[];
  /** A "Von …" line or byline block found in the text. */
  readonly byline: string | null;
  /** Which pass of the cascade produced the text. */
  readonly pass: ExtractionPass['name'];
}

/**
 * The fallback cascade, tried in order until one yields `minMainTextChars`; when none does, the
 * longest result wins. 1: prune furniture by tag, role and class/id, then take the best-scored
 * container. 2: the same without class/id pruning (an article inside a block whose class looks
 * like furniture and that holds too little of the page to count as a wrapper). 3: all text of the
 * page pruned as in 1, for pages whose text is spread over many small containers none of which wins.
 */
interface ExtractionPass {
  readonly name: 'scored' | 'scored-unpruned' | 'all-blocks';
  readonly pruneByClues: boolean;
  readonly pickContainer: boolean;
}

const CASCADE: readonly (ExtractionPass & { readonly rule: MainTextRule | null })[] = [
  { name: 'scored', pruneByClues: true, pickContainer: true, rule: null },
  { name: 'scored-unpruned', pruneByClues: false, pickContainer: true, rule: 'pass-scored-unpruned' },
  { name: 'all-blocks', pruneByClues: true, pickContainer: false, rule: 'pass-all-blocks' },
];

/** Never text: code, media, controls. */
const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'picture', 'img', 'button', 'select', 'option', 'input', 'textarea', 'title',
  'map', 'link', 'meta', 'label', 'datalist', 'output', 'progress', 'meter',
]);
/** The furniture HTML5 names itself. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'dialog', 'menu']);
/** Elements that flow inside a paragraph; every other element starts a new one. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt',
  'u', 'var', 'wbr', 'nobr',
]);
/** Blocks that vote for their container with their whole text (Readability's tags to score). */
const PROSE_TAGS = new Set(['p', 'pre', 'td', 'blockquote']);
/** Blocks whose link density is judged as a whole: a list of links is a menu or a teaser list. */
const LIST_TAGS = new Set(['ul', 'ol', 'dl', 'table']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Readability's starting score of a container by tag: divs usually hold prose, lists and headings do not. */
const TAG_SCORE: Readonly<Record<string, number>> = {
  div: 5, article: 5, section: 3, main: 5, pre: 3, td: 3, blockquote: 3,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
};
/** Readability lets a block vote for its parent (full), grandparent (half) and up to 5 levels (1/(3·level)). */
const VOTING_LEVELS = 5;
/** How far up a lede is looked for. */
const LEDE_LEVELS = 3;
/** Readability: a block's length adds one point per 100 characters, at most 3. */
const CHARS_PER_POINT = 100;
const MAX_LENGTH_POINTS = 3;
/** Marks a <br> in paragraph text until paragraphs are split (a private-use character never in real text). */
const LINE_BREAK = '\uE000';
const DOUBLE_LINE_BREAK = /\uE000\s*\uE000[\s\uE000]*/;
/** Readability's sibling paragraph: a <p> beside the container joins it when longer than this and nearly link-free. */
const SIBLING_PROSE_MIN_CHARS = 80;
const SIBLING_PROSE_MAX_LINK_DENSITY = 0.25;

/** Per-element text measures, computed in one walk per pass (pruned nodes count as empty). */
interface BlockStats {
  /** Visible characters, each whitespace run counted once. */
  chars: number;
  /** Of which inside <a>. */
  linkChars: number;
  commas: number;
  /** Characters of text outside child blocks (a <div> that holds prose directly). */
  inlineChars: number;
}

interface Scored {
  readonly el: Element;
  score: number;
}

export function extractMainText(
  document: HtmlDocument,
  options: MainTextOptions = DEFAULT_MAIN_TEXT_OPTIONS,
  title: string | null = null,
): MainText {
  // The whole document, not <body>: htmlparser2 does not repair trees, and pages that open a <div>
  // before </head> end up with their article inside <head>.
  const root: ParentNode = document;
  const x: Extraction = {
    options,
    rules: options.rules,
    patterns: makeFamilyPatterns(options.families),
    droppedTags: options.rules['prune-furniture-tags'] ? new Set([...DROPPED_TAGS, ...FURNITURE_TAGS]) : DROPPED_TAGS,
  };
  const rawStats = new Map<Element, BlockStats>();
  measure(root, new Set(), rawStats, x.droppedTags);
  let best: MainText | null = null;
  let bestChars = -1;
  for (const pass of CASCADE) {
    if (pass.rule !== null && !x.rules[pass.rule]) continue;
    const result = runPass(root, pass, x, rawStats, title);
    const chars = result.paragraphs.reduce((sum, p) => sum + p.length, 0);
    if (chars >= options.minMainTextChars) return result;
    if (chars > bestChars) {
      best = result;
      bestChars = chars;
    }
  }
  return best!;
}

function runPass(
  root: ParentNode,
  pass: ExtractionPass,
  x: Extraction,
  rawStats: Map<Element, BlockStats>,
  title: string | null,
): MainText {
  const pruned = findFurniture(root, pass, x, rawStats, unlinkedChars(statsOf(rawStats, root)));
  const stats = new Map<Element, BlockStats>();
  measure(root, pruned, stats, x.droppedTags);
  const reader = new ParagraphReader(pruned, stats, x, title);
  if (pass.pickContainer) {
    for (const block of pickContainer(root, pruned, stats, x)) reader.read(block);
  } else {
    reader.read(root);
  }
  return reader.result(pass.name);
}

/** The set of elements this pass leaves out: furniture by tag, role, visibility and (optionally) class/id. */
function findFurniture(
  root: ParentNode,
  pass: ExtractionPass,
  x: Extraction,
  rawStats: Map<Element, BlockStats>,
  pageUnlinkedChars: number,
): Set<Element> {
  const pruned = new Set<Element>();
  const size: BlockSize = {
    chars: (el) => statsOf(rawStats, el).chars,
    isWrapper: (el) => x.rules['keep-wrappers'] && unlinkedChars(statsOf(rawStats, el)) >= x.options.wrapperTextShare * pageUnlinkedChars,
  };
  const visit = (node: ParentNode, insideArticle: boolean) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (isFurniture(child, pass, x, insideArticle, size)) {
        pruned.add(child);
        continue;
      }
      visit(child, insideArticle || child.name === 'article' || child.name === 'main');
    }
  };
  visit(root, false);
  return pruned;
}

/** How much text an element held before pruning, and whether that is most of the page. */
interface BlockSize {
  chars(el: Element): number;
  isWrapper(el: Element): boolean;
}

function isFurniture(el: Element, pass: ExtractionPass, x: Extraction, insideArticle: boolean, size: BlockSize): boolean {
  const { rules } = x;
  if (el.type !== 'tag' || x.droppedTags.has(el.name)) return true;
  switch (el.name) {
    case 'html':
    case 'head':
    case 'body':
      return false;
    case 'footer':
      if (rules['prune-footer']) return !size.isWrapper(el);
      break;
    case 'header':
      if (rules['prune-header']) return !insideArticle && !size.isWrapper(el);
      break;
    case 'form':
      // Search, login and newsletter forms are short; shops and ASP.NET pages wrap whole articles in one.
      if (rules['prune-short-form']) return size.chars(el) < x.options.minMainTextChars;
      break;
  }
  const role = el.attribs.role?.toLowerCase();
  if (rules['prune-furniture-role'] && role !== undefined && HTML_PATTERNS.furnitureRole.test(role)) return !size.isWrapper(el);
  if (rules['prune-hidden'] && isHidden(el)) return !size.isWrapper(el);
  if (!pass.pruneByClues) return false;
  const clues = cluesOf(el);
  if (clues.length === 0) return false;
  if (x.patterns.neverArticleBlock.test(clues)) return true;
  return x.patterns.boilerplateBlock.test(clues) && !size.isWrapper(el);
}

function isHidden(el: Element): boolean {
  const a = el.attribs;
  return a.hidden !== undefined || a['aria-hidden'] === 'true' ||
    (a.style !== undefined && HTML_PATTERNS.hiddenStyle.test(a.style)) ||
    (a.class !== undefined && HTML_PATTERNS.hiddenClass.test(a.class.toLowerCase()));
}

function cluesOf(el: Element): string {
  const { class: cls, id, role } = el.attribs;
  if (cls === undefined && id === undefined && role === undefined) return '';
  return `${cls ?? ''} ${id ?? ''} ${role ?? ''}`.toLowerCase().trim();
}

/** Fills `stats` for every element under `node` not in `pruned`; returns the node's own measures. */
function measure(node: ParentNode, pruned: ReadonlySet<Element>, stats: Map<Element, BlockStats>, droppedTags: ReadonlySet<string>, inLink = false): BlockStats {
  const own: BlockStats = { chars: 0, linkChars: 0, commas: 0, inlineChars: 0 };
  for (const child of node.children) {
    if (child.type === 'text') {
      const { chars, commas } = countText(child.data);
      own.chars += chars;
      own.inlineChars += chars;
      own.commas += commas;
      if (inLink) own.linkChars += chars;
    } else if (isElement(child) && !pruned.has(child) && !droppedTags.has(child.name)) {
      const sub = measure(child, pruned, stats, droppedTags, inLink || child.name === 'a');
      own.chars += sub.chars;
      own.linkChars += sub.linkChars;
      own.commas += sub.commas;
      if (INLINE_TAGS.has(child.name)) own.inlineChars += sub.chars;
    }
  }
  if (isElement(node)) stats.set(node, own);
  return own;
}

/** Visible length (whitespace runs count once) and commas (Latin, Arabic, CJK full-width) of a text node, in one loop: this runs on every text node twice per pass. */
function countText(data: string): { chars: number; commas: number } {
  let chars = 0;
  let commas = 0;
  let inSpace = true;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0) {
      if (!inSpace) chars++;
      inSpace = true;
    } else {
      chars++;
      inSpace = false;
      if (c === 44 || c === 0xff0c || c === 0x60c) commas++;
    }
  }
  return { chars, commas };
}

const EMPTY_STATS: BlockStats = { chars: 0, linkChars: 0, commas: 0, inlineChars: 0 };

function statsOf(stats: Map<Element, BlockStats>, node: ParentNode): BlockStats {
  if (isElement(node)) return stats.get(node) ?? EMPTY_STATS;
  const sum = { ...EMPTY_STATS };
  for (const child of node.children) {
    const s = isElement(child) ? stats.get(child) : undefined;
    if (s === undefined) continue;
    sum.chars += s.chars;
    sum.linkChars += s.linkChars;
  }
  return sum;
}

function unlinkedChars(s: BlockStats): number {
  return s.chars - s.linkChars;
}

function linkDensity(s: BlockStats): number {
  return s.chars === 0 ? 0 : s.linkChars / s.chars;
}

/**
 * Readability's candidate scoring: every prose block votes for its ancestors; the best-scored
 * ancestor (discounted by its link density) is the article, joined by siblings that score close
 * to it. Returns the blocks to read, in document order.
 */
function pickContainer(
  root: ParentNode,
  pruned: ReadonlySet<Element>,
  stats: Map<Element, BlockStats>,
  x: Extraction,
): ParentNode[] {
  const { options, rules } = x;
  const scores = new Map<Element, Scored>();
  const scoreOf = (el: Element): Scored => {
    let entry = scores.get(el);
    if (entry === undefined) {
      entry = { el, score: initialScore(el, x) };
      scores.set(el, entry);
    }
    return entry;
  };
  const visit = (node: ParentNode) => {
    for (const child of node.children) {
      // Figures are never body text, whatever their class says ("article-image" must not win).
      if (!isElement(child) || pruned.has(child) || child.name === 'figure') continue;
      const s = stats.get(child);
      if (s === undefined || s.chars < options.minBlockChars) continue;
      const prose = PROSE_TAGS.has(child.name);
      const unitChars = prose ? s.chars : s.inlineChars;
      if (unitChars >= options.minBlockChars && !INLINE_TAGS.has(child.name)) {
        const commas = Math.min(s.commas, unitChars / options.minCharsPerComma);
        const points = 1 + commas + Math.min(Math.floor(unitChars / CHARS_PER_POINT), MAX_LENGTH_POINTS);
        // A <div> with prose of its own is Readability's converted paragraph: it votes for itself first.
        let voter: ParentNode | null = prose ? child.parent : child;
        for (let level = 0; voter !== null && isElement(voter) && level < VOTING_LEVELS; level++) {
          scoreOf(voter).score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
          voter = voter.parent;
        }
      }
      if (!prose) visit(child);
    }
  };
  visit(root);

  const ranked = [...scores.values()]
    .map((c) => ({ el: c.el, score: rules['score-link-density'] ? c.score * (1 - linkDensity(stats.get(c.el) ?? EMPTY_STATS)) : c.score }))
    .sort((a, b) => b.score - a.score);
  const top = ranked[0];
  if (top === undefined || top.score <= 0) return [root];
  const final = new Map(ranked.map((c) => [c.el, c.score]));
  let chosen = liftToCommonAncestor(top, ranked.slice(1, 5), final, rules);
  if (rules['lift-article-element']) chosen = liftToArticleElement(chosen, stats, options);
  const blocks = rules['join-siblings'] || rules['join-sibling-prose'] ? withSiblings(chosen, final.get(chosen) ?? top.score, pruned, stats, x) : [chosen];
  const ledes = rules['join-ledes'] ? findLedes(chosen, stats, options).filter((lede) => !blocks.includes(lede)) : [];
  return [...ledes, ...blocks];
}

function initialScore(el: Element, x: Extraction): number {
  const { rules, options } = x;
  let score = rules['score-by-tag'] ? (TAG_SCORE[el.name] ?? 0) : 0;
  const clues = cluesOf(el);
  if (clues.length > 0) {
    if ((rules['score-unlikely-clues'] && HTML_PATTERNS.unlikelyBlock.test(clues)) || x.patterns.boilerplateBlock.test(clues)) score -= options.clueWeight;
    if (rules['score-article-clues'] && HTML_PATTERNS.articleBlock.test(clues)) score += options.clueWeight;
  }
  if (rules['score-article-body'] && el.attribs.itemprop?.toLowerCase() === 'articlebody') score += options.articleBodyWeight;
  return score;
}

/**
 * Readability's two lifts: when three of the five best candidates share an ancestor that scores
 * at least 3/4 of the best, the article is that ancestor (its paragraphs sit in sibling <div>s);
 * and while the parent scores higher than the candidate, the parent is the article.
 */
function liftToCommonAncestor(
  top: { el: Element; score: number },
  runnersUp: ReadonlyArray<{ el: Element; score: number }>,
  final: Map<Element, number>,
  rules: Readonly<Record<MainTextRule, boolean>>,
): Element {
  const SHARED_BY = 3;
  const MIN_SHARE_OF_TOP = 0.75;
  const contenders = runnersUp.filter((c) => c.score >= MIN_SHARE_OF_TOP * top.score);
  let chosen = top.el;
  if (rules['lift-common-ancestor'] && contenders.length >= SHARED_BY) {
    for (let ancestor = top.el.parent; ancestor !== null && isElement(ancestor) && ancestor.name !== 'body'; ancestor = ancestor.parent) {
      const containing = contenders.filter((c) => isInside(c.el, ancestor!)).length;
      if (containing >= SHARED_BY) {
        chosen = ancestor;
        break;
      }
    }
  }
  if (!rules['lift-parent']) return chosen;
  let lastScore = final.get(chosen) ?? top.score;
  const floor = lastScore / 3;
  for (let parent = chosen.parent; parent !== null && isElement(parent) && parent.name !== 'body'; parent = parent.parent) {
    const parentScore = final.get(parent);
    if (parentScore === undefined) continue;
    if (parentScore < floor) break;
    if (parentScore > lastScore) {
      chosen = parent;
      break;
    }
    lastScore = parentScore;
  }
  return chosen;
}

/**
 * When the winner sits inside an <article> (or schema.org articleBody) that adds prose rather than
 * links, the page has told us where its article is: take all of it (intro, sub-sections in sibling
 * rows). Comment threads and related links inside it were pruned already.
 */
function liftToArticleElement(chosen: Element, stats: Map<Element, BlockStats>, options: MainTextOptions): Element {
  for (let ancestor = chosen.parent; ancestor !== null && isElement(ancestor); ancestor = ancestor.parent) {
    if (ancestor.name !== 'article' && ancestor.attribs.itemprop?.toLowerCase() !== 'articlebody') continue;
    const s = stats.get(ancestor) ?? EMPTY_STATS;
    const own = stats.get(chosen) ?? EMPTY_STATS;
    const addedChars = s.chars - own.chars;
    const addedLinkChars = s.linkChars - own.linkChars;
    if (addedChars > 0 && addedLinkChars / addedChars > options.maxLinkDensity / 2) return chosen;
    return ancestor;
  }
  return chosen;
}

/**
 * Ledes, standfirsts and intros often sit before the body container, one or two levels up
 * ("vorspann", "leader", "hero-text"). Blocks of prose just before the container, or before one of
 * its ancestors, join it in front; link lists, labels and anything after the body do not.
 */
function findLedes(chosen: Element, stats: Map<Element, BlockStats>, options: MainTextOptions): Element[] {
  const own = stats.get(chosen) ?? EMPTY_STATS;
  const ledes: Element[] = [];
  let node: Element = chosen;
  for (let level = 0; level < LEDE_LEVELS; level++) {
    for (let sibling = node.prev; sibling !== null; sibling = sibling.prev) {
      if (!isElement(sibling)) continue;
      const s = stats.get(sibling);
      if (s === undefined || s.chars === 0) continue;
      if (s.chars < options.ledeMinChars || s.chars > options.ledeMaxShare * own.chars || linkDensity(s) > options.maxLinkDensity / 2) break;
      if (HTML_PATTERNS.captionBlock.test(cluesOf(sibling))) continue;
      ledes.unshift(sibling);
    }
    const parent = node.parent;
    if (parent === null || !isElement(parent) || parent.name === 'body' || parent.name === 'html') break;
    node = parent;
  }
  return ledes;
}

function isInside(node: AnyNode, ancestor: ParentNode): boolean {
  for (let n: ParentNode | null = node.parent; n !== null; n = n.parent) if (n === ancestor) return true;
  return false;
}

/** The container plus siblings that score close to it, or that are plain paragraphs of prose (Readability's sibling pass). */
function withSiblings(
  chosen: Element,
  topScore: number,
  pruned: ReadonlySet<Element>,
  stats: Map<Element, BlockStats>,
  x: Extraction,
): ParentNode[] {
  const { options, rules } = x;
  const parent = chosen.parent;
  if (parent === null) return [chosen];
  const threshold = Math.max(10, topScore * options.siblingScoreRatio);
  const chosenClass = chosen.attribs.class;
  const blocks: ParentNode[] = [];
  for (const sibling of parent.children) {
    if (sibling === chosen) {
      blocks.push(chosen);
      continue;
    }
    if (!isElement(sibling) || pruned.has(sibling)) continue;
    const s = stats.get(sibling);
    if (s === undefined || s.chars === 0) continue;
    const bonus = chosenClass && sibling.attribs.class === chosenClass ? topScore * options.siblingScoreRatio : 0;
    const siblingScore = initialScore(sibling, x) + bonus;
    const density = linkDensity(s);
    const prose = rules['join-sibling-prose'] && sibling.name === 'p' && density < SIBLING_PROSE_MAX_LINK_DENSITY && s.chars > SIBLING_PROSE_MIN_CHARS;
    if ((rules['join-siblings'] && siblingScore >= threshold) || prose) blocks.push(sibling);
  }
  return blocks;
}

/** Walks the chosen blocks and turns them into paragraphs and side texts. */
class ParagraphReader {
  private readonly paragraphs: string[] = [];
  private readonly sideTexts: SideText[] = [];
  private byline: string | null = null;
  private buffer = '';
  private bufferLinkChars = 0;
  private bufferIsHeading = false;
  private readonly titleKey: string | null;

  private readonly options: MainTextOptions;
  private readonly rules: Readonly<Record<MainTextRule, boolean>>;

  constructor(
    private readonly pruned: ReadonlySet<Element>,
    private readonly stats: Map<Element, BlockStats>,
    private readonly x: Extraction,
    title: string | null,
  ) {
    this.options = x.options;
    this.rules = x.rules;
    this.titleKey = title === null ? null : foldText(title).toLowerCase();
  }

  read(block: ParentNode): void {
    this.readChildren(block, false);
    this.flush();
  }

  result(pass: ExtractionPass['name']): MainText {
    return { paragraphs: this.paragraphs, sideTexts: this.sideTexts, byline: this.byline, pass };
  }

  private readChildren(node: ParentNode, inLink: boolean): void {
    for (const child of node.children) {
      if (child.type === 'text') {
        this.buffer += child.data;
        if (inLink) this.bufferLinkChars += countText(child.data).chars;
        continue;
      }
      if (!isElement(child) || this.pruned.has(child) || this.x.droppedTags.has(child.name)) continue;
      if (child.name === 'br') {
        this.buffer += LINE_BREAK;
        continue;
      }
      if (INLINE_TAGS.has(child.name)) {
        this.readChildren(child, inLink || child.name === 'a');
        continue;
      }
      this.flush();
      if (this.readBlock(child) === 'rest-is-furniture') return;
      this.flush();
    }
  }

  /** Reads one block element; a heading like "Kommentare" ends the article inside its parent. */
  private readBlock(el: Element): 'continue' | 'rest-is-furniture' {
    const s = this.stats.get(el) ?? EMPTY_STATS;
    if (el.name === 'figure') {
      this.readFigure(el);
      return 'continue';
    }
    if (this.rules['side-blocks'] && this.isSideBlock(el)) {
      this.addSideText(el);
      return 'continue';
    }
    if (this.rules['drop-link-lists'] && LIST_TAGS.has(el.name) && linkDensity(s) > this.options.maxLinkDensity) return 'continue';
    if (HEADING_TAGS.has(el.name)) {
      const text = foldText(textOf(el, undefined, this.x.droppedTags));
      if (this.rules['end-at-furniture-heading'] && this.x.patterns.furnitureHeading.test(text)) return 'rest-is-furniture';
      if (this.rules['skip-title-heading'] && el.name === 'h1' && this.isTitle(text)) return 'continue';
      this.bufferIsHeading = true;
    }
    this.readChildren(el, false);
    return 'continue';
  }

  /** The headline repeats the page title (which is kept apart): "Titel" in "Titel | Site" or the other way round. */
  private isTitle(text: string): boolean {
    const key = text.toLowerCase();
    return this.titleKey !== null && key.length > 0 && (this.titleKey.includes(key) || key.includes(this.titleKey));
  }

  /**
   * Caption, credit and byline blocks by class/id. Outside figures inline elements never are (a
   * credited name inside a sentence stays); inside a figure a <span class="credit"> is the credit.
   */
  private isSideBlock(el: Element, insideFigure = false): boolean {
    if (el.name === 'figcaption') return true;
    if (INLINE_TAGS.has(el.name) && !insideFigure) return false;
    const clues = cluesOf(el);
    if (clues.length === 0) return false;
    if ((this.stats.get(el) ?? EMPTY_STATS).chars > this.options.maxSideTextChars) return false;
    return HTML_PATTERNS.captionBlock.test(clues) || HTML_PATTERNS.photoCreditBlock.test(clues) ||
      HTML_PATTERNS.bylineBlock.test(clues);
  }

  private addSideText(el: Element): void {
    const text = foldText(textOf(el, this.pruned, this.x.droppedTags));
    if (text.length === 0) return;
    const clues = cluesOf(el);
    if (HTML_PATTERNS.bylineBlock.test(clues) && !HTML_PATTERNS.captionBlock.test(clues)) {
      this.byline ??= bylineNames(text);
      this.sideTexts.push({ kind: 'byline', text });
    } else if (HTML_PATTERNS.photoCreditBlock.test(clues) || HTML_PATTERNS.photoCreditLine.test(text)) {
      this.sideTexts.push({ kind: 'photo-credit', text });
    } else {
      this.sideTexts.push({ kind: 'caption', text });
    }
  }

  /** A figure's caption and credit go aside; a figure is never body text (images, embeds, infographics). */
  private readFigure(figure: Element): void {
    const stack: AnyNode[] = [...figure.children];
    while (stack.length > 0) {
      const node = stack.shift()!;
      if (!isElement(node) || this.pruned.has(node)) continue;
      if (this.rules['side-blocks'] && this.isSideBlock(node, true)) this.addSideText(node);
      else stack.push(...node.children);
    }
  }

  private flush(): void {
    const raw = this.buffer;
    const linkChars = this.bufferLinkChars;
    const heading = this.bufferIsHeading;
    this.buffer = '';
    this.bufferLinkChars = 0;
    this.bufferIsHeading = false;
    if (raw.length === 0) return;
    const pieces = raw.split(DOUBLE_LINE_BREAK).map((p) => foldText(p.replaceAll(LINE_BREAK, ' '))).filter((p) => p.length > 0);
    const chars = pieces.reduce((sum, p) => sum + p.length, 0);
    if (chars === 0) return;
    if (this.rules['drop-link-paragraphs'] && linkChars / chars > this.options.maxLinkDensity) return;
    for (const text of pieces) this.addParagraph(text, heading);
  }

  private addParagraph(text: string, heading: boolean): void {
    const { options, rules } = this;
    if (rules['drop-furniture-lines'] && text.length <= options.maxFurnitureLineChars && this.x.patterns.furnitureLine.test(text)) return;
    // A time stamp above or below the article; the date readers look at the tree, not at our text.
    if (rules['date-lines-aside'] && text.length <= options.maxDateLineChars && HTML_PATTERNS.dateLine.test(text)) {
      this.sideTexts.push({ kind: 'boilerplate', text });
      return;
    }
    if (rules['photo-credit-lines-aside'] && !heading && text.length <= options.maxSideTextChars && HTML_PATTERNS.photoCreditLine.test(text)) {
      this.sideTexts.push({ kind: 'photo-credit', text });
      return;
    }
    if (rules['byline-lines-aside'] && !heading && this.byline === null && this.paragraphs.length < 3 && text.length <= 100 && HTML_PATTERNS.bylineLine.test(text)) {
      this.byline = bylineNames(text);
      this.sideTexts.push({ kind: 'byline', text });
      return;
    }
    this.paragraphs.push(text);
  }
}

/** "VON ANNA BEISPIEL am 21. April 2020" → "ANNA BEISPIEL"; "By Jane Doe -" → "Jane Doe": the names without lead word or time stamp. */
function bylineNames(line: string): string | null {
  const names = line.replace(HTML_PATTERNS.bylineLead, '').replace(HTML_PATTERNS.bylineTail, '').trim();
  return names.length > 0 ? names : null;
}

function isElement(node: AnyNode | ParentNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function textOf(node: AnyNode, pruned: ReadonlySet<Element> | undefined, droppedTags: ReadonlySet<string>): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node) && !('children' in node)) return '';
  if (isElement(node) && (pruned?.has(node) || droppedTags.has(node.name))) return '';
  let text = '';
  for (const child of (node as ParentNode).children) {
    text += isElement(child) && child.name === 'br' ? ' ' : textOf(child, pruned, droppedTags);
    if (isElement(child) && !INLINE_TAGS.has(child.name)) text += ' ';
  }
  return text;
}

/** One paragraph's text: invisible characters removed, every whitespace run (no-break spaces too) one space, NFC. */
function foldText(text: string): string {
  return text.replace(HTML_PATTERNS.invisibleChar, '').replace(HTML_PATTERNS.whitespaceRun, ' ').trim().normalize('NFC');
}
