// The organiser's side of a 学习资料包 (docs/pack.md): the documents and cards one could publish, and
// the pack built from a choice of them. Content only: the organiser's progress, edits history,
// suspensions and 待核实 decisions never leave the computer; an edited question or answer is published
// as the card's content.
import type { CardRow, NoteRow, TifaDB } from './schema';
import { StoreError } from './errors';
import { freshSchedule } from './deck-sync';
import { heldBack } from '../knowledge/suspect';
import { PACK_FORMAT, PACK_VERSION, type PackDoc, type PackFile } from '../pack/format';

export interface PackCandidate {
  id: string;
  title: string;
  date?: string;
  bundled: boolean;
  cards: Array<{ id: string; prompt: string; chosen: boolean }>;
}

export interface PackChoice {
  documents: Array<{ id: string; cards: string[] }>;
  title?: string;
  session?: string;
}

const isImported = (origin: string, id: string) => origin === `import:${id}`;
const prompt = (c: CardRow) => c.edited?.prompt ?? c.prompt;
const answer = (c: CardRow) => c.edited?.answer ?? c.answer;

/** Every document with its active cards; chosen by default: the cards not held back as 待核实. */
export async function packCandidates(db: TifaDB): Promise<PackCandidate[]> {
  const sources = await db.sources.toArray();
  const out: PackCandidate[] = [];
  for (const s of sources) {
    const cards = (await db.cards.where('sourceIds').equals(s.id).toArray()).filter((c) => !c.retired);
    if (!cards.length) continue;
    cards.sort((a, b) => b.importance - a.importance || (a.id < b.id ? -1 : 1));
    out.push({
      id: s.id,
      title: s.title,
      date: s.date,
      bundled: !isImported(s.origin, s.id),
      cards: cards.map((c) => ({ id: c.id, prompt: prompt(c), chosen: !heldBack(c) })),
    });
  }
  return out.sort((a, b) => Number(a.bundled) - Number(b.bundled) || (b.date ?? '').localeCompare(a.date ?? ''));
}

/** A card as published: its content (the organiser's edit included), new, attested by this document only. */
function publishedCard(c: CardRow, sid: string): CardRow {
  const { edited: _e, wanted: _w, verdict: _v, conflicts: _c, fsrs: _f, due: _d, state: _s, seen: _n, ...content } = c;
  const evidence = c.evidence.filter((e) => e.source === sid);
  return {
    ...content,
    prompt: prompt(c),
    answer: answer(c),
    evidence,
    sourceIds: [sid],
    origin: `import:${sid}`,
    ...freshSchedule(c.addedAt),
  };
}

function publishedNote(n: NoteRow, sid: string): NoteRow {
  const evidence = n.evidence.filter((e) => e.source === sid);
  return { ...n, evidence, sourceIds: [sid], origin: `import:${sid}`, retired: 0 };
}

async function packDoc(db: TifaDB, id: string, cardIds: string[]): Promise<PackDoc> {
  const source = await db.sources.get(id);
  if (!source) throw new StoreError('选中的文件已不在学习中心里，请重新选择。', 'not-found');
  const cards = (await db.cards.bulkGet(cardIds)).filter(
    (c): c is CardRow => !!c && !c.retired && c.sourceIds.includes(id) && c.evidence.some((e) => e.source === id),
  );
  if (!cards.length) throw new StoreError(`《${source.title}》没有选中的卡片，请至少选择一张。`, 'invalid');
  if (!isImported(source.origin, id)) {
    return {
      kind: 'bundled',
      source: { id, title: source.title, ...(source.date ? { date: source.date } : {}) },
      cards: cards.map((c) => {
        const edited = (['prompt', 'answer'] as const).filter((f) => c.edited?.[f] !== undefined);
        return { id: c.id, prompt: prompt(c), answer: answer(c), ...(edited.length ? { edited } : {}) };
      }),
    };
  }
  const text = await db.texts.get(id);
  if (!text) throw new StoreError(`《${source.title}》的全文不在学习中心里，请重新导入这份文件。`, 'not-found');
  const noteIds = [...new Set(cards.map((c) => c.noteId))];
  const notes = (await db.notes.bulkGet(noteIds)).filter((n): n is NoteRow => !!n);
  return {
    kind: 'import',
    doc: {
      source: { ...source, origin: `import:${id}` },
      text,
      notes: notes.map((n) => publishedNote(n, id)),
      cards: cards.map((c) => publishedCard(c, id)),
      conflicts: [],
    },
  };
}

/** Version `n` of the pack from the organiser's choice. */
export async function buildPack(db: TifaDB, choice: PackChoice, n: number, now: Date): Promise<PackFile> {
  if (!choice.documents.length) throw new StoreError('请至少选择一份文件。', 'invalid');
  const documents: PackDoc[] = [];
  for (const d of choice.documents) documents.push(await packDoc(db, d.id, d.cards));
  const title = choice.title?.trim();
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    pack: n,
    publishedAt: now,
    ...(title ? { title } : {}),
    ...(choice.session ? { session: choice.session } : {}),
    documents,
  };
}
