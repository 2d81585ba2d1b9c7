// The deck built from the five bundled documents, as tests/data/knowledge/deck.test.ts builds it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeck } from '@/data/knowledge/deck';

const DIR = join(import.meta.dirname, '../../../data/sources');

/** The bundled documents as the deck CLI reads them, in file order. */
export const bundledDocs = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(DIR, file), 'utf8') }));

export const realDeck = buildDeck(bundledDocs);
