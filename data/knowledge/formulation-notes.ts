// Formulation notes: what the documents list, completed by the curated glossary. A glossary entry
// matched by name, alias or member set names an unnamed series (四个不摘) and supplies members no
// document lists (五个一批); provenance says which part came from where.
import type { Cue, Evidence, MarkedEvidence, Note, Provenance } from './types';
import type { GlossaryEntry, RawFormulation } from './raw';
import { comparable, evidenceAt, mergeEvidence, stableId, type DocText } from './merge';
import { listTopic } from './topic-lists';

export interface FoundFormulations {
  doc: DocText;
  found: RawFormulation[];
  /** The glossary as of the document's date (glossaryAsOf), entry for entry the one given to formulationNotes. */
  glossary?: GlossaryEntry[];
}

interface Draft {
  key: string;
  name?: string;
  entry?: GlossaryEntry;
  members: string[];
  ordered: boolean;
  marked: MarkedEvidence[];
  provenance: Provenance[];
  via?: RawFormulation['via'];
  cue?: Cue;
}

const MAX_NAMED_MEMBER = 40;
/** A list quoted whole up to this length; longer runs over sentences are quoted member by member. */
const MAX_QUOTE = 200;
const MAX_MEMBER = 24; // longer "members" are whole sentences of a 一是…二是… series, not a 提法

const setKey = (members: string[]) => members.map(comparable).sort().join('|');

interface GlossaryIndex {
  /** Comparable name or alias → index of the first entry bearing it. */
  byName: Map<string, number>;
  /** Member set key → the first entry listing that set. */
  bySet: Map<string, GlossaryEntry>;
}

const glossaryIndexes = new WeakMap<GlossaryEntry[], GlossaryIndex>();

function glossaryIndex(glossary: GlossaryEntry[]): GlossaryIndex {
  let index = glossaryIndexes.get(glossary);
  if (!index) {
    index = { byName: new Map(), bySet: new Map() };
    for (const [i, g] of glossary.entries()) {
      for (const n of [g.name, ...g.aliases]) if (!index.byName.has(comparable(n))) index.byName.set(comparable(n), i);
      if (!index.bySet.has(setKey(g.members))) index.bySet.set(setKey(g.members), g);
    }
    glossaryIndexes.set(glossary, index);
  }
  return index;
}

/** The first entry matched by name or alias, else the first with the same member set. */
function glossaryFor(f: RawFormulation, glossary: GlossaryEntry[]): GlossaryEntry | undefined {
  const { byName, bySet } = glossaryIndex(glossary);
  const names = [f.glossaryName, f.name].filter(Boolean).map((n) => comparable(n!));
  const at = Math.min(...names.map((n) => byName.get(n) ?? Infinity));
  return at < Infinity ? glossary[at] : bySet.get(setKey(f.members));
}

function marked(doc: DocText, f: RawFormulation): MarkedEvidence {
  const spans = [...f.memberSpans, ...(f.nameSpan ? [f.nameSpan] : [])];
  const from = Math.min(f.span.start, ...spans.map((s) => s.start));
  const to = Math.max(f.span.end, ...spans.map((s) => s.end));
  // An outline over several paragraphs is not one quote (it would carry everything between, photo
  // captions included): the list card quotes where it starts, each member card its own sentence.
  // So is a run over several long sentences ("增强…的政治性，…。增强…的时代性，…"): each member keeps its own.
  const between = doc.norm.text.slice(from, to);
  if (between.includes('\n') || (to - from > MAX_QUOTE && /[。！？]/.test(between.slice(0, -1)))) {
    const first = f.memberSpans[0];
    const ev = evidenceAt(
      doc,
      from,
      first.end,
      spans.filter((s) => s.end <= first.end),
    );
    const byMemberEvidence: Record<string, Evidence> = {};
    f.members.forEach((m, i) => {
      const s = f.memberSpans[i];
      if (s) byMemberEvidence[m] = evidenceAt(doc, s.start, s.end, [s]);
    });
    return { ev, byMemberEvidence };
  }
  const ev = evidenceAt(doc, from, to, spans);
  const byMember: Record<string, Array<[number, number]>> = {};
  f.members.forEach((m, i) => {
    const s = f.memberSpans[i];
    if (s) byMember[m] = [[doc.norm.toOriginal(s.start) - ev.offset!, doc.norm.toOriginal(s.end - 1) + 1 - ev.offset!]];
  });
  return { ev, byMember };
}

function combine(kept: Draft, next: Draft): Draft {
  const evidence = mergeEvidence(
    kept.marked.map((m) => m.ev),
    next.marked.map((m) => m.ev),
  );
  const all = [...kept.marked, ...next.marked];
  return {
    ...kept,
    // Documents on both sides of a rewording (glossaryAsOf): the earlier members, as before there was one.
    entry: kept.entry?.revision && next.entry && !next.entry.revision ? next.entry : kept.entry,
    name: kept.name ?? next.name,
    members: kept.members.length >= next.members.length ? kept.members : next.members,
    marked: evidence.map((e) => all.find((m) => m.ev === e)!),
    provenance: [
      ...kept.provenance,
      ...next.provenance.filter((p) => !kept.provenance.some((q) => q.part === p.part && q.source === p.source)),
    ],
    cue: kept.cue ?? next.cue,
  };
}

export function formulationNotes(
  perDoc: FoundFormulations[],
  glossary: GlossaryEntry[],
): Array<{ note: Note; marked: MarkedEvidence[]; cue?: Cue }> {
  const drafts = new Map<string, Draft>();
  const add = (d: Draft) => drafts.set(d.key, drafts.has(d.key) ? combine(drafts.get(d.key)!, d) : d);
  for (const { doc, found, glossary: own } of perDoc) {
    for (const f of found) {
      const members = f.members.map((m) => m.trim()).filter(Boolean);
      // A named set of clauses (三个讲清楚, 五个必须) keeps longer members: the clause is what is recited.
      const max = f.name && f.count ? MAX_NAMED_MEMBER : MAX_MEMBER;
      if (members.length < 2 || members.some((m) => m.length > max)) continue;
      const entry = glossaryFor(f, own ?? glossary);
      // The extractor cut the list otherwise than the glossary ("…的核心地位，坚决维护党中央权威" | "集中统一
      // 领导"), yet the glossary's members stand in one sentence here: the entry is attested as listed (below).
      if (entry && setKey(entry.members) !== setKey(members) && membersNearby(doc.norm.text, entry.members)) continue;
      const name = entry?.name ?? f.name;
      const provenance: Provenance[] = [
        ...(name
          ? [
              {
                part: 'name',
                from: f.nameMade && !entry ? 'made' : f.name ? 'document' : 'glossary',
                ...(f.name ? { source: doc.source } : {}),
              } as Provenance,
            ]
          : []),
        ...members.map((m): Provenance => ({ part: `member:${m}`, from: 'document', source: doc.source })),
      ];
      // A made name (三个坚持) is no one list's: two documents' lists under it stay two notes.
      const made = f.nameMade && !entry ? `|${setKey(members)}` : '';
      const key = entry ? `g:${entry.name}` : name ? `n:${comparable(name)}${made}` : `m:${setKey(members)}`;
      const cue: Cue | undefined =
        f.heading || f.lead || f.tail
          ? {
              ...(f.heading ? { heading: f.heading } : {}),
              ...(f.lead ? { lead: f.lead } : {}),
              ...(f.tail ? { tail: f.tail } : {}),
              source: doc.source,
            }
          : undefined;
      add({
        key,
        name,
        entry,
        members,
        ordered: f.ordered,
        marked: [marked(doc, f)],
        provenance,
        via: f.via,
        ...(cue ? { cue } : {}),
      });
    }
  }
  // Glossary entries no extractor found in a document: attested by the members standing close
  // together, or else by the name alone ("五个一批" is named, its members listed nowhere).
  for (const [i, { name }] of glossary.entries()) {
    const key = `g:${name}`;
    const attest = (entry: GlossaryEntry, marked: MarkedEvidence, provenance: Provenance[]) =>
      add({
        key,
        name: entry.name,
        entry,
        members: entry.members,
        ordered: !!entry.ordered,
        marked: [marked],
        provenance,
      });
    for (const { doc, glossary: own } of perDoc) {
      const entry = (own ?? glossary)[i];
      if (drafts.get(key)?.marked.some((m) => m.ev.source === doc.source)) continue;
      const text = doc.norm.text;
      const listed = membersNearby(text, entry.members);
      if (listed) {
        const from = Math.min(...listed.map((s) => s.start));
        const to = Math.max(...listed.map((s) => s.end));
        const ev = evidenceAt(doc, from, to, listed);
        const byMember: Record<string, Array<[number, number]>> = {};
        entry.members.forEach((m, i) => {
          byMember[m] = [
            [
              doc.norm.toOriginal(listed[i].start) - ev.offset!,
              doc.norm.toOriginal(listed[i].end - 1) + 1 - ev.offset!,
            ],
          ];
        });
        const provenance = entry.members.map((m): Provenance => ({
          part: `member:${m}`,
          from: 'document',
          source: doc.source,
        }));
        attest(entry, { ev, byMember }, provenance);
        continue;
      }
      const alias = [entry.name, ...entry.aliases].find((n) => text.includes(n));
      if (!alias) continue;
      const at = text.indexOf(alias);
      attest(entry, { ev: evidenceAt(doc, at, at + alias.length, [{ start: at, end: at + alias.length }]) }, [
        { part: 'name', from: 'document', source: doc.source },
      ]);
    }
  }
  const named = [...drafts.values()]
    .filter((d) => d.name)
    .map((d) => new Set((d.entry?.members ?? d.members).map(comparable)));
  const coveredByNamed = (members: string[]) => named.some((s) => members.every((m) => s.has(m)));
  return [...drafts.values()].filter((d) => d.name || !coveredByNamed(d.members.map(comparable))).map((d) => toNote(d));
}

/** Spans of all members when each stands within 300 chars of the first one, all in one sentence. */
function membersNearby(text: string, members: string[]): Array<{ start: number; end: number }> | undefined {
  // A member missing from the text would otherwise be looked for up to its end at every occurrence.
  if (members.length < 2 || !members.every((m) => text.includes(m))) return undefined;
  for (let at = text.indexOf(members[0]); at >= 0; at = text.indexOf(members[0], at + 1)) {
    const lo = Math.max(0, at - 300);
    // The first occurrence from lo, if it lies within at + 300 (as a search in that window would find).
    const spans = members.map((m) => {
      const i = text.indexOf(m, lo);
      return i >= 0 && i <= at + 299 ? { start: i, end: i + m.length } : undefined;
    });
    // One sentence: members scattered over neighbouring sentences ("科学立法、民主立法…。…严格执法、
    // 公正司法、全民守法") do not state the formulation.
    const found = spans.filter(Boolean) as Array<{ start: number; end: number }>;
    if (found.length < members.length) continue;
    const from = Math.min(...found.map((s) => s.start));
    const to = Math.max(...found.map((s) => s.end));
    if (!/[。！？!?\n]/.test(text.slice(from, to))) return found;
  }
  return undefined;
}

const glossaryKey = (e: GlossaryEntry) => (e.revision ? `${e.name}@${e.revision}` : e.name);

function toNote(d: Draft): { note: Note; marked: MarkedEvidence[]; cue?: Cue } {
  const members = d.entry?.members ?? d.members;
  const provenance = [...d.provenance];
  for (const m of members) {
    if (!provenance.some((p) => p.part === `member:${m}`)) provenance.push({ part: `member:${m}`, from: 'glossary' });
  }
  const name = d.name ?? members.join('、');
  const sources = new Set(d.marked.map((m) => m.ev.source)).size;
  // Two-character items of an unnamed series (民心、民意、民情; 最急、最盼、最缺) are wording, not a 提法: kept, low.
  const short = !d.entry && !d.name && members.every((m) => m.length <= 2);
  // A list the text sets under its topic ("…的主要目标：", "二、…必须遵循的原则") is as much a headline as a named one.
  const topical = !!d.cue?.heading && listTopic(d.cue.heading) !== undefined;
  const base = d.entry ? 0.95 : d.name || topical ? 0.75 : short ? 0.35 : d.via === 'series' ? 0.55 : 0.5;
  const note: Note = {
    // The later wording of a glossary entry is another note (四个全面 of 2025 beside the bundled 2018 one): the
    // store keeps each note's members with its own cards.
    id: stableId('formulation', d.entry ? glossaryKey(d.entry) : d.name ? comparable(d.name) : setKey(members)),
    kind: 'formulation',
    name,
    members,
    ordered: d.entry?.ordered ?? d.ordered,
    evidence: d.marked.map((m) => m.ev),
    provenance,
    ...(d.entry?.revision ? { since: d.entry.revision } : {}),
    importance: Math.min(1, base + 0.02 * (sources - 1)),
  };
  if (d.entry?.aliases.length) note.aliases = d.entry.aliases;
  return { note, marked: d.marked, ...(d.cue ? { cue: d.cue } : {}) };
}
