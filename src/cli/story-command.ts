/** `storytrace story ID`: one event or storyline with its summary, members and why each is there. */
import type { StoryChangeRow, StoryRecord } from '../store/stories.js';
import type { SourceComparison } from '../story/compare-sources.js';
import type { MemberEvidence, TimelineEntry } from '../story/update-stories.js';
import type { MatchEvidence } from '../story/cluster-events.js';
import { entryOf, findOutletEntry, loadShippedRegistry, mergeRegistry, type OutletEntry } from '../story/outlets/outlet-registry.js';
import type { Store } from '../store/store.js';
import { writeLine } from './output.js';
import { CommandError, openExistingStore, runStoreCommand, type DatabaseOptions } from './store-option.js';
import { EXIT_CODES } from './exit-codes.js';

export interface StoryCommandOptions extends DatabaseOptions {
  readonly json?: boolean;
}

export function runStoryCommand(id: string, options: StoryCommandOptions): Promise<number> {
  return runStoreCommand(async () => {
    const store = openExistingStore(options);
    try {
      const story = await store.stories.getStory(id);
      if (story === null) {
        const known = (await store.stories.listStories()).slice(0, 5).map((s) => s.id);
        throw new CommandError(`no story "${id}"; run storytrace stories to list them (e.g. ${known.join(', ') || 'none yet'})`, EXIT_CODES.notFound);
      }
      const events = story.kind === 'storyline' ? await eventsOf(store, story) : [story];
      // Labelled when shown, not when clustered: a registry edit applies to stories already stored.
      const user = (await store.stories.listOutletOverrides()).map((row) => entryOf(row, 'user'));
      const registry = mergeRegistry(loadShippedRegistry(), user);
      const outletLabels = Object.fromEntries(
        outletsOf(events).flatMap((name) => {
          const entry = findOutletEntry(registry, name);
          return entry ? [[name, entry]] : [];
        }),
      );
      // Merges and splits that made or changed these events, oldest first.
      const changes = await store.stories.storyChangesOf([story.id, ...events.map((e) => e.id)]);
      await writeLine(options.json ? JSON.stringify({ story, events, changes, outletLabels }, null, 2) : await formatStory(store, story, events, changes, outletLabels));
      return 0;
    } finally {
      await store.close();
    }
  });
}

/** The storyline's events in date order, read by their ids (not every event's evidence). */
async function eventsOf(store: Store, storyline: StoryRecord): Promise<StoryRecord[]> {
  const ids = (await store.browse.eventsOf(storyline.id)).map((e) => e.id);
  const records = new Map((await store.stories.storiesById(ids)).map((e) => [e.id, e]));
  return ids.map((id) => records.get(id)!);
}

interface SummaryLine {
  readonly text: string;
  readonly articleIds: readonly string[];
}

function outletsOf(events: readonly StoryRecord[]): string[] {
  const names = events.flatMap((e) => (e.evidence as { comparison?: SourceComparison }).comparison?.outlets.map((o) => o.outlet) ?? []);
  return [...new Set(names)];
}

async function formatStory(
  store: Store,
  story: StoryRecord,
  events: readonly StoryRecord[],
  changes: readonly StoryChangeRow[],
  labels: Readonly<Record<string, OutletEntry>>,
): Promise<string> {
  const lines = [`${story.kind} ${story.id}: ${story.title ?? '(untitled)'}`, `dates: ${story.dateStart ?? '?'} – ${story.dateEnd ?? '?'}`, ''];
  if (changes.length > 0) {
    lines.push('changes:');
    for (const c of changes) lines.push(`  ${c.at ?? ''}  ${c.kind === 'merge' ? `${c.from} merged into ${c.into}` : `${c.into} split off ${c.from}`}: ${c.reason}`);
    lines.push('');
  }
  if (story.kind === 'storyline') lines.push(...formatTimeline(story.summary as TimelineEntry[]), '');
  for (const event of events) {
    lines.push(`${event.dateStart ?? 'undated'}  ${event.title ?? '(untitled)'}  [${event.id}]`);
    for (const s of (event.summary as SummaryLine[]) ?? []) lines.push(`  • ${s.text} (${s.articleIds.length} article${s.articleIds.length === 1 ? '' : 's'})`);
    const evidence = new Map(((event.evidence as { members?: MemberEvidence[] }).members ?? []).map((m) => [m.articleId, m]));
    for (const articleId of event.articleIds) {
      const stored = await store.getArticle(articleId);
      const a = stored?.article;
      lines.push(`    ${articleId.slice(0, 12)}  ${a?.published ?? '?'}  ${a?.outlet ?? '(unknown outlet)'}  ${a?.title ?? ''}`);
      lines.push(...formatMembership(evidence.get(articleId)));
    }
    lines.push(...formatComparison((event.evidence as { comparison?: SourceComparison }).comparison, labels));
    lines.push('');
  }
  return lines.join('\n');
}

/** Why an article is in its event: the member it matched and what they share, down to the passages. */
function formatMembership(member: MemberEvidence | undefined): string[] {
  if (member === undefined || member.matched === null || member.shared === null) return [];
  return [
    `      joined through ${member.matched.slice(0, 12)}: ${formatShared(member.shared)}`,
    ...member.bridges.map((b) => `      merged its event in through ${b.matched.slice(0, 12)}: ${formatShared(b.evidence)}`),
  ];
}

function formatShared(shared: MatchEvidence): string {
  const parts = [`score ${shared.score.toFixed(2)}`];
  if (shared.entities.length > 0) parts.push(`entities ${shared.entities.slice(0, 5).join(', ')}`);
  if (shared.terms.length > 0) parts.push(`words ${shared.terms.slice(0, 5).join(', ')}`);
  if (shared.quotes.length > 0) parts.push(`statements ${shared.quotes.map((q) => `${q.speaker} „${q.text.slice(0, 60)}“`).join(', ')}`);
  if (shared.days !== null) parts.push(`event days ${shared.days[0]} / ${shared.days[1]}`);
  // Each passage by its reuse link and its offsets in both texts, so it can be checked (`storytrace show`, the export's reuse records).
  for (const p of shared.passageLinks ?? []) parts.push(`${p.kind} passage ${p.linkId.slice(0, 12)} at ${p.article.start}–${p.article.end} here, ${p.matched.start}–${p.matched.end} there`);
  if ((shared.passageLinks ?? []).length === 0 && shared.passages > 0) parts.push(`${shared.passages} reuse passage${shared.passages === 1 ? '' : 's'}`);
  return parts.join('; ');
}

/** Outlets side by side: what each carried, left out or framed; evidence, not a verdict. */
function formatComparison(comparison: SourceComparison | undefined, labels: Readonly<Record<string, OutletEntry>>): string[] {
  if (comparison === undefined) return [];
  const lines = ['  sources:'];
  if (comparison.firstReported) lines.push(`    first: ${comparison.firstReported.outlet} (${comparison.firstReported.published})`);
  for (const a of comparison.agencyDependence) lines.push(`    ${a.text}`);
  if (comparison.sharedTextOutlets.length > 1) lines.push(`    same sentences word for word: ${comparison.sharedTextOutlets.join(', ')}`);
  for (const o of comparison.outlets) {
    const parts = [`${o.articleIds.length} article${o.articleIds.length === 1 ? '' : 's'}`];
    if (o.quotes.length > 0) parts.push(`quotes ${o.quotes.slice(0, 6).map((q) => `${q.speaker} ×${q.count}`).join(', ')}`);
    if (o.uniqueEntities.length > 0) parts.push(`only here: ${o.uniqueEntities.slice(0, 5).join(', ')}`);
    if (o.leftOut.length > 0) parts.push(`leaves out: ${o.leftOut.join(', ')}`);
    if (o.unattributedClaims.length > 0) parts.push(`${o.unattributedClaims.length} of ${o.attributedClaims + o.unattributedClaims.length} quoted claims without a speaker`);
    if (o.framing.length > 0) parts.push(`framing: ${o.framing.slice(0, 6).map((f) => `${f.marker} (${f.kind}, @${f.start})`).join(', ')}`);
    const label = labels[o.outlet];
    const registry = label ? ` [${[label.country, label.type, ...label.sanctions].filter(Boolean).join(', ')}]` : '';
    lines.push(`    ${o.outlet}${registry}: ${parts.join('; ')}`);
  }
  return lines;
}

/** Events down, outlets across: how many articles each outlet gave each event. */
function formatTimeline(timeline: readonly TimelineEntry[]): string[] {
  const outlets = [...new Set(timeline.flatMap((t) => Object.keys(t.outlets)))].sort();
  const lines = ['timeline (articles per outlet):', `  ${''.padEnd(24)}${outlets.map((o) => o.slice(0, 12).padStart(13)).join('')}`];
  for (const t of timeline) {
    const when = t.dateStart === t.dateEnd ? (t.dateStart ?? 'undated') : `${t.dateStart ?? '?'}–${t.dateEnd ?? '?'}`;
    lines.push(`  ${when.padEnd(24)}${outlets.map((o) => String(t.outlets[o] ?? '·').padStart(13)).join('')}  ${t.title ?? ''}`);
  }
  return lines;
}
