// The glossary's JSON files as stored: every entry has the shape data/glossary/index.ts expects (nothing
// more, nothing less), every attestation key resolves in attestations.json, every document there is
// cited, and GLOSSARY joins every theme file, each entry once, with its documents resolved.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../data/glossary';

const dir = join(import.meta.dirname, '../../data/glossary');
const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const themeFiles = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'attestations.json');
const documents = read('attestations.json') as Record<string, unknown>;
const entries = themeFiles.flatMap((file) => {
  const list = read(file);
  if (!Array.isArray(list)) throw new Error(`${file}: not a list`);
  return list.map((e: unknown, i) => [`${file}#${i}`, e] as const);
});

const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);
const isDocument = (v: unknown) =>
  typeof v === 'object' &&
  v !== null &&
  Object.keys(v).sort().join() === 'date,title' &&
  typeof (v as { title: unknown }).title === 'string' &&
  typeof (v as { date: unknown }).date === 'string';

describe('glossary files', () => {
  it('hold nine theme files and the documents table', () => {
    expect(themeFiles).toHaveLength(9);
    expect(Object.keys(documents).length).toBeGreaterThan(20);
    for (const [key, doc] of Object.entries(documents)) {
      expect(key).toMatch(/^[A-Z]+\d*$/);
      expect(isDocument(doc), key).toBe(true);
    }
  });

  it.each(entries)('%s has the entry shape', (_at, e) => {
    expect(typeof e).toBe('object');
    const entry = e as Record<string, unknown>;
    const allowed = ['name', 'aliases', 'members', 'ordered', 'note', 'origin', 'attested', 'revised'];
    for (const key of Object.keys(entry)) expect(allowed).toContain(key);
    expect(typeof entry.name).toBe('string');
    expect(isStrings(entry.aliases)).toBe(true);
    expect(isStrings(entry.members)).toBe(true);
    if ('ordered' in entry) expect(typeof entry.ordered).toBe('boolean');
    for (const key of ['note', 'origin'] as const) if (key in entry) expect(typeof entry[key]).toBe('string');
    expect(Array.isArray(entry.attested)).toBe(true);
    for (const ref of entry.attested as unknown[]) {
      if (typeof ref === 'string') expect(documents, ref).toHaveProperty(ref);
      else expect(isDocument(ref), JSON.stringify(ref)).toBe(true);
    }
    // A later wording: from a day on, other members, stated in one document of that day.
    if ('revised' in entry) {
      const r = entry.revised as Record<string, unknown>;
      expect(Object.keys(r).sort().join()).toMatch(/^attested,members,(note,)?since$/);
      expect(r.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(isStrings(r.members)).toBe(true);
      if ('note' in r) expect(typeof r.note).toBe('string');
      expect(isDocument(r.attested), JSON.stringify(r.attested)).toBe(true);
    }
  });

  it('cites every document of the table', () => {
    const cited = new Set(entries.flatMap(([, e]) => (e as { attested: unknown[] }).attested));
    for (const key of Object.keys(documents)) expect(cited.has(key), key).toBe(true);
  });

  it('GLOSSARY joins every entry of every file, its keys resolved to the documents', () => {
    expect(GLOSSARY).toHaveLength(entries.length);
    const byName = new Map(GLOSSARY.map((e) => [e.name, e]));
    for (const [, e] of entries) {
      const stored = e as { name: string; attested: unknown[] };
      const resolved = stored.attested.map((ref) => (typeof ref === 'string' ? documents[ref] : ref));
      expect(byName.get(stored.name)?.attested).toEqual(resolved);
    }
  });
});
