/** Names the outlet that published an article (segment, declared site name, title suffix, domain) and strips its suffix from the title. */
import type { Page, Segment } from '../../page.js';
import type { OutletTable } from './outlet-table.js';

export interface OutletFinding {
  /** Canonical outlet name, or null when nothing names it: we never guess. */
  readonly outlet: string | null;
  /** The segment's title without the outlet suffix ("Xi und Putin treffen sich | ZDFheute" → "Xi und Putin treffen sich"). */
  readonly title: string | null;
  /** What named the outlet: "segment", "site name", "title suffix", "domain". */
  readonly evidence: string | null;
}

/**
 * "Title — RT DE", "Title | ZDFheute", "Title - n-tv.de": the last separator with spaces around it.
 * A hyphen without spaces ("Nato-Osterweiterung") is part of a word, never a separator.
 */
const TITLE_OUTLET_SUFFIX = /^(?<title>.*\S)\s+[|–—-]\s+(?<suffix>[^|–—]{2,40})$/u;

export function findOutlet(page: Page, segment: Segment, outlets: OutletTable): OutletFinding {
  const suffixed = splitTitleOutletSuffix(segment.title, outlets);
  const title = suffixed?.title ?? segment.title;
  const named = (name: string) => outlets.findByName(name)?.name ?? name;

  if (segment.outlet) return { outlet: named(segment.outlet), title, evidence: 'segment' };
  if (page.siteName) return { outlet: named(page.siteName), title, evidence: 'site name' };
  if (suffixed) return { outlet: suffixed.outlet, title, evidence: 'title suffix' };
  const host = hostOf(page.origin.url);
  const byDomain = host ? outlets.findByHost(host) : undefined;
  if (byDomain) return { outlet: byDomain.name, title, evidence: 'domain' };
  return { outlet: null, title, evidence: null };
}

/** Splits a known outlet's suffix off a title; null when the title carries none (an unknown suffix stays: it may be words). */
export function splitTitleOutletSuffix(
  title: string | null,
  outlets: OutletTable,
): { readonly title: string; readonly outlet: string } | null {
  const match = title === null ? null : TITLE_OUTLET_SUFFIX.exec(title.trim());
  if (!match?.groups) return null;
  const outlet = outlets.findByName(match.groups.suffix!);
  return outlet ? { title: match.groups.title!, outlet: outlet.name } : null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    // An unparsable URL names no domain; the other clues still apply.
    return null;
  }
}
