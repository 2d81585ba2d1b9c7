// The extractors' host in Node (the deck CLI and the unit tests): linkedom for HTML, pdf.js's
// legacy build on this thread (its worker module loaded here, no Worker), cMaps from node_modules.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DOMParser } from 'linkedom';
import type { ExtractEnv } from '../lib/extract';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

async function loadPdfjs() {
  // pdf.js runs its worker code in the calling thread when it finds it on globalThis.pdfjsWorker.
  const g = globalThis as { pdfjsWorker?: unknown };
  // @ts-expect-error: pdf.js ships no types for its worker module
  g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as typeof import('pdfjs-dist');
}

export const nodeEnv: ExtractEnv = {
  parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document,
  pdf: { load: loadPdfjs, cMapUrl: join(pdfjsRoot, 'cmaps') + '/' },
};
