// The deck from documents: normalize → extract → merge → conflicts → cards → terms. Pure: the
// same function builds the bundled deck in Node and an imported document's cards in the extension.
import { toTraditional } from './to-traditional';
import type { Card, Conflict, Deck, Note, Source } from './types';
import { highlightable, highlightTerms, noteTexts } from './highlight-terms';
import { normalizeDocument } from './normalize';
import { extractFigures } from './figures';
import { comparable, evidenceAt, mergeEvidence, stableId, type DocText } from './merge';
import { findConflicts, numberOccurrences } from './conflicts';
import { figureCard, formulationCards, termCards } from './cards';
import type { MarkedEvidence } from './types';
import { formulationNotes } from './formulation-notes';
import { sourceMeta } from './source-meta';
import { extractFormulations } from './formulations';
import { extractTerms, namedMechanismCloze } from './terms';
import { extractStatements, statementCard, statementNote } from './statements';
import { flagSuspectYears, heldOnlyNoteIds, selfContradictory, suspicion } from './suspect';
import { orderEvidence } from './quotes';
import { figureDrafts, mergeNearFigures } from './deck-figures';
import { GLOSSARY, glossaryAsOf } from '../glossary';
import type { RawFigure, RawFormulation } from './raw';

export const DECK_VERSION = 1;

export function buildDeck(docs: Array<{ file: string; text: string }>): Deck {
  const sources: Source[] = [];
  const texts: DocText[] = [];
  const figuresByDoc: RawFigure[][] = [];
  for (const d of docs) {
    const norm = normalizeDocument(d.text);
    const meta = sourceMeta(d.file, norm.text, norm.traditional, norm, d.text);
    sources.push(meta);
    texts.push({ source: meta.id, original: d.text, norm });
    figuresByDoc.push(extractFigures(norm.text, norm.sentences));
  }

  // Each document is read with the glossary's wording of its own date (四个全面 before and after 2020-10-29).
  const found = texts.map((doc, i) => {
    const glossary = glossaryAsOf(sources[i].date);
    return { doc, glossary, found: extractFormulations(doc.norm.text, glossary) };
  });
  const formulations = formulationNotes(found, GLOSSARY);
  const statements = statementNotes(texts, sources);
  const conflictList = findConflicts(texts.flatMap((doc, i) => numberOccurrences(doc, figuresByDoc[i])));
  const { suspects, distrust } = suspicion(conflictList);
  const figures = mergeNearFigures(figureDrafts(texts, figuresByDoc, sources), distrust);
  const named = new Set(formulations.flatMap(({ note }) => [note.name, ...(note.aliases ?? [])].map(comparable)));
  // A quoted name that is a formulation's name or alias is that formulation, not a second note.
  const terms = termNotes(found).filter(({ note }) => !named.has(comparable(note.name)));

  const conflictsAt = new Map<string, string[]>();
  for (const c of conflictList) {
    for (const o of c.occurrences) {
      const s = o.doc.norm.sentences.find((x) => x.end > o.start);
      const k = `${o.doc.source}:${s?.start}`;
      conflictsAt.set(k, [...new Set([...(conflictsAt.get(k) ?? []), c.id])]);
    }
  }

  let cards: Card[] = [];
  const title = (id: string) => sources.find((x) => x.id === id)?.title.replace(/\s+/g, '');
  cards.push(
    ...withoutNestedClozes(
      mergeMemberCards(formulations.flatMap(({ note, marked, cue }) => formulationCards(note, marked, { cue, title }))),
      formulations.map((f) => f.note),
    ),
  );
  for (const f of figures) {
    const card = figureCard(f.note, f.prompt, f.answer);
    const touched = [...new Set(f.sentences.flatMap((k) => conflictsAt.get(k) ?? []))];
    if (touched.length) card.conflicts = touched;
    cards.push(card);
  }
  for (const { note, marked, cloze } of terms) cards.push(...termCards(note, marked, cloze));
  for (const { note, prompt } of statements) cards.push(statementCard(note, prompt));
  cards = cards.filter((c) => !selfContradictory(c.prompt) && !selfContradictory(c.answer));
  for (const c of cards) c.evidence = orderEvidence(c, distrust);

  const notes = [
    ...formulations.map((f) => f.note),
    ...figures.map((f) => f.note),
    ...terms.map((t) => t.note),
    ...statements.map((s) => s.note),
  ];
  const conflicts: Conflict[] = conflictList.map(({ occurrences: _o, ...c }) => ({
    ...c,
    notes: [...new Set(cards.filter((card) => card.conflicts?.includes(c.id)).map((card) => card.noteId))],
  }));
  conflicts.push(...flagSuspectYears(cards, conflicts, sources, suspects));
  for (const n of notes) n.evidence = [...n.evidence].sort((a, b) => distrust(a) - distrust(b));
  cards.sort((a, b) => b.importance - a.importance || (a.id < b.id ? -1 : 1));
  const kept = dedupeCards(cards);
  // A note whose every card is held back is not highlighted on pages either (data/db/held.ts, the same rule on the store).
  const heldOnly = heldOnlyNoteIds(kept);
  const shown = withVariants(notes).filter((n) => !heldOnly.has(n.id));
  return { version: DECK_VERSION, sources, notes, cards: kept, conflicts, terms: highlightTerms(shown) };
}

/** Key statements: one note per question and answer, evidence from every document that states it. */
function statementNotes(texts: DocText[], sources: Source[]): Array<{ note: Note; prompt: string }> {
  const byKey = new Map<string, { note: Note; prompt: string }>();
  texts.forEach((doc, i) => {
    for (const st of extractStatements(doc.norm.text, doc.norm.sentences, { title: sources[i].title })) {
      const ev = evidenceAt(doc, st.sentence.start, st.sentence.end, [st.span]);
      const note = statementNote(st, [ev]);
      const kept = byKey.get(note.id);
      if (kept) kept.note.evidence = mergeEvidence(kept.note.evidence, [ev]);
      else byKey.set(note.id, { note, prompt: st.prompt });
    }
  });
  return [...byKey.values()];
}

function termNotes(
  perDoc: Array<{ doc: DocText; found: RawFormulation[] }>,
): Array<{ note: Note; marked: MarkedEvidence[]; cloze?: string }> {
  const byKey = new Map<string, { note: Note; marked: MarkedEvidence[]; cloze?: string }>();
  const glossaryNames = new Set(GLOSSARY.flatMap((g) => [g.name, ...g.aliases]));
  for (const { doc, found } of perDoc) {
    for (const t of extractTerms(doc.norm.text, found)) {
      const key = comparable(t.term);
      if (key.length < 2) continue;
      const span = t.definitionSpan ?? t.span;
      const ev = evidenceAt(doc, Math.min(t.span.start, span.start), Math.max(t.span.end, span.end), [t.span]);
      const kept = byKey.get(key);
      // A quoted mechanism or campaign without a definition is asked from its clause (issue 14.5).
      const cloze = glossaryNames.has(t.term) ? undefined : namedMechanismCloze(doc.norm.text, t);
      if (kept) {
        if (!kept.note.definition && t.definition) kept.note.definition = t.definition;
        kept.cloze ??= cloze;
        if (!kept.marked.some((m) => m.ev.source === doc.source)) kept.marked.push({ ev });
        kept.note.evidence = kept.marked.map((m) => m.ev);
        continue;
      }
      const note: Note = {
        id: stableId('term', key),
        kind: 'term',
        name: t.term,
        evidence: [ev],
        importance: t.definition ? 0.6 : 0.4,
      };
      if (t.definition) note.definition = t.definition;
      byKey.set(key, { note, marked: [{ ev }], ...(cloze ? { cloze } : {}) });
    }
  }
  return [...byKey.values()];
}

/** A member of nested formulations (不愁吃: 两不愁, 两不愁三保障) asks once and accepts every name. */
function mergeMemberCards(cards: Card[]): Card[] {
  const first = new Map<string, Card>();
  return cards.filter((c) => {
    if (c.kind !== 'formulation-member') return true;
    const kept = first.get(c.prompt);
    if (!kept) return (first.set(c.prompt, c), true);
    if (!kept.answer.split('、').includes(c.answer)) kept.answer += `、${c.answer}`;
    kept.evidence = mergeEvidence(kept.evidence, c.evidence);
    return false;
  });
}

/**
 * A formulation inside a larger one (三保障 in 两不愁三保障) asks its own list, but blanking a member
 * of it asks again what the larger one's cloze asks: those clozes are left to the larger one.
 */
function withoutNestedClozes(cards: Card[], notes: Note[]): Card[] {
  const named = notes.filter((n) => n.members?.length && n.name !== n.members.join('、'));
  const nested = new Set(
    named
      .filter((a) =>
        named.some(
          (b) => b !== a && b.members!.length > a.members!.length && a.members!.every((m) => b.members!.includes(m)),
        ),
      )
      .map((a) => a.id),
  );
  return cards.filter((c) => !(c.kind === 'formulation-cloze' && nested.has(c.noteId)));
}

/** Ids must be unique: two notes can ask the same thing (a member of two formulations). */
function dedupeCards(cards: Card[]): Card[] {
  const seen = new Set<string>();
  return cards.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

/** Each note carries the traditional forms of its page texts, so the terms can be rebuilt from notes alone. */
function withVariants(notes: Note[]): Note[] {
  for (const note of notes) {
    const variants: Record<string, string[]> = {};
    for (const { text } of noteTexts(note)) {
      if (!highlightable(text)) continue;
      const forms = [...new Set([toTraditional(text, 'tw'), toTraditional(text, 'hk')])].filter((v) => v !== text);
      if (forms.length) variants[text] = forms;
    }
    if (Object.keys(variants).length) note.variants = variants;
  }
  return notes;
}
