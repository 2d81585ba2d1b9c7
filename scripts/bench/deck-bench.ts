// Deck build over the bundled documents: warm-up, then the median of N runs (target < 1 s).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeck } from '../../data/knowledge/deck';

export interface BenchResult {
  name: string;
  medianMs: number;
  details: Record<string, number>;
}

export function benchDeck(runs = 7): BenchResult {
  const dir = join(import.meta.dirname, '../../data/sources');
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
  let deck = buildDeck(docs); // warm-up: JIT and OpenCC dictionaries
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    deck = buildDeck(docs);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const details: Record<string, number> = {};
  for (const c of deck.cards) details[c.kind] = (details[c.kind] ?? 0) + 1;
  details.cards = deck.cards.length;
  details.notes = deck.notes.length;
  details.conflicts = deck.conflicts.length;
  details.terms = deck.terms.length;
  return {
    name: `deck build (${docs.length} documents, median of ${runs})`,
    medianMs: times[Math.floor(runs / 2)],
    details,
  };
}
