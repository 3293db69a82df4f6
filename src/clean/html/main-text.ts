/**
 * Finds a web page's main text: prunes page furniture (navigation, share bars, comment threads,
 * cookie walls, teaser lists, hidden nodes), scores the remaining blocks the way Readability does,
 * and reads paragraphs, headings and lists out of the winning container. Captions, photo credits
 * and bylines are kept aside. The tree is only read, never changed, so a retry needs no re-parse.
 */
import type { AnyNode, Element, ParentNode } from 'domhandler';
import type { SideText } from '../../article.js';
import type { HtmlDocument } from './parse-html.js';
import { HTML_PATTERNS } from './html-patterns.js';

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
}

export const DEFAULT_MAIN_TEXT_OPTIONS: MainTextOptions = {
  minBlockChars: 25,
  minMainTextChars: 250,
  maxLinkDensity: 0.5,
  siblingScoreRatio: 0.2,
  wrapperTextShare: 0.5,
  maxSideTextChars: 300,
};

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

const CASCADE: readonly ExtractionPass[] = [
  { name: 'scored', pruneByClues: true, pickContainer: true },
  { name: 'scored-unpruned', pruneByClues: false, pickContainer: true },
  { name: 'all-blocks', pruneByClues: true, pickContainer: false },
];

/** Never text: code, media, controls, and the furniture HTML5 names itself. */
const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'picture', 'img', 'button', 'select', 'option', 'input', 'textarea', 'nav', 'aside', 'dialog', 'title',
  'map', 'link', 'meta', 'menu', 'label', 'datalist', 'output', 'progress', 'meter',
]);
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
/** Score for a class/id that says "article" or "furniture" (Readability's class weight). */
const CLUE_WEIGHT = 25;
/** schema.org's articleBody marks the body explicitly: worth more than any class name. */
const ARTICLE_BODY_WEIGHT = 50;
/** Readability lets a block vote for its parent (full), grandparent (half) and up to 5 levels (1/(3·level)). */
const VOTING_LEVELS = 5;
/** How far up a lede is looked for, how long it must be (characters) and at most (share of the body's text). */
const LEDE_LEVELS = 3;
const LEDE_MIN_CHARS = 80;
const LEDE_MAX_SHARE = 0.5;
/** Readability: a block's length adds one point per 100 characters, at most 3. */
const CHARS_PER_POINT = 100;
const MAX_LENGTH_POINTS = 3;
/**
 * Commas count as Readability's points only up to one per this many characters: prose has one per
 * 60–120, while lists of names or tags ("Berlin, Hamburg, Köln, …") would otherwise outvote the article.
 */
const MIN_CHARS_PER_COMMA = 30;
/** Marks a <br> in paragraph text until paragraphs are split (a private-use character never in real text). */
const LINE_BREAK = '\uE000';
const DOUBLE_LINE_BREAK = /\uE000\s*\uE000[\s\uE000]*/;
/** Furniture labels are a few words ("Das könnte Sie auch interessieren:" is 34 characters). */
const MAX_FURNITURE_LINE_CHARS = 60;
/** Date lines are short: "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019" is 68. */
const MAX_DATE_LINE_CHARS = 100;
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
  const rawStats = new Map<Element, BlockStats>();
  measure(root, new Set(), rawStats);
  let best: MainText | null = null;
  let bestChars = -1;
  for (const pass of CASCADE) {
    const result = runPass(root, pass, options, rawStats, title);
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
  options: MainTextOptions,
  rawStats: Map<Element, BlockStats>,
  title: string | null,
): MainText {
  const pruned = findFurniture(root, pass, options, rawStats, unlinkedChars(statsOf(rawStats, root)));
  const stats = new Map<Element, BlockStats>();
  measure(root, pruned, stats);
  const reader = new ParagraphReader(pruned, stats, options, title);
  if (pass.pickContainer) {
    for (const block of pickContainer(root, pruned, stats, options)) reader.read(block);
  } else {
    reader.read(root);
  }
  return reader.result(pass.name);
}

/** The set of elements this pass leaves out: furniture by tag, role, visibility and (optionally) class/id. */
function findFurniture(
  root: ParentNode,
  pass: ExtractionPass,
  options: MainTextOptions,
  rawStats: Map<Element, BlockStats>,
  pageUnlinkedChars: number,
): Set<Element> {
  const pruned = new Set<Element>();
  const size: BlockSize = {
    chars: (el) => statsOf(rawStats, el).chars,
    isWrapper: (el) => unlinkedChars(statsOf(rawStats, el)) >= options.wrapperTextShare * pageUnlinkedChars,
  };
  const visit = (node: ParentNode, insideArticle: boolean) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (isFurniture(child, pass, options, insideArticle, size)) {
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

function isFurniture(el: Element, pass: ExtractionPass, options: MainTextOptions, insideArticle: boolean, size: BlockSize): boolean {
  if (el.type !== 'tag' || DROPPED_TAGS.has(el.name)) return true;
  switch (el.name) {
    case 'html':
    case 'head':
    case 'body':
      return false;
    case 'footer':
      return !size.isWrapper(el);
    case 'header':
      return !insideArticle && !size.isWrapper(el);
    case 'form':
      // Search, login and newsletter forms are short; shops and ASP.NET pages wrap whole articles in one.
      return size.chars(el) < options.minMainTextChars;
  }
  const role = el.attribs.role?.toLowerCase();
  if (role !== undefined && HTML_PATTERNS.furnitureRole.test(role)) return !size.isWrapper(el);
  if (isHidden(el)) return !size.isWrapper(el);
  if (!pass.pruneByClues) return false;
  const clues = cluesOf(el);
  if (clues.length === 0) return false;
  if (HTML_PATTERNS.neverArticleBlock.test(clues)) return true;
  return HTML_PATTERNS.boilerplateBlock.test(clues) && !size.isWrapper(el);
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
function measure(node: ParentNode, pruned: ReadonlySet<Element>, stats: Map<Element, BlockStats>, inLink = false): BlockStats {
  const own: BlockStats = { chars: 0, linkChars: 0, commas: 0, inlineChars: 0 };
  for (const child of node.children) {
    if (child.type === 'text') {
      const { chars, commas } = countText(child.data);
      own.chars += chars;
      own.inlineChars += chars;
      own.commas += commas;
      if (inLink) own.linkChars += chars;
    } else if (isElement(child) && !pruned.has(child) && !DROPPED_TAGS.has(child.name)) {
      const sub = measure(child, pruned, stats, inLink || child.name === 'a');
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
  options: MainTextOptions,
): ParentNode[] {
  const scores = new Map<Element, Scored>();
  const scoreOf = (el: Element): Scored => {
    let entry = scores.get(el);
    if (entry === undefined) {
      entry = { el, score: initialScore(el) };
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
        const commas = Math.min(s.commas, unitChars / MIN_CHARS_PER_COMMA);
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
    .map((c) => ({ el: c.el, score: c.score * (1 - linkDensity(stats.get(c.el) ?? EMPTY_STATS)) }))
    .sort((a, b) => b.score - a.score);
  const top = ranked[0];
  if (top === undefined || top.score <= 0) return [root];
  const final = new Map(ranked.map((c) => [c.el, c.score]));
  const chosen = liftToArticleElement(liftToCommonAncestor(top, ranked.slice(1, 5), final), stats, options);
  const blocks = withSiblings(chosen, final.get(chosen) ?? top.score, pruned, stats, options);
  const ledes = findLedes(chosen, stats, options).filter((lede) => !blocks.includes(lede));
  return [...ledes, ...blocks];
}

function initialScore(el: Element): number {
  let score = TAG_SCORE[el.name] ?? 0;
  const clues = cluesOf(el);
  if (clues.length > 0) {
    if (HTML_PATTERNS.unlikelyBlock.test(clues) || HTML_PATTERNS.boilerplateBlock.test(clues)) score -= CLUE_WEIGHT;
    if (HTML_PATTERNS.articleBlock.test(clues)) score += CLUE_WEIGHT;
  }
  if (el.attribs.itemprop?.toLowerCase() === 'articlebody') score += ARTICLE_BODY_WEIGHT;
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
): Element {
  const SHARED_BY = 3;
  const MIN_SHARE_OF_TOP = 0.75;
  const contenders = runnersUp.filter((c) => c.score >= MIN_SHARE_OF_TOP * top.score);
  let chosen = top.el;
  if (contenders.length >= SHARED_BY) {
    for (let ancestor = top.el.parent; ancestor !== null && isElement(ancestor) && ancestor.name !== 'body'; ancestor = ancestor.parent) {
      const containing = contenders.filter((c) => isInside(c.el, ancestor!)).length;
      if (containing >= SHARED_BY) {
        chosen = ancestor;
        break;
      }
    }
  }
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
      if (s.chars < LEDE_MIN_CHARS || s.chars > LEDE_MAX_SHARE * own.chars || linkDensity(s) > options.maxLinkDensity / 2) break;
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
  options: MainTextOptions,
): ParentNode[] {
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
    const siblingScore = initialScore(sibling) + bonus;
    const density = linkDensity(s);
    const prose = sibling.name === 'p' && density < SIBLING_PROSE_MAX_LINK_DENSITY && s.chars > SIBLING_PROSE_MIN_CHARS;
    if (siblingScore >= threshold || prose) blocks.push(sibling);
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

  constructor(
    private readonly pruned: ReadonlySet<Element>,
    private readonly stats: Map<Element, BlockStats>,
    private readonly options: MainTextOptions,
    title: string | null,
  ) {
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
      if (!isElement(child) || this.pruned.has(child) || DROPPED_TAGS.has(child.name)) continue;
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
    if (this.isSideBlock(el)) {
      this.addSideText(el);
      return 'continue';
    }
    if (LIST_TAGS.has(el.name) && linkDensity(s) > this.options.maxLinkDensity) return 'continue';
    if (HEADING_TAGS.has(el.name)) {
      const text = foldText(textOf(el));
      if (HTML_PATTERNS.furnitureHeading.test(text)) return 'rest-is-furniture';
      if (el.name === 'h1' && this.isTitle(text)) return 'continue';
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
    const text = foldText(textOf(el, this.pruned));
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
      if (this.isSideBlock(node, true)) this.addSideText(node);
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
    if (linkChars / chars > this.options.maxLinkDensity) return;
    for (const text of pieces) this.addParagraph(text, heading);
  }

  private addParagraph(text: string, heading: boolean): void {
    if (text.length <= MAX_FURNITURE_LINE_CHARS && HTML_PATTERNS.furnitureLine.test(text)) return;
    // A time stamp above or below the article; the date readers look at the tree, not at our text.
    if (text.length <= MAX_DATE_LINE_CHARS && HTML_PATTERNS.dateLine.test(text)) {
      this.sideTexts.push({ kind: 'boilerplate', text });
      return;
    }
    if (!heading && text.length <= this.options.maxSideTextChars && HTML_PATTERNS.photoCreditLine.test(text)) {
      this.sideTexts.push({ kind: 'photo-credit', text });
      return;
    }
    if (!heading && this.byline === null && this.paragraphs.length < 3 && text.length <= 100 && HTML_PATTERNS.bylineLine.test(text)) {
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

function textOf(node: AnyNode, pruned?: ReadonlySet<Element>): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node) && !('children' in node)) return '';
  if (isElement(node) && (pruned?.has(node) || DROPPED_TAGS.has(node.name))) return '';
  let text = '';
  for (const child of (node as ParentNode).children) {
    text += isElement(child) && child.name === 'br' ? ' ' : textOf(child, pruned);
    if (isElement(child) && !INLINE_TAGS.has(child.name)) text += ' ';
  }
  return text;
}

/** One paragraph's text: invisible characters removed, every whitespace run (no-break spaces too) one space, NFC. */
function foldText(text: string): string {
  return text.replace(HTML_PATTERNS.invisibleChar, '').replace(HTML_PATTERNS.whitespaceRun, ' ').trim().normalize('NFC');
}
