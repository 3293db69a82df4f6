/** Chooses an article's publication date from what its segment, its page and its container state. */
import type { Page, PublishedDate, Segment } from '../../page.js';

export function resolvePublished(page: Page, segment: Segment): PublishedDate | null {
  return segment.published ?? page.published;
}
