// The field's standard formulations, curated by hand. The deck uses an entry to name a list that a
// document gives without its name (四个不摘), to list members a document only names (五个一批: the
// card's members are then marked as coming from the glossary), and to recognise a formulation under
// its traditional spelling. Only facts we are sure of: a wrong member is worse than a missing one, and
// an entry we could not attest (document and date) is left out. `attested` names the documents that
// state the formulation with these members (the first or the standard statement first); `origin`
// says where a member list comes from when no bundled document lists it. Names are specific: a
// generic count name ("五个必须", "三个转变", "七大战略") means different lists in different documents,
// and a glossary entry under it would replace a document's own members. Traditional aliases are
// checked against OpenCC (cn→tw, cn→hk) in tests/data/glossary.test.ts.
//
// The entries are data, one theme to a JSON file; GLOSSARY joins them in their first order, which the
// engine relies on (the first entry under a name or member set wins):
//   poverty: poverty alleviation (脱贫攻坚), its standards, targets and working system, with the overall
//     layouts and the consciousness the poverty documents cite beside them (四个全面, 五位一体, 四个意识);
//   party: political consciousness and loyalty, inner-Party education and life, the basic line and theories;
//   party-discipline: discipline and style (八项规定 on), the tests and dangers, cadres and members;
//   history-goals: education campaigns, the Party's history, the national goals, reform, the rule of law;
//   economy-rural: the economy (supply-side reform, energy, administration) and the countryside;
//   education-culture: science, education and youth, propaganda, social sciences, Chinese civilisation;
//   spirits: the spirits (精神), national, revolutionary, labour, science and those of the new era;
//   nation-world: national unity, the army, foreign affairs, livelihood, ecology, the two-step strategy;
//   party-lines: the founding spirit, the core socialist value system, the ideological and mass lines.
// An entry's `attested` holds documents inline or, for the documents many entries cite, a key of
// attestations.json ("R19"); tests/data/glossary.test.ts checks every entry's shape and every key.

import type { Attestation, GlossaryEntry } from '../knowledge/raw';
import type { Note } from '../knowledge/types';
import attestations from './attestations.json';
import poverty from './poverty.json';
import party from './party.json';
import partyDiscipline from './party-discipline.json';
import historyGoals from './history-goals.json';
import economyRural from './economy-rural.json';
import educationCulture from './education-culture.json';
import spirits from './spirits.json';
import nationWorld from './nation-world.json';
import partyLines from './party-lines.json';

type StoredEntry = Omit<GlossaryEntry, 'attested'> & { attested?: Array<string | Attestation> };

const THEMES: StoredEntry[][] = [
  poverty,
  party,
  partyDiscipline,
  historyGoals,
  economyRural,
  educationCulture,
  spirits,
  nationWorld,
  partyLines,
];
const DOCUMENTS: Record<string, Attestation | undefined> = attestations;

function attestation(ref: string | Attestation): Attestation {
  if (typeof ref !== 'string') return ref;
  const doc = DOCUMENTS[ref];
  if (!doc) throw new Error(`glossary: no document under the key ${ref}`);
  return doc;
}

export const GLOSSARY: GlossaryEntry[] = THEMES.flat().map(({ attested, ...e }) =>
  attested ? { ...e, attested: attested.map(attestation) } : e,
);

const asOf = new Map<string, GlossaryEntry[]>();

/**
 * The glossary as a document of `date` (ISO) states it: an entry reworded since (`revised`) gives its later
 * members to a document of that day or later, and to one of no known date (a text read today is read with
 * today's wording); the entries stay in their order. The same array for the same set of rewordings.
 */
export function glossaryAsOf(date: string | undefined): GlossaryEntry[] {
  const applies = (e: GlossaryEntry) => !!e.revised && (!date || date >= e.revised.since);
  const key = GLOSSARY.filter(applies)
    .map((e) => e.name)
    .join('|');
  if (!key) return GLOSSARY;
  let list = asOf.get(key);
  if (!list) {
    list = GLOSSARY.map((e) => (applies(e) ? { ...e, members: e.revised!.members, revision: e.revised!.since } : e));
    asOf.set(key, list);
  }
  return list;
}

const strip = (s: string) => s.replace(/[\s“”‘’「」『』"']/g, '');

// Lookups by name/alias and by member set, built on first use: the engine asks per formulation found.
let byName: Map<string, GlossaryEntry> | undefined;
let byMembers: Map<string, GlossaryEntry> | undefined;

function firstBy(key: (e: GlossaryEntry) => string[]): Map<string, GlossaryEntry> {
  const index = new Map<string, GlossaryEntry>();
  for (const e of GLOSSARY) for (const k of key(e)) if (!index.has(k)) index.set(k, e);
  return index;
}

/** The entry whose name or alias is `nameOrAlias` (quotes and spaces ignored). */
export function findGlossaryEntry(nameOrAlias: string): GlossaryEntry | undefined {
  const key = strip(nameOrAlias);
  if (!key) return undefined;
  byName ??= firstBy((e) => [e.name, ...e.aliases.map(strip)]);
  return byName.get(key);
}

/** The entry with exactly these members (in any order): names a list a document gives unnamed. */
export function findGlossaryByMembers(members: string[]): GlossaryEntry | undefined {
  const want = [...new Set(members.map(strip))].sort().join('|');
  byMembers ??= firstBy((e) =>
    [e.members, ...(e.revised ? [e.revised.members] : [])].map((list) => [...list].map(strip).sort().join('|')),
  );
  return byMembers.get(want);
}

/** The note's name was made by the engine from its clauses' frame and count (三个讲清楚): no document says it. */
export function hasMadeName({ provenance }: Pick<Note, 'provenance'>): boolean {
  return !!provenance?.some((p) => p.part === 'name' && p.from === 'made');
}

/**
 * What a card says of the parts the glossary supplied, with where the formulation is attested:
 * "成员来自词表（文件中未列出）。出处：党的十九大报告（2017-10-18）". Undefined when the documents say it all.
 */
export function glossaryNote({
  name,
  provenance,
  since,
}: Pick<Note, 'name' | 'provenance' | 'since'>): string | undefined {
  // A name made from the clauses' frame and count (三个讲清楚): said as such, no glossary to cite.
  if (hasMadeName({ provenance })) return '名称按句式和项数归纳（文件中未用此名）';
  const parts = provenance?.filter((p) => p.from === 'glossary').map((p) => p.part) ?? [];
  if (!parts.length) return undefined;
  const members = provenance!.filter((p) => p.part.startsWith('member:'));
  const fromGlossary = members.filter((p) => p.from === 'glossary');
  const what = fromGlossary.length
    ? `${fromGlossary.length < members.length ? '部分成员' : '成员'}来自词表（文件中未列出）`
    : '名称来自词表（文件中未用此名）';
  const entry = findGlossaryEntry(name);
  // A note in the later wording (四个全面 since 2020-10-29) is cited where that wording was first stated.
  const at = since && entry?.revised ? entry.revised.attested : entry?.attested?.[0];
  return at ? `${what}。出处：${at.title}（${at.date}）` : what;
}
