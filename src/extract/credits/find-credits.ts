/** Finds the news agencies and sources an article credits ("Quelle: dpa, AFP", "(dpa-AFX)"). */
import type { Credit, SideText } from '../../article.js';

export function findCredits(_text: string, _sideTexts: readonly SideText[]): Credit[] {
  return [];
}
