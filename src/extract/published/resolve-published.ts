/**
 * Chooses an article's publication date from what its segment, its page and its container state,
 * and normalises it to ISO 8601 at the precision known; a stated value that is no date is reported, not guessed at.
 */
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Page, PublishedDate, Segment } from '../../page.js';
import { formatPublishedValue, parseDateExpression, type DateReadingOptions } from './date-expression.js';

export interface ResolvedPublished {
  readonly published: PublishedDate | null;
  readonly messages: readonly Diagnostic[];
}

/**
 * Container values are read as written: a time without zone stays without offset (we do not know
 * the feed's clock), and "02/04/2022" is read day first, as German feeds write it.
 */
const CONTAINER_READING: DateReadingOptions = { zone: null, slashOrder: 'day-first' };

/** Evidence the page readers give a date they copied from the container (JSONL, feed, HTTP). */
const CONTAINER_EVIDENCE = 'input metadata';

/**
 * A date as a container states it (JSONL `published`, a feed's `<pubDate>` in RFC 822 or ISO),
 * normalised: "Fri, 04 Feb 2022 11:02:00 +0100" → "2022-02-04T11:02:00+01:00". A value that is no
 * date ("31.02.2024") gives a warning and no date. `field` names the value in that warning.
 */
export function readPublishedHint(value: string | undefined, field = 'published'): ResolvedPublished {
  if (value === undefined || value.trim() === '') return { published: null, messages: [] };
  return normalisePublished({ value, evidence: CONTAINER_EVIDENCE }, field);
}

function normalisePublished(date: PublishedDate, field: string): ResolvedPublished {
  const parts = parseDateExpression(date.value, CONTAINER_READING);
  if (parts) return { published: { value: formatPublishedValue(parts, CONTAINER_READING), evidence: date.evidence }, messages: [] };
  return {
    published: null,
    messages: [
      diagnostic('warning', 'extract', 'bad-date', `${field} "${date.value.trim()}" is not a date; item kept without one`),
    ],
  };
}

/**
 * The segment's own stamp first (each part of a compound page carries its own), else the page's
 * date (container metadata, or what the page states about itself). Dates a text merely mentions
 * never reach here: the readers only take headers, markup, stamps and bylines.
 */
export function resolvePublished(page: Page, segment: Segment): ResolvedPublished {
  const stated = segment.published ?? page.published;
  if (stated === null) return { published: null, messages: [] };
  return normalisePublished(stated, stated.evidence === CONTAINER_EVIDENCE ? 'published' : stated.evidence);
}
