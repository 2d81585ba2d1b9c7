// Prints the deck built from data/sources/*.txt as JSON on stdout (nothing else goes to stdout),
// or writes it to the file given with --out. With file arguments, builds it from exactly those files:
// .txt (UTF-8 or GBK), .pdf, .docx, .html/.htm/.mhtml, read by lib/extract as the extension reads them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildDeck } from '../data/knowledge/deck';
import { ExtractError, extractDocument } from '../lib/extract';
import { nodeEnv } from './extract-node';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outFile = outAt >= 0 ? args[outAt + 1] : undefined;
const files = args.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));

const dir = join(import.meta.dirname, '../data/sources');

async function readDocs(): Promise<Array<{ file: string; text: string }>> {
  if (!files.length) {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
  }
  const docs = [];
  for (const path of files) {
    try {
      const bytes = new Uint8Array(readFileSync(path));
      docs.push(await extractDocument({ name: basename(path), bytes }, { env: nodeEnv }));
    } catch (error) {
      const why =
        error instanceof ExtractError
          ? error.message
          : (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? '找不到文件'
            : '无法读取文件';
      process.stderr.write(`${path}：${why}\n`);
      process.exit(1);
    }
  }
  return docs;
}

const json = JSON.stringify(buildDeck(await readDocs()));
if (outFile) writeFileSync(outFile, json + '\n');
else process.stdout.write(json + '\n');
