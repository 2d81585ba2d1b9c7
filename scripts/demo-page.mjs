// Builds the demo page that `npm run dev` opens: the bundled documents' text as a news-like page,
// so highlighting can be tried on the words a cadre would meet on 人民网.
import { readFileSync, readdirSync } from 'node:fs';

const SOURCES = new URL('../data/sources/', import.meta.url);

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Joins the PDF lines back into paragraphs well enough for a demo (the engine does this properly). */
function paragraphs(text, limit) {
  return text
    .replace(/\r/g, '')
    .split(/\n\s*\n(?=\s*[\u3000 ]{2}|\S{0,3}[、．.]|[一二三四五六七八九十]+、)/)
    .map((p) =>
      p
        .replace(/\n\s*\d+\s*\n/g, '')
        .replace(/\s*\n\s*/g, '')
        .trim(),
    )
    .filter((p) => p.length > 20)
    .slice(0, limit);
}

export function demoPage() {
  const files = readdirSync(SOURCES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const pick = [files[0], files[4]].filter(Boolean);
  const articles = pick
    .map((file) => {
      const text = readFileSync(new URL(file, SOURCES), 'utf8');
      const [title] = text.trim().split('\n');
      return `<article><h2>${escape(title.trim())}</h2>${paragraphs(text, 30)
        .map((p) => `<p>${escape(p)}</p>`)
        .join('\n')}</article>`;
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>提法演示页 · 人民网样式</title>
<style>body{max-width:760px;margin:2em auto;font:18px/1.8 'Noto Serif CJK SC',serif;padding:0 1em}h1{color:#b3261e}</style>
</head><body><h1>提法 Tifa 演示页</h1><p>下面是随附文件的正文。Tifa 会在这样的新闻页面上高亮关键提法，鼠标悬停可查看释义与出处。</p>
${articles}</body></html>`;
}
