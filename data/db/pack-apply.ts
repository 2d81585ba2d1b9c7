// A member applies a 学习资料包 version (docs/pack.md): each imported document goes through the same
// writeImport as an import (cards by stable id: progress, edits and history kept; content refreshed),
// a bundled document's chosen cards get the organiser's edits as their edit (pack-bundled.ts), cards
// the pack brought and no longer has are retired, never deleted, and the 学习会 day becomes the
// member's study plan over exactly the pack's cards if the member accepts it. The member's progress
// never leaves this computer; readiness (已掌握, due, card count per document) is computed here for
// the member who chooses to share it.
import type { Card, Note } from '../knowledge/types';
import type { CardRow, NoteRow, TifaDB } from './schema';
import { BUNDLED } from './schema';
import { StoreError } from './errors';
import { writeImport } from './import';
import { withoutUserFields } from './deck-sync';
import { getSettings } from './settings';
import { saveStudyPlan } from './study-plan';
import { progressBySource } from '../srs/metrics';
import { packDocId, packDocTitle, type DocReadiness, type ImportedPackDoc, type PackFile } from '../pack/format';
import { cardPrint, manifestOf, type PackManifest } from '../pack/diff';
import { MAX_PLAN_CARDS } from '../srs/settings';
import { applyBundled } from './pack-bundled';

export interface PackApplied {
  manifest: PackManifest;
  /** Bundled documents of the pack this Tifa does not have (an older or newer bundled deck). */
  missing: string[];
  /** Why the 学习会 was not saved (a day already past), in Chinese. */
  planProblem?: string;
  planSaved: boolean;
  /**
   * Cards the organiser changed that the member had edited: the member's edit stays (their question or
   * answer shows, the organiser's content is under it for imported documents).
   */
  kept: string[];
}

/** The deck content of a stored row (what writeImport takes); user fields are kept by writeImport itself. */
function cardOf(row: CardRow): Card {
  const { sourceIds: _s, retired: _r, ...card } = withoutUserFields(row);
  return card;
}

function noteOf(row: NoteRow): Note {
  const { origin: _o, sourceIds: _s, retired: _r, ...note } = row;
  return note;
}

/**
 * One imported document, through the import's own path. Every card of the document the pack did not
 * bring (`brought`) stays as it is: the member's own import of it, whatever a version lists or drops.
 * Returns the cards this version brings (none of their id was here before).
 */
async function applyImported(
  db: TifaDB,
  d: ImportedPackDoc,
  brought: ReadonlySet<string>,
  now: Date,
): Promise<string[]> {
  const { doc } = d;
  const sid = doc.source.id;
  const packIds = new Set(doc.cards.map((c) => c.id));
  const here = await db.cards.bulkGet([...packIds]);
  const fresh = [...packIds].filter((_, i) => !here[i]);
  const own = (await db.cards.where('sourceIds').equals(sid).toArray()).filter(
    (c) => !c.retired && !packIds.has(c.id) && !brought.has(c.id),
  );
  const ownNotes = (await db.notes.bulkGet([...new Set(own.map((c) => c.noteId))])).filter((n): n is NoteRow => !!n);
  const notes = [
    ...doc.notes.map(noteOf),
    ...ownNotes.filter((n) => !doc.notes.some((p) => p.id === n.id)).map(noteOf),
  ];
  const cards = [...doc.cards.map(cardOf), ...own.map(cardOf)];
  const { origin: _o, ...source } = doc.source;
  await writeImport(
    db,
    {
      source,
      text: doc.text.text,
      format: doc.text.format,
      deck: { version: 1, sources: [source], notes, cards, conflicts: [], terms: [] },
      conflicts: [],
    },
    new Set(cards.map((c) => c.id)),
    now,
  );
  return fresh;
}

/**
 * Applies `pack` over the version applied before (`previous`), all documents in one transaction: a
 * failure leaves the store as it was. A pack document may not take the id of a bundled document.
 */
export async function applyPack(
  db: TifaDB,
  pack: PackFile,
  previous: PackManifest | undefined,
  now: Date,
  options: { acceptSession: boolean },
): Promise<PackApplied> {
  const brought = { ...previous?.brought };
  const written = { ...previous?.written };
  const manifest: PackManifest = { ...manifestOf(pack), brought, written };
  const missing: string[] = [];
  const absent = new Set<string>();
  const kept: string[] = [];
  const tables = [db.sources, db.notes, db.cards, db.conflicts, db.texts, db.settings, db.syncState];
  await db.transaction('rw', tables, async () => {
    for (const d of pack.documents) {
      const local = await db.sources.get(packDocId(d));
      if (d.kind === 'bundled') {
        if (!local || local.origin !== BUNDLED) {
          missing.push(packDocTitle(d));
          absent.add(d.source.id);
        }
      } else if (local && local.origin !== `import:${local.id}`) {
        throw new StoreError(`资料包里的《${packDocTitle(d)}》与本机已有的文件编号冲突，已拒绝这个资料包。`, 'invalid');
      }
    }
    for (const d of pack.documents) {
      const sid = packDocId(d);
      const before = previous?.docs[sid]?.cards;
      if (d.kind === 'bundled') {
        if (!absent.has(sid)) kept.push(...(await applyBundled(db, d, written, now)));
        continue;
      }
      kept.push(...(await editedSince(db, d, before)));
      const fresh = await applyImported(db, d, new Set(brought[sid]), now);
      if (fresh.length) brought[sid] = [...new Set([...(brought[sid] ?? []), ...fresh])];
    }
    // Cards of earlier versions the pack no longer has: retired with their history. Only a card the
    // pack itself brought, of the pack's own document: bundled cards belong to the bundled deck, and a
    // card the member had before (made, or imported themselves) stays, whatever a version says.
    const present = new Set(Object.values(manifest.docs).flatMap((doc) => Object.keys(doc.cards)));
    const gone = Object.entries(previous?.docs ?? {}).flatMap(([sid, doc]) =>
      Object.keys(doc.cards)
        .filter((id) => !present.has(id) && brought[sid]?.includes(id))
        .map((id) => ({ sid, id })),
    );
    const rows = await db.cards.bulkGet(gone.map((g) => g.id));
    const retire = rows.filter((c, i): c is CardRow => !!c && !c.retired && c.origin === `import:${gone[i].sid}`);
    await db.cards.bulkPut(retire.map((c) => ({ ...c, retired: 1 as const })));
  });
  let planProblem: string | undefined;
  let planSaved = false;
  if (options.acceptSession && pack.session) {
    try {
      // Exactly the pack's cards: not the rest of a bundled document, nor the member's own cards of it.
      const cardIds = Object.values(manifest.docs).flatMap((doc) => Object.keys(doc.cards));
      const plan = { date: pack.session, sourceIds: Object.keys(manifest.docs) };
      await saveStudyPlan(db, cardIds.length <= MAX_PLAN_CARDS ? { ...plan, cardIds } : plan, now);
      planSaved = true;
    } catch (err) {
      planProblem = err instanceof StoreError ? err.message : '学习会日期没有保存。';
    }
  }
  return { manifest, missing, planProblem, planSaved, kept };
}

/** Cards of an imported document whose content this version changes but whose member edit stays on top. */
async function editedSince(db: TifaDB, d: ImportedPackDoc, before: Readonly<Record<string, string>> | undefined) {
  const changed = d.doc.cards.filter((c) => before?.[c.id] !== undefined && before[c.id] !== cardPrint(c));
  const rows = await db.cards.bulkGet(changed.map((c) => c.id));
  return rows.filter((c): c is CardRow => !!c?.edited).map((c) => c.id);
}

/** Readiness per document of the pack, over the pack's cards only: what a member may choose to share. */
export async function packReadiness(db: TifaDB, manifest: PackManifest, now: Date): Promise<DocReadiness[]> {
  const settings = await getSettings(db);
  const out: DocReadiness[] = [];
  for (const [id, doc] of Object.entries(manifest.docs)) {
    const cards = (await db.cards.bulkGet(Object.keys(doc.cards))).filter((c): c is CardRow => !!c);
    const p = progressBySource(
      cards.map((c) => ({ ...c, sourceIds: [id] })),
      now,
      settings,
    ).get(id);
    out.push({ id, mastered: p?.readiness ?? null, due: p?.dueToday ?? 0, cards: p?.total ?? 0 });
  }
  return out;
}
