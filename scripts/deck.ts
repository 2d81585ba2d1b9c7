// Prints the deck built from data/sources/*.txt as JSON on stdout (nothing else goes to stdout),
// or writes it to the file given with --out. With file arguments, builds it from exactly those files.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildDeck } from '../data/knowledge/deck';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outFile = outAt >= 0 ? args[outAt + 1] : undefined;
const files = args.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));

const dir = join(import.meta.dirname, '../data/sources');
const paths = files.length
  ? files
  : readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(dir, f));
const docs = paths.map((p) => ({ file: basename(p), text: readFileSync(p, 'utf8') }));
const json = JSON.stringify(buildDeck(docs));
if (outFile) writeFileSync(outFile, json + '\n');
else process.stdout.write(json + '\n');
