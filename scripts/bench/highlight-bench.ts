// Highlighting benchmark (issue 5): on one large saved news-like page, in one Chromium run,
// (a) Tifa's full highlight pass with the whole term index, (b) mark.js marking the same terms,
// (c) a bare TreeWalker read of all text (the floor). Each is measured on a fresh load of the
// page, median of a few runs. Targets: mark.js / Tifa ≥ 20, Tifa / floor ≤ 3.
//
// Terms come from `npm run --silent deck` (or a deck JSON file: TIFA_BENCH_DECK=path).
// Page size: TIFA_BENCH_MB (megabytes of UTF-8 text, default 1.2). Runs: TIFA_BENCH_RUNS (default
// 15: single runs on a shared machine vary by ±30 %, and medians of 5 were seen 20 % apart);
// TIFA_BENCH_DEBUG=1 prints every run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { buildTermIndex } from '../../data/match/index-terms';
import type { Term } from '../../data/knowledge/types';
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from '../chromium';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.TIFA_BENCH_RUNS ?? 15);
// mark.js needs about a minute per run on this page: one run unless asked for more; 0 leaves
// it out (while working on Tifa's own figures).
const MARK_RUNS = Number(process.env.TIFA_BENCH_MARK_RUNS ?? 1);

declare global {
  interface Window {
    __tifaBench: typeof import('./highlight-page');
  }
}

export async function runHighlightBench(): Promise<void> {
  const index = buildTermIndex(loadTerms());
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-'));
  const file = join(dir, 'news-large.html');
  const page = largeNewsPage(Number(process.env.TIFA_BENCH_MB ?? 1.2));
  writeFileSync(file, page.html);
  const bundle = await bundlePageCode();
  const markJs = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: QUIET_CHROMIUM_ARGS,
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const url = pathToFileURL(file).href;
    const fresh = async () => {
      await tab.goto(url, { waitUntil: 'load' });
      await tab.evaluate(() => document.body.offsetHeight); // layout done before any timing
    };

    const floors: number[] = [];
    let text = { chars: 0, nodes: 0 };
    for (let i = 0; i < RUNS; i++) {
      await fresh();
      const r = await tab.evaluate(() => {
        const t0 = performance.now();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let chars = 0;
        let nodes = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          chars += (n as Text).data.length;
          nodes++;
        }
        return { ms: performance.now() - t0, chars, nodes };
      });
      floors.push(r.ms);
      text = r;
    }

    const tifa: number[] = [];
    const walls: number[] = [];
    const paints: number[] = [];
    let found = { matches: 0, buildMs: 0 };
    for (let i = 0; i < RUNS; i++) {
      await fresh();
      await tab.addScriptTag({ content: bundle });
      const buildMs = await tab.evaluate((idx) => window.__tifaBench.prepare(idx), index);
      const r = await tab.evaluate(async () => {
        const result = await window.__tifaBench.pass();
        const t0 = performance.now();
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        return { ...result, paintMs: performance.now() - t0 };
      });
      tifa.push(r.busy);
      walls.push(r.ms);
      paints.push(r.paintMs);
      found = { matches: r.matches, buildMs };
    }

    // Slicing: on a page five times larger, the pass must still leave the page responsive.
    const big = join(dir, 'news-huge.html');
    const huge = largeNewsPage(5 * Number(process.env.TIFA_BENCH_MB ?? 1.2));
    writeFileSync(big, huge.html);
    await tab.goto(pathToFileURL(big).href, { waitUntil: 'load' });
    await tab.evaluate(() => document.body.offsetHeight);
    await tab.addScriptTag({ content: bundle });
    await tab.evaluate((idx) => window.__tifaBench.prepare(idx), index);
    const sliced = await tab.evaluate(() => window.__tifaBench.pass());

    const marks: number[] = [];
    let marked = 0;
    const markErrors: string[] = [];
    // A run that fails is retried; three failures end the attempt.
    for (let i = 0; i < MARK_RUNS && markErrors.length < 3;) {
      await fresh();
      await tab.addScriptTag({ content: markJs });
      try {
        const r = await markWithMarkJs(tab, index.patterns);
        marks.push(r.ms);
        marked = r.marked;
        i++;
      } catch (error) {
        markErrors.push(error instanceof Error ? error.message.split('\n')[0] : String(error));
      }
    }

    if (process.env.TIFA_BENCH_DEBUG)
      console.log(
        `  runs: Tifa ${tifa.map((x) => x.toFixed(1)).join(' ')} | floor ${floors.map((x) => x.toFixed(1)).join(' ')}`,
      );
    const [a, b, c] = [median(tifa), median(marks), median(floors)];
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log(
      `highlight (page ${kb(page.bytes)} of text, ${text.chars} chars, ${text.nodes} text nodes, ${index.patterns.length} patterns)`,
    );
    console.log(
      `  (a) Tifa highlight pass:   ${a.toFixed(1)} ms  (median of ${RUNS}, work without the pauses given to the page; ${found.matches} matches)`,
    );
    console.log(
      `      wall time ${median(walls).toFixed(1)} ms with pauses; matcher from the term index ${found.buildMs.toFixed(1)} ms; next paint ${median(paints).toFixed(1)} ms`,
    );
    if (MARK_RUNS > 0)
      console.log(`  (b) mark.js, same terms:   ${b.toFixed(1)} ms  (median of ${MARK_RUNS}; ${marked} marks)`);
    else console.log('  (b) mark.js: not run (TIFA_BENCH_MARK_RUNS=0)');
    if (markErrors.length) console.log(`      mark.js failed ${markErrors.length}×: ${markErrors[0]}`);
    console.log(`  (c) TreeWalker text read:  ${c.toFixed(1)} ms  (median of ${RUNS}, the floor)`);
    console.log(
      `  slicing: a ${kb(huge.bytes)} page: ${sliced.busy.toFixed(0)} ms of work over ${sliced.ms.toFixed(0)} ms, ${sliced.matches} matches; tasks over 50 ms: ${sliced.longTasks.length ? sliced.longTasks.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none'}`,
    );
    if (MARK_RUNS > 0)
      console.log(`  mark.js / Tifa = ${(b / a).toFixed(1)}×  (target ≥ 20)   ${b / a >= 20 ? 'ok' : 'MISSED'}`);
    console.log(`  Tifa / floor   = ${(a / c).toFixed(2)}×  (target ≤ 3)    ${a / c <= 3 ? 'ok' : 'MISSED'}`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// A string, not a function: tsx would add helpers (__name) that do not exist in the page.
// One mark() call per term: given the whole array, mark.js chains its per-term callbacks and,
// with ~700 terms on this page, dies of "Invalid regular expression: … Stack overflow". The work
// is the same either way (mark.js handles the terms of an array one after another).
const MARK_ALL = `(words) => {
  const options = {
    separateWordSearch: false,
    acrossElements: true,
    diacritics: false, // no diacritics in Chinese; mark.js is much slower with them
    exclude: ['textarea', 'noscript', 'select', 'input', '[contenteditable]'],
  };
  const instance = new Mark(document.body);
  let marked = 0;
  const t0 = performance.now();
  for (const word of words) instance.mark(word, { ...options, done: (n) => (marked += n) });
  return { ms: performance.now() - t0, marked };
}`;

function markWithMarkJs(tab: Page, terms: string[]): Promise<{ ms: number; marked: number }> {
  return tab.evaluate(`(${MARK_ALL})(${JSON.stringify(terms)})`) as Promise<{ ms: number; marked: number }>;
}

function loadTerms(): Term[] {
  const path = process.env.TIFA_BENCH_DECK;
  const json = path
    ? readFileSync(path, 'utf8')
    : execFileSync('npm', ['run', '--silent', 'deck'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const deck = JSON.parse(json) as { terms?: Term[] };
  if (!deck.terms?.length) throw new Error('The deck has no terms to highlight.');
  return deck.terms;
}

async function bundlePageCode(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'highlight-page.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__tifaBench',
    target: 'chrome120',
    write: false,
    absWorkingDir: ROOT,
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** A deterministic news-like page from the bundled documents, with varied markup. */
export function largeNewsPage(megabytes: number): { html: string; bytes: number } {
  const dir = join(ROOT, 'data/sources');
  const lines = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n+/))
    .map((l) => l.trim())
    .filter(Boolean);
  const paragraphs: string[] = [];
  for (let i = 0; i < lines.length; i += 4) paragraphs.push(lines.slice(i, i + 4).join(''));

  const out: string[] = [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>大型新闻页面--人民网</title>',
    '<style>body{max-width:60em;margin:auto;font:16px/1.7 sans-serif}.box{border:1px solid #ccc}</style></head><body>',
  ];
  let bytes = 0;
  for (let k = 0; bytes < megabytes * 1024 * 1024; k++) {
    const text = paragraphs[k % paragraphs.length];
    bytes += Buffer.byteLength(text);
    out.push(markup(text, k));
    if (k % 25 === 0) {
      out.push(
        `<aside><nav>${['要闻', '时政', '国际', '财经', '评论', '视频'].map((n) => `<a href="#${n}">${n}</a>`).join(' | ')}</nav>`,
        `<script>window.__n = (window.__n || 0) + ${k}; // 六个精准</script><textarea>两不愁三保障 ${k}</textarea></aside>`,
      );
    }
  }
  out.push('</body></html>');
  return { html: out.join('\n'), bytes };
}

const INLINE = ['a href="#x"', 'b', 'em', 'span class="x"', 'strong', 'font color="#333"'];

function markup(text: string, k: number): string {
  const sentences = text.split(/(?<=[。！？；])/).map(escape);
  switch (k % 5) {
    case 0:
      return `<p>${escape(text)}</p>`;
    case 1:
      return `<p>${sentences.map((s) => `<span class="s">${s}</span>`).join('')}</p>`;
    case 2: {
      // Cut the text into chunks of 6–17 characters, every other one inside an inline element,
      // so that terms run across element boundaries.
      const parts: string[] = [];
      for (let at = 0, i = 0; at < text.length; i++) {
        const len = 6 + ((k * 7 + i * 5) % 12);
        const chunk = escape(text.slice(at, at + len));
        const tag = INLINE[(k + i) % INLINE.length];
        parts.push(i % 2 ? `<${tag}>${chunk}</${tag.split(' ')[0]}>` : chunk);
        at += len;
      }
      return `<p>${parts.join('')}</p>`;
    }
    case 3:
      return `<ul>${sentences.map((s) => `<li>${s}</li>`).join('')}</ul>`;
    default:
      return `<div class="box"><h3>${escape(text.slice(0, 12))}</h3><div><em>${escape(text.slice(12, 30))}</em>${escape(text.slice(30))}</div></div>`;
  }
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

if (process.argv[1] && import.meta.filename === resolve(process.argv[1])) await runHighlightBench();
