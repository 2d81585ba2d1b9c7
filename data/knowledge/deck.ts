// The deck from documents: normalize → extract → merge → conflicts → cards → terms. Pure: the
// same function builds the bundled deck in Node and an imported document's cards in the extension.
import * as OpenCC from 'opencc-js';
import type { Card, Conflict, Deck, Note, Source, Term } from './types';
import { normalizeDocument } from './normalize';
import { extractFigures, figureCloze, type RawFigure } from './figures';
import { comparable, evidenceAt, mergeEvidence, stableId, type DocText } from './merge';
import { findConflicts, numberOccurrences } from './conflicts';
import { figureCard, formulationCards, round, termCards, type MarkedEvidence } from './cards';
import { formulationNotes } from './formulation-notes';
import { sourceMeta } from './source-meta';
import { extractFormulations } from './formulations';
import { extractTerms, namedMechanismCloze } from './terms';
import { extractStatements, statementCard, statementNote } from './statements';
import { flagSuspectYears } from './suspect';
import { GLOSSARY } from '../glossary';
import type { RawFormulation } from './raw';

export const DECK_VERSION = 1;

interface FigureDraft {
  note: Note;
  prompt: string;
  answer: string;
  sentences: string[]; // `${source}:${normalized sentence start}`, to find conflicts touching it
}

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

  const found = texts.map((doc) => ({ doc, found: extractFormulations(doc.norm.text, GLOSSARY) }));
  const formulations = formulationNotes(found, GLOSSARY);
  const figures = figureDrafts(texts, figuresByDoc, sources);
  const terms = termNotes(found);
  const statements = statementNotes(texts, sources);

  const conflictList = findConflicts(texts.flatMap((doc, i) => numberOccurrences(doc, figuresByDoc[i])));
  const conflictsAt = new Map<string, string[]>();
  for (const c of conflictList) {
    for (const o of c.occurrences) {
      const s = o.doc.norm.sentences.find((x) => x.end > o.start);
      const k = `${o.doc.source}:${s?.start}`;
      conflictsAt.set(k, [...new Set([...(conflictsAt.get(k) ?? []), c.id])]);
    }
  }

  const cards: Card[] = [];
  const title = (id: string) => sources.find((x) => x.id === id)?.title.replace(/\s+/g, '');
  cards.push(...mergeMemberCards(formulations.flatMap(({ note, marked, cue }) => formulationCards(note, marked, { cue, title }))));
  for (const f of figures) {
    const card = figureCard(f.note, f.prompt, f.answer);
    const touched = [...new Set(f.sentences.flatMap((k) => conflictsAt.get(k) ?? []))];
    if (touched.length) card.conflicts = touched;
    cards.push(card);
  }
  for (const { note, marked, cloze } of terms) cards.push(...termCards(note, marked, cloze));
  for (const { note, prompt } of statements) cards.push(statementCard(note, prompt));

  const notes = [...formulations.map((f) => f.note), ...figures.map((f) => f.note), ...terms.map((t) => t.note), ...statements.map((s) => s.note)];
  const conflicts: Conflict[] = conflictList.map(({ occurrences: _o, ...c }) => ({
    ...c,
    notes: [...new Set(cards.filter((card) => card.conflicts?.includes(c.id)).map((card) => card.noteId))],
  }));
  const suspect = flagSuspectYears(cards, conflicts, sources);
  conflicts.push(...suspect.caveats);
  for (const s of sources) if (suspect.notes.has(s.id)) s.caveat = suspect.notes.get(s.id);
  const suspectIds = new Set(suspect.notes.keys());
  for (const n of notes) n.evidence = [...n.evidence].sort((a, b) => Number(suspectIds.has(a.source)) - Number(suspectIds.has(b.source)));
  cards.sort((a, b) => b.importance - a.importance || (a.id < b.id ? -1 : 1));
  return { version: DECK_VERSION, sources, notes, cards: dedupeCards(cards), conflicts, terms: highlightTerms(notes) };
}

/** Figures: identical clozes merge; then one fact (subject, date, value) stated in other words merges. */
function figureDrafts(texts: DocText[], figuresByDoc: RawFigure[][], sources: Source[] = []): FigureDraft[] {
  const byKey = new Map<string, FigureDraft>();
  const byFact = new Map<string, FigureDraft>();
  texts.forEach((doc, i) => {
    for (const fig of figuresByDoc[i]) {
      const cloze = figureCloze(doc.norm.text, fig);
      const { answer } = cloze;
      let { prompt } = cloze;
      // A headline figure of a report says what it measures but not of when: the document says it ("《政府工作报告》：城镇新增就业____").
      const title = sources[i]?.title.replace(/\s+/g, '');
      if (!answerable(fig, prompt) && fig.subject && !fig.event && title && title.length + prompt.length < 60) prompt = `《${title}》：${prompt}`;
      if (!answerable(fig, prompt)) continue;
      const ev = evidenceAt(doc, fig.sentence.start, fig.sentence.end, [fig.span]);
      const sentenceKey = `${doc.source}:${fig.sentence.start}`;
      const date = fig.date?.replace('年年底', '年底');
      const factKey = fig.subject && date ? `${fig.subject.slice(-4)}|${date}|${answer}` : undefined;
      const key = `${comparable(prompt)}=${answer}`;
      const existing = byKey.get(key) ?? (factKey ? byFact.get(factKey) : undefined);
      if (existing) {
        existing.note.evidence = mergeEvidence(existing.note.evidence, [ev]);
        existing.sentences.push(sentenceKey);
        byKey.set(key, existing);
        continue;
      }
      const position = fig.span.start / Math.max(1, doc.norm.text.length);
      const { span: _s, sentence: _t, targetYear, event: _e, ...figure } = fig;
      const importance = targetYear
        ? 0.85
        : 0.35 + 0.35 * (1 - position) + (fig.date ? 0.1 : 0) + (fig.subject ? 0.1 : 0);
      const draft: FigureDraft = {
        note: {
          id: stableId('figure', key),
          kind: 'figure',
          name: fig.subject ?? prompt,
          figure,
          evidence: [ev],
          importance: round(importance),
        },
        prompt,
        answer,
        sentences: [sentenceKey],
      };
      byKey.set(key, draft);
      if (factKey) byFact.set(factKey, draft);
    }
  });
  const drafts = [...new Set(byKey.values())];
  for (const d of drafts) d.note.importance = round(d.note.importance + 0.05 * (d.note.evidence.length - 1));
  return drafts;
}

/** Context a figure cloze needs when it names neither what it measures nor when: "今后____" is no question. */
const MIN_CONTEXT = 12;
const MIN_CONTEXT_WITH_SUBJECT = 8;

/** A cloze is answerable when it says what the figure measures or when, or shows enough of its sentence. */
export function answerable(fig: Pick<RawFigure, 'subject' | 'date' | 'targetYear' | 'event'>, prompt: string): boolean {
  const context = [...prompt.replace('____', '')].filter((c) => /[\u4e00-\u9fff]/.test(c)).length;
  if (fig.date || fig.targetYear) return true;
  // A date or meeting needs what happened then ("本条例自____起施行").
  if (fig.event) return context >= 6;
  // A subject alone ("年均脱贫人数____") still needs the words around it: when, where, over what.
  return context >= (fig.subject ? MIN_CONTEXT_WITH_SUBJECT : MIN_CONTEXT);
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

function termNotes(perDoc: Array<{ doc: DocText; found: RawFormulation[] }>): Array<{ note: Note; marked: MarkedEvidence[]; cloze?: string }> {
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
      const note: Note = { id: stableId('term', key), kind: 'term', name: t.term, evidence: [ev], importance: t.definition ? 0.6 : 0.4 };
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
    if (!kept) return first.set(c.prompt, c), true;
    if (!kept.answer.split('、').includes(c.answer)) kept.answer += `、${c.answer}`;
    kept.evidence = mergeEvidence(kept.evidence, c.evidence);
    return false;
  });
}

/** Ids must be unique: two notes can ask the same thing (a member of two formulations). */
function dedupeCards(cards: Card[]): Card[] {
  const seen = new Set<string>();
  return cards.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

let toTraditional: Array<(s: string) => string> | undefined;

function highlightTerms(notes: Note[]): Term[] {
  toTraditional ??= [OpenCC.Converter({ from: 'cn', to: 'tw' }), OpenCC.Converter({ from: 'cn', to: 'hk' })];
  const terms = new Map<string, Term>();
  const add = (text: string, noteId: string, role: Term['role']) => {
    const t = text.trim();
    if (t.length < 2 || t.length > 24 || terms.has(t)) return;
    const variants = [...new Set(toTraditional!.map((f) => f(t)))].filter((v) => v !== t);
    terms.set(t, { text: t, ...(variants.length ? { variants } : {}), noteId, role });
  };
  for (const n of notes.filter((x) => x.kind === 'formulation')) {
    add(n.name, n.id, 'name');
    for (const a of n.aliases ?? []) add(a, n.id, 'alias');
  }
  for (const n of notes.filter((x) => x.kind === 'formulation')) for (const m of n.members ?? []) add(m, n.id, 'member');
  for (const n of notes.filter((x) => x.kind === 'term')) add(n.name, n.id, 'term');
  return [...terms.values()];
}
