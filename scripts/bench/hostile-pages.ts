// Pages for the busy-page bench (issue 15), generated here from our own sentences around terms of
// the bundled deck (no third-party text), deterministic from a seed:
// - a mutating page: a ticker that rewrites a headline every 100 ms, a clock, and an infinite
//   scroll that scrolls itself, appends stories at the bottom and drops them at the top;
// - a page of ~200k nodes: short paragraphs with inline elements, some nested 40 deep, tables,
//   a few editable regions, as a heavy portal page has.
import { seededRandom } from '../../data/quiz/random.ts';
import { launchTifa, type Tifa } from '../../tests/e2e/harness.ts';

const TERMS = [
  '六个精准',
  '两不愁三保障',
  '五个一批',
  '三区三州',
  '四个不摘',
  '精准扶贫',
  '脱贫攻坚',
  '乡村振兴',
  '扶持对象精准',
  '摘帽不摘责任',
];
const PLAIN = [
  '各地区各部门',
  '要认真贯彻落实',
  '进一步压实责任',
  '切实推动工作',
  '取得明显成效',
  '广大干部群众',
  '持续巩固拓展',
  '坚持问题导向',
];

function sentenceMaker(seed: number): () => string {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  return () =>
    `${pick(PLAIN)}，${rand() < 0.5 ? pick(TERMS) : pick(PLAIN)}，${pick(PLAIN)}${rand() < 0.3 ? pick(TERMS) : ''}。`;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const HEAD = (title: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>` +
  '<style>body{max-width:60em;margin:auto;font:16px/1.7 sans-serif}#ticker{position:sticky;top:0;background:#fff}</style></head><body>';

/** The mutating page: its script starts on load and keeps the page busy until it is closed. */
export function mutatingPage(): string {
  const next = sentenceMaker(7);
  const story = () =>
    `<article><h3>${escape(next().slice(0, 12))}</h3><p>${escape(next() + next())}<b>${escape(next())}</b>${escape(next())}</p></article>`;
  const stories = Array.from({ length: 120 }, story).join('');
  const headlines = Array.from({ length: 40 }, next);
  const fresh = Array.from({ length: 200 }, story);
  // The page's own script (plain, inline): what a news portal's ticker and feed do.
  const script = `
    const headlines = ${JSON.stringify(headlines)};
    const fresh = ${JSON.stringify(fresh)};
    const ticker = document.getElementById('ticker');
    const clock = document.getElementById('clock').firstChild;
    const feed = document.getElementById('feed');
    let h = 0, f = 0, s = 0;
    setInterval(() => { ticker.textContent = headlines[h++ % headlines.length]; }, 100);
    setInterval(() => { clock.data = '北京时间 ' + new Date().toLocaleTimeString('zh-CN'); }, 1000);
    setInterval(() => {
      scrollBy(0, 400);
      if (innerHeight + scrollY > document.body.scrollHeight - 2000) {
        feed.insertAdjacentHTML('beforeend', fresh[f++ % fresh.length] + fresh[f++ % fresh.length]);
        while (feed.children.length > 150) feed.firstElementChild.remove();
      }
      if (++s % 40 === 0) history.pushState(null, '', '?page=' + s);
    }, 250);`;
  return `${HEAD('滚动新闻--测试页')}<div id="ticker">${escape(headlines[0])}</div><div id="clock">北京时间</div><main id="feed">${stories}</main><script>${script}</script></body></html>`;
}

/** A page of about `nodes` DOM nodes (elements and text), a few hundred kB of text. */
export function hugePage(nodes = 200_000): string {
  const next = sentenceMaker(11);
  const rand = seededRandom(5);
  const out: string[] = [HEAD('门户首页--测试页')];
  let count = 0;
  const INLINE = ['a href="#x"', 'span', 'em', 'b'];
  for (let k = 0; count < nodes; k++) {
    const text = next();
    const cut = 2 + Math.floor(rand() * (text.length - 4));
    const tag = INLINE[k % INLINE.length];
    const para = `${escape(text.slice(0, cut))}<${tag}>${escape(text.slice(cut))}</${tag.split(' ')[0]}>`;
    if (k % 400 === 0) {
      // Deep nesting, as layout frameworks make.
      out.push(`${'<div>'.repeat(40)}<p>${para}</p>${'</div>'.repeat(40)}`);
      count += 44;
    } else if (k % 150 === 0) {
      out.push(`<div contenteditable="true"><p>${para}</p></div>`);
      count += 5;
    } else if (k % 10 === 0) {
      out.push(`<table><tr><td>${para}</td><td>${escape(next())}</td></tr></table>`);
      count += 10;
    } else {
      out.push(`<p>${para}</p>`);
      count += 4;
    }
  }
  out.push('</body></html>');
  return out.join('\n');
}

/**
 * Tifa with the bundled deck installed and /bench/<name>.html served from `bodies`, for both busy-page
 * benches (hostile-bench, hostile-trace); it is closed again if the setup fails.
 */
export async function launchOverBenchPages(bodies: Record<string, string>): Promise<Tifa> {
  const tifa = await launchTifa();
  try {
    await tifa.context.route(/\/bench\/\w+\.html$/, (route) => {
      const name = /\/bench\/(\w+)\.html$/.exec(route.request().url())![1];
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: bodies[name] });
    });
    const dashboard = await tifa.openDashboard();
    await dashboard.getByTestId('dashboard-due').filter({ hasText: /^\d+$/ }).waitFor({ timeout: 30_000 }); // bundled deck installed
    await dashboard.close();
    return tifa;
  } catch (err) {
    await tifa.close();
    throw err;
  }
}
