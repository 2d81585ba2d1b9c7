// Prints the deck built from data/sources/*.txt as JSON on stdout (nothing else goes to stdout),
// or writes it to the file given with --out.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeck } from '../data/knowledge/deck';

const dir = join(import.meta.dirname, '../data/sources');
const docs = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
const json = JSON.stringify(buildDeck(docs));
const out = process.argv.indexOf('--out');
if (out >= 0 && process.argv[out + 1]) writeFileSync(process.argv[out + 1], json + '\n');
else process.stdout.write(json + '\n');
