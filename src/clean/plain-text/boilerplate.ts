/** Removes scrape noise from a page's text (social counters, "Leave a Reply", link cards), keeping credits aside. */
import type { Page } from '../../page.js';

export function removeBoilerplate(page: Page): Page {
  return page;
}
