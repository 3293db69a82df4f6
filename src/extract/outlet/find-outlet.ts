/** Names the outlet that published an article: site name, domain, title suffix ("— RT DE"). */
import type { Page, Segment } from '../../page.js';

export function findOutlet(page: Page, segment: Segment): string | null {
  return segment.outlet ?? page.siteName;
}
