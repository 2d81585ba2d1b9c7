// A member applies a 学习资料包 version (docs/pack.md): each imported document goes through the same
// writeImport as an import (cards by stable id: progress, edits and history kept; content refreshed),
// cards the pack no longer has are retired, never deleted, and the 学习会 day becomes the member's
// study plan if the member accepts it. The member's progress never leaves this computer; readiness
// (已掌握, due, card count per document) is computed here for the member who chooses to share it.
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
import { manifestOf, type PackManifest } from '../pack/diff';

export interface PackApplied {
  manifest: PackManifest;
  /** Bundled documents of the pack this Tifa does not have (an older or newer bundled deck). */
  missing: string[];
  /** Why the 学习会 was not saved (a day already past), in Chinese. */
  planProblem?: string;
  planSaved: boolean;
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

/** One imported document, through the import's own path. Cards of the member's own import of it stay. */
async function applyImported(db: TifaDB, d: ImportedPackDoc, before: Set<string>, now: Date): Promise<void> {
  const { doc } = d;
  const sid = doc.source.id;
  const packIds = new Set(doc.cards.map((c) => c.id));
  const own = (await db.cards.where('sourceIds').equals(sid).toArray()).filter(
    (c) => !c.retired && !packIds.has(c.id) && !before.has(c.id),
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
  const manifest = manifestOf(pack);
  const missing: string[] = [];
  await db.transaction('rw', [db.sources, db.notes, db.cards, db.conflicts, db.texts, db.settings], async () => {
    for (const d of pack.documents) {
      const local = await db.sources.get(packDocId(d));
      if (d.kind === 'bundled') {
        if (!local || local.origin !== BUNDLED) missing.push(packDocTitle(d));
      } else if (local && local.origin !== `import:${local.id}`) {
        throw new StoreError(`资料包里的《${packDocTitle(d)}》与本机已有的文件编号冲突，已拒绝这个资料包。`, 'invalid');
      }
    }
    for (const d of pack.documents) {
      if (d.kind !== 'import') continue;
      await applyImported(db, d, new Set(Object.keys(previous?.docs[d.doc.source.id]?.cards ?? {})), now);
    }
    // Cards of earlier versions the pack no longer has: retired with their history. Only a card the
    // pack's own document owns: bundled cards belong to the bundled deck, and a card another document
    // of the member owns stays, whatever an earlier version said.
    const present = new Set(Object.values(manifest.docs).flatMap((doc) => Object.keys(doc.cards)));
    const gone = Object.entries(previous?.docs ?? {}).flatMap(([sid, doc]) =>
      Object.keys(doc.cards)
        .filter((id) => !present.has(id))
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
      await saveStudyPlan(db, { date: pack.session, sourceIds: Object.keys(manifest.docs) }, now);
      planSaved = true;
    } catch (err) {
      planProblem = err instanceof StoreError ? err.message : '学习会日期没有保存。';
    }
  }
  return { manifest, missing, planProblem, planSaved };
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
