// What a new version of a 学习资料包 changes for a member (docs/pack.md), against what the member
// applied last (the manifest kept on the member's computer): new and removed documents, and cards
// added, changed (their question or answer) or retired, by their stable ids. Pure.
import { packCards, packDocId, packDocTitle, type PackFile } from './format';

/** What a member keeps of the version applied last: each document's title and each card's content print. */
export interface PackManifest {
  pack: number;
  title?: string;
  session?: string;
  docs: Record<string, { title: string; cards: Record<string, string> }>;
  /**
   * Per imported document, the cards the pack itself brought to this computer (none of that id was
   * here before): the only ones a later version may retire. Kept across versions, also for documents
   * a version drops. Absent in manifests of earlier Tifas: nothing is known to be the pack's then.
   */
  brought?: Record<string, string[]>;
  /**
   * Per bundled card, the question or answer the pack wrote as its edit (the organiser's), kept across
   * versions: an edit of the card that differs from it is the member's own.
   */
  written?: Record<string, { prompt?: string; answer?: string }>;
}

export interface PackItem {
  id: string;
  prompt: string;
}

export interface PackChanges {
  pack: number;
  /** The version applied before, 0 for none. */
  from: number;
  newDocs: string[];
  goneDocs: string[];
  added: PackItem[];
  changed: PackItem[];
  /** Cards the pack brought that this version no longer lists: they retire (history kept). */
  retired: PackItem[];
  /** Cards this version no longer lists that stay as they are: bundled ones, and the member's own. */
  left: PackItem[];
  /** The 学习会 day, when the pack has one and it differs from the one applied before. */
  session?: string;
}

/** A card's content print: question and answer. */
export const cardPrint = (c: { prompt: string; answer: string }) => `${c.prompt}\u0001${c.answer}`;

export function manifestOf(pack: PackFile): PackManifest {
  const docs: PackManifest['docs'] = {};
  for (const d of pack.documents)
    docs[packDocId(d)] = {
      title: packDocTitle(d),
      cards: Object.fromEntries(packCards(d).map((c) => [c.id, cardPrint(c)])),
    };
  return { pack: pack.pack, title: pack.title, session: pack.session, docs };
}

export function packChanges(pack: PackFile, previous: PackManifest | undefined): PackChanges {
  const before = previous?.docs ?? {};
  const oldCards = new Map<string, string>();
  for (const d of Object.values(before)) for (const [id, p] of Object.entries(d.cards)) oldCards.set(id, p);
  const out: PackChanges = {
    pack: pack.pack,
    from: previous?.pack ?? 0,
    newDocs: [],
    goneDocs: [],
    added: [],
    changed: [],
    retired: [],
    left: [],
  };
  const present = new Set<string>();
  for (const d of pack.documents) {
    if (!before[packDocId(d)]) out.newDocs.push(packDocTitle(d));
    for (const c of packCards(d)) {
      if (present.has(c.id)) continue;
      present.add(c.id);
      const old = oldCards.get(c.id);
      if (old === undefined) out.added.push({ id: c.id, prompt: c.prompt });
      else if (old !== cardPrint(c)) out.changed.push({ id: c.id, prompt: c.prompt });
    }
  }
  const ids = new Set(pack.documents.map(packDocId));
  for (const [id, d] of Object.entries(before)) {
    if (!ids.has(id)) out.goneDocs.push(d.title);
    const brought = new Set(previous?.brought?.[id]);
    for (const [cid, p] of Object.entries(d.cards)) {
      if (present.has(cid)) continue;
      present.add(cid);
      (brought.has(cid) ? out.retired : out.left).push({ id: cid, prompt: p.split('\u0001')[0] });
    }
  }
  if (pack.session && pack.session !== previous?.session) out.session = pack.session;
  return out;
}

/** "新增 1 份文件；新增 2 张、修改 1 张、停用 1 张卡片；1 张卡片不再列入资料包…" — or that nothing changed. */
export function changesText(c: PackChanges): string {
  const parts: string[] = [];
  if (c.newDocs.length) parts.push(`新增 ${c.newDocs.length} 份文件（${c.newDocs.join('、')}）`);
  if (c.goneDocs.length) parts.push(`移除 ${c.goneDocs.length} 份文件（${c.goneDocs.join('、')}）`);
  const cards = [
    c.added.length ? `新增 ${c.added.length} 张` : '',
    c.changed.length ? `修改 ${c.changed.length} 张` : '',
    c.retired.length ? `停用 ${c.retired.length} 张` : '',
  ].filter(Boolean);
  if (cards.length) parts.push(`${cards.join('、')}卡片`);
  if (c.left.length) parts.push(`${c.left.length} 张卡片不再列入资料包，仍保留在你这里`);
  if (c.session) parts.push(`学习会日期 ${c.session}`);
  return parts.length ? `${parts.join('；')}。` : '卡片没有变化。';
}
