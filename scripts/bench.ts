// `npm run bench [deck|popup|highlight|term-index|import|anki|anki-import|fsrs|hostile|hostile-trace|sync]` (anki: the .apkg export; anki-import: reading one back): each benchmark lives in scripts/bench/ and prints its
// figures with ratios against the peer it names, measured in the same run (never a timed unit test).
import { benchDeck } from './bench/deck-bench';
import { runPopupBench } from './bench/popup-bench';
import { runHighlightBench } from './bench/highlight-bench';
import { runTermIndexBench } from './bench/term-index-bench';
import { runImportBench } from './bench/import-bench';
import { runAnkiBench } from './bench/anki-bench';
import { runAnkiImportBench } from './bench/anki-import-bench';
import { runFsrsBench } from './bench/fsrs-bench';
import { runHostileBench } from './bench/hostile-bench';
import { runHostileTrace } from './bench/hostile-trace';
import { runSyncBench } from './bench/sync-bench';

const benches: Record<string, () => Promise<void>> = {
  async deck() {
    const r = benchDeck();
    console.log(`${r.name}: ${r.medianMs.toFixed(1)} ms (target < 1000 ms)`);
    for (const [k, v] of Object.entries(r.details)) console.log(`  ${k}: ${v}`);
  },
  popup: runPopupBench,
  highlight: runHighlightBench,
  'term-index': runTermIndexBench,
  import: runImportBench,
  anki: () => runAnkiBench(process.env.ANKI_BENCH_MODE),
  'anki-import': runAnkiImportBench,
  fsrs: runFsrsBench,
  hostile: runHostileBench,
  'hostile-trace': runHostileTrace,
  sync: runSyncBench,
};

const chosen = process.argv.slice(2).filter((name) => name in benches);
for (const name of chosen.length ? chosen : Object.keys(benches)) {
  console.log(`\n== ${name}`);
  await benches[name]();
}
