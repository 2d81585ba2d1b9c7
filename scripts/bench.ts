// Benchmarks: each lives in scripts/bench/ and returns a result; this file only runs and prints them.
import { benchDeck, type BenchResult } from './bench/deck-bench';

const benches: Array<() => BenchResult> = [() => benchDeck()];

for (const run of benches) {
  const r = run();
  console.log(`${r.name}: ${r.medianMs.toFixed(1)} ms`);
  for (const [k, v] of Object.entries(r.details)) console.log(`  ${k}: ${v}`);
}
