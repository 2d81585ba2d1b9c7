// Compaction (docs/sync.md): a device replaces a run of its own files by one snapshot file holding
// the same changes condensed, once every other device has read past them. Pure: names, the
// condensing, and the read positions each device publishes (cursors.json), checked like any file
// from the remote folder.
import * as v from 'valibot';
import type { SyncOp } from './format';

/** s00000001-00000040-3f2a9c0e41d7b6a2.json: the files 1…40, condensed; the SHA-256 as for files. */
export function snapshotName(from: number, to: number, hash: string): string {
  const pad = (n: number) => String(n).padStart(8, '0');
  return `s${pad(from)}-${pad(to)}-${hash.slice(0, 16)}.json`;
}

export function parseSnapshotName(name: string): { from: number; to: number; hash: string } | undefined {
  const m = /^s(\d{8})-(\d{8})-([0-9a-f]{16})\.json$/.exec(name);
  if (!m) return undefined;
  const [from, to] = [Number(m[1]), Number(m[2])];
  return from >= 1 && from <= to ? { from, to, hash: m[3] } : undefined;
}

export const CURSORS_FILE = 'cursors.json';
const CURSORS_FORMAT = 'tifa-sync-cursors';

export interface Cursors {
  device: string;
  /** When that device last synced. */
  at: Date;
  /** How far it has read each other device's files (seq). */
  read: Record<string, number>;
}

const CursorsSchema = v.object({
  format: v.literal(CURSORS_FORMAT),
  version: v.literal(1),
  device: v.string(),
  at: v.pipe(
    v.string(),
    v.transform((s) => new Date(s)),
    v.check((d) => Number.isFinite(d.getTime())),
  ),
  read: v.pipe(
    v.record(
      v.pipe(v.string(), v.regex(/^d-[0-9a-z]{8,40}$/)),
      v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)),
    ),
    v.check((r) => Object.keys(r).length <= 1000),
  ),
});

export function serializeCursors(c: Cursors): string {
  return JSON.stringify({ format: CURSORS_FORMAT, version: 1, device: c.device, at: c.at.toISOString(), read: c.read });
}

/** A device's published read positions, or undefined when the file is missing, broken or not its own. */
export function parseCursors(text: string, device: string): Cursors | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const got = v.safeParse(CursorsSchema, data);
  if (!got.success || got.output.device !== device) return undefined;
  return { device, at: got.output.at, read: got.output.read };
}

/** Which register an op writes (documents by source), or undefined for ratings and undos. */
function register(op: SyncOp): string | undefined {
  if (op.t === 'field') return `card|${op.card}|${op.field}`;
  if (op.t === 'setting') return `setting|${op.key}`;
  if (op.t === 'reset') return `reset|${op.card}`;
  if (op.t === 'document') return `doc|${op.doc.source.id}`;
  if (op.t === 'document-deleted') return `doc|${op.source}`;
  return undefined;
}

const ORDER: Record<SyncOp['t'], number> = {
  document: 0,
  'document-deleted': 0,
  review: 1,
  history: 1,
  undo: 2,
  reset: 3,
  field: 4,
  setting: 5,
};

/**
 * One device's ops of consecutive files, in file order, condensed to what a reader ends with: every
 * rating not undone (once), every undo (a reader may hold a rating whose undo it has not read), and
 * per register the change a reader keeps — the latest stamp, the first of equal ones (receivers
 * replace a register only on a strictly later stamp). Documents come first, so a reader has the
 * cards before their edits.
 */
export function condenseOps(ops: readonly SyncOp[]): SyncOp[] {
  const undone = new Set<string>();
  for (const op of ops) if (op.t === 'undo') undone.add(op.uid);
  const seen = new Set<string>();
  const kept = new Map<string, SyncOp>();
  const out: SyncOp[] = [];
  for (const op of ops) {
    if (op.t === 'review' || op.t === 'undo' || op.t === 'history') {
      const id = `${op.t}|${op.uid}`;
      if (seen.has(id) || (op.t === 'review' && undone.has(op.uid))) continue;
      seen.add(id);
      out.push(op);
      continue;
    }
    const key = register(op)!;
    const current = kept.get(key) as { at: Date } | undefined;
    if (!current || op.at.getTime() > current.at.getTime()) kept.set(key, op);
  }
  out.push(...kept.values());
  // A stable sort: ratings and undos keep their order.
  return out
    .map((op, i) => [op, i] as const)
    .sort((x, y) => ORDER[x[0].t] - ORDER[y[0].t] || x[1] - y[1])
    .map(([op]) => op);
}
