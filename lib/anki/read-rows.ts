// The rows an Anki import writes: one imported document per chosen deck (so the documents page,
// 删除 and backups treat it like any import), a note and cards per Anki note, and the review log.
// Every row passes its table's schema (data/db/records.ts) here, before anything is written: a row
// that does not fit refuses the whole import, naming the note ("第 12 条笔记：答案太长").
import { hash64 } from '../../data/knowledge/merge';
import { parseRecord, type TableName } from '../../data/db/records';
import type { CardRow, NoteRow, ReviewLogRow, SourceRow } from '../../data/db/schema';
import { AnkiError, type AnkiCollection, type AnkiRevlog } from './read-types';
import { cardContent, type FieldMap } from './read-plan';
import { ankiSchedule } from './read-schedule';
import { tifaCardOf } from './read-tifa';

export interface AnkiChoice {
  /** Deck ids to import. */
  decks: number[];
  /** Per note type id: which field is 问题 / 答案 / 原文. */
  maps: Record<number, FieldMap>;
  /** 保留复习进度 (true) or 从新开始 (false). */
  keep: boolean;
}

export interface AnkiRows {
  sources: SourceRow[];
  notes: NoteRow[];
  cards: CardRow[];
  logs: ReviewLogRow[];
  /** Anki cards left out: an empty question or answer, or a cloze number the text lacks. */
  skipped: number;
}

// The same origin as an imported document (data/db/import.ts importOrigin), so 删除 and re-import treat it alike.
const originOf = (sid: string) => `import:${sid}`;
export const ankiSourceId = (created: number, deckName: string) => `anki-${hash64(`${created}\u0000${deckName}`)}`;
export const ankiNoteId = (guid: string) => `anki-${hash64(guid)}`;
const MAX_FIELD = 20_000;
const cut = (s: string, max = MAX_FIELD) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function checked<T>(table: TableName, raw: unknown, where: string): T {
  const parsed = parseRecord(table, raw);
  if ('problem' in parsed) throw new AnkiError('damaged', `${where}：${parsed.problem}，没有导入任何内容。`);
  return parsed.row as T;
}

/** Progress: how many cards are done of how many. */
export type RowsProgress = (done: number, total: number) => void;

export function buildAnkiRows(
  col: AnkiCollection,
  choice: AnkiChoice,
  file: string,
  now: Date,
  onProgress?: RowsProgress,
  /** The user's trained FSRS weights: the memory state replayed from a card's revlog follows them. */
  weights?: readonly number[],
): AnkiRows {
  const decks = new Set(choice.decks);
  const deckNames = new Map(col.decks.map((d) => [d.id, d.name]));
  const notetypes = new Map(col.notetypes.map((nt) => [nt.id, nt]));
  const notes = new Map(col.notes.map((n, i) => [n.id, { note: n, index: i + 1 }]));
  const logsOf = new Map<number, AnkiRevlog[]>();
  for (const r of col.revlog) {
    const list = logsOf.get(r.cid);
    if (list) list.push(r);
    else logsOf.set(r.cid, [r]);
  }
  const sources = new Map<number, SourceRow>();
  const noteRows = new Map<string, NoteRow>();
  const cards: CardRow[] = [];
  const logs: ReviewLogRow[] = [];
  let skipped = 0;
  const chosen = col.cards.filter((c) => decks.has(c.did));
  // New cards come in Anki's order (its due is the position): earlier ones rank higher.
  const newRank = new Map(
    chosen
      .filter((c) => c.type === 0)
      .sort((a, b) => a.due - b.due)
      .map((c, i, all) => [c.id, 1 - i / all.length]),
  );
  chosen.forEach((c, i) => {
    if (i % 500 === 0) onProgress?.(i, chosen.length);
    const entry = notes.get(c.nid);
    const nt = entry && notetypes.get(entry.note.mid);
    const map = nt && choice.maps[nt.id];
    const content = entry && nt && map ? cardContent(entry.note, nt, c.ord, map) : null;
    if (!entry || !nt || !map || !content) return void skipped++;
    const where = `第 ${entry.index} 条笔记`;
    let source = sources.get(c.did);
    if (!source) {
      const name = deckNames.get(c.did) ?? `卡组 ${c.did}`;
      const id = ankiSourceId(col.created, name);
      source = checked<SourceRow>(
        'sources',
        { id, file, title: name.split('::').join(' › '), origin: originOf(id) },
        `卡组“${name}”`,
      );
      sources.set(c.did, source);
    }
    const sid = source.id;
    // Tifa's own card coming back: its old id (and kind), so it meets the original instead of copying it.
    const tifa = tifaCardOf(entry.note, nt, c.ord);
    const noteId = tifa?.noteId ?? ankiNoteId(entry.note.guid || String(entry.note.id));
    const marks = tifa && content.quote === entry.note.fields[map.quote] ? entry.note.quoteMarks : content.marks;
    const evidence = [
      { source: sid, quote: cut(content.quote), ...(marks && content.quote.length <= MAX_FIELD ? { marks } : {}) },
    ];
    const note = noteRows.get(noteId);
    if (!note) {
      const name = cut(entry.note.fields[map.question] || content.prompt, 200);
      noteRows.set(
        noteId,
        checked<NoteRow>(
          'notes',
          { id: noteId, kind: 'statement', name, evidence, importance: 0.5, origin: source.origin, sourceIds: [sid] },
          where,
        ),
      );
    } else if (!note.sourceIds.includes(sid)) note.sourceIds.push(sid);
    const schedule = ankiSchedule(c, logsOf.get(c.id) ?? [], col.created, now, choice.keep, weights);
    const cardId = tifa?.id ?? `${noteId}:${c.ord}`;
    const importance = schedule.fsrs.state === 0 ? 0.5 * (newRank.get(c.id) ?? 0) : 0.5;
    const raw = {
      id: cardId,
      noteId,
      kind: tifa?.kind ?? 'statement',
      prompt: cut(content.prompt),
      answer: cut(content.answer),
      // Tifa's own list card: its members from 成员 (the records' schema checks each one).
      ...(tifa && entry.note.members ? { members: entry.note.members } : {}),
      evidence,
      importance,
      origin: source.origin,
      sourceIds: [sid],
      fsrs: schedule.fsrs,
      suspended: schedule.suspended ? 1 : 0,
      retired: 0,
      leech: false,
      seen: { count: 0 },
      addedAt: now,
    };
    cards.push(checked<CardRow>('cards', raw, where));
    for (const log of schedule.logs) logs.push(checked<ReviewLogRow>('reviewLogs', { ...log, cardId, noteId }, where));
  });
  onProgress?.(chosen.length, chosen.length);
  return { sources: [...sources.values()], notes: [...noteRows.values()], cards, logs, skipped };
}
