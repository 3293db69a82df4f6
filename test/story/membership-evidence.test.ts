import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle } from '../store/store-contract.js';
import { runCli } from '../cli/store-cli.js';
import type { Article } from '../../src/article.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { openReuseLinker } from '../../src/provenance/link-reuse.js';
import { loadFeatureTools, updateStories, type MemberEvidence } from '../../src/story/update-stories.js';

const tools = loadFeatureTools();

/** A wire paragraph two outlets print word for word, each with its own lead. */
const WIRE =
  'Die Stadtwerke von Wendlingen haben am Mittwoch das neue Wasserwerk am Ufer der Lauter in Betrieb genommen. ' +
  'Nach Angaben des Betreibers versorgt die Anlage künftig rund vierzigtausend Haushalte mit Trinkwasser, ' +
  'die Baukosten lagen bei knapp achtzehn Millionen Euro und damit unter der ursprünglichen Schätzung.';
const FIRST = makeArticle({ text: `Wendlingen feiert sein Wasserwerk. ${WIRE} Zur Eröffnung kamen zahlreiche Gäste.`, published: '2025-06-04', outlet: 'Lauterbote', entities: [], quotes: [], dates: [] });
const SECOND = makeArticle({ text: `Neues Wasserwerk an der Lauter. ${WIRE} Kritiker bemängeln den Standort.`, published: '2025-06-04', outlet: 'Tagblatt Süd', entities: [], quotes: [], dates: [] });

test('membership evidence names each reuse passage that links an article to its match: link id, kind and offsets in both texts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storytrace-evidence-'));
  const db = join(dir, 'stories.db');
  const store = openSqliteStore(db);
  let eventId: string;
  let member: MemberEvidence;
  try {
    const linker = await openReuseLinker(store);
    for (const article of [FIRST, SECOND]) {
      await store.putArticles([article]);
      await linker.linkArticles([article]);
      await updateStories(store, [article], tools);
    }
    const links = await store.reuse.reuseLinksFor([SECOND.id]);
    assert.ok(links.length > 0, 'the linker found the shared wire paragraph');
    const [event] = await store.stories.listStories('event');
    eventId = event!.id;
    const members = (event!.evidence as { members: MemberEvidence[] }).members;
    member = members.find((m) => m.articleId === SECOND.id)!;
    assert.equal(member.matched, FIRST.id);
    const passages = member.shared!.passageLinks!;
    assert.equal(passages.length, member.shared!.passages);
    assert.deepEqual(passages.map((p) => p.linkId).sort(), links.filter((l) => l.kind !== 'paraphrase').map((l) => l.id).sort());
    // The offsets point at the same words in both texts: the user can check the claim.
    for (const p of passages) {
      const here = SECOND.text.slice(p.article.start, p.article.end);
      const there = FIRST.text.slice(p.matched.start, p.matched.end);
      assert.ok(here.length >= 150, `passage of ${here.length} characters`);
      assert.equal(here, there);
      assert.ok(WIRE.includes(here.trim().slice(0, 80)), 'the passage lies in the shared paragraph');
    }
  } finally {
    await store.close();
  }
  try {
    const text = runCli(['story', eventId, '--db', db]);
    assert.equal(text.status, 0, text.stderr);
    const p = member.shared!.passageLinks![0]!;
    assert.ok(text.stdout.includes(`joined through ${FIRST.id.slice(0, 12)}`), text.stdout);
    assert.ok(text.stdout.includes(`passage ${p.linkId.slice(0, 12)} at ${p.article.start}–${p.article.end} here, ${p.matched.start}–${p.matched.end} there`), text.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('membership evidence of an article with no reuse link lists no passages', async () => {
  const store = openSqliteStore(':memory:');
  try {
    const paraphrase: Article = makeArticle({
      text: 'Das Wasserwerk an der Lauter in Wendlingen läuft seit Mittwoch; vierzigtausend Haushalte bekommen dort ihr Trinkwasser.',
      published: '2025-06-04',
      entities: [],
      quotes: [],
      dates: [],
    });
    for (const article of [FIRST, paraphrase]) {
      await store.putArticles([article]);
      await updateStories(store, [article], tools);
    }
    const rows = await store.stories.storyMembersOf({ articleIds: [paraphrase.id], withFeatures: false });
    assert.equal(rows[0]!.matchedId, FIRST.id, 'joined on shared words');
    const evidence = rows[0]!.evidence as { passages: number; passageLinks: unknown[] };
    assert.deepEqual([evidence.passages, evidence.passageLinks], [0, []]);
  } finally {
    await store.close();
  }
});
