// Manual check of Tifa's Firefox build in a real Firefox (not part of `npm test`: CI has no
// Firefox, and installing an add-on over WebDriver BiDi is new). The checks follow the Chromium
// e2e tests (tests/e2e/highlight.e2e.ts, foundation.e2e.ts): highlighting on the fixture pages,
// the hover card and a review from it, the popup and the dashboard, and no errors anywhere.
//
//   npm run build:firefox && node scripts/firefox-check/check.mjs
//
// One PASS/FAIL line per check; exit code 0 only if every check passed (1 if any failed, 2 if
// the run could not start or broke off). Environment: PUPPETEER_DIR, TIFA_FF_EXT, FIREFOX (see launch.mjs),
// OUT (screenshots, results.json, console.json; default .tmp/firefox-check in the repo).
// Beside it: launch.mjs starts Firefox, tabs.mjs opens and watches tabs, page-actions.mjs reads pages and drives the card.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PAINTED, SIX_PRECISE } from '../../tests/e2e/page-probes.mjs';
import { launchFirefox, SetupError, ROOT, EXT_DIR, EXT_ID, EXT_UUID, BROWSER_CONSOLE } from './launch.mjs';
import {
  cardText,
  clickInCard,
  DIALOG,
  extensionErrors,
  hover,
  MEASURES,
  sleep,
  stateTexts,
  waitTrue,
} from './page-actions.mjs';
import { openTabs } from './tabs.mjs';
import { check, checkBrowserConsole, failAfter, group, writeReport } from './report.mjs';

const OUT = resolve(ROOT, process.env.OUT || '.tmp/firefox-check');
const RUN_TIMEOUT = 240_000;
const T0 = Date.now();

// ---- checks and their report

let ff;
/** The tabs of the run, once Firefox is up. */
let tabs;

const shot = (page, name) =>
  page.screenshot({ path: join(OUT, name) }).catch((e) => console.log(`(screenshot ${name} failed: ${e.message})`));

// ---- the run

async function run() {
  mkdirSync(OUT, { recursive: true });
  console.log(`Tifa Firefox check: extension ${EXT_DIR}, output ${OUT}`);
  ff = await launchFirefox();
  console.log(`Firefox ${ff.version}, add-on ${ff.installed} installed (${Date.now() - T0} ms)\n`);
  tabs = openTabs(ff);
  const { openHighlighted, openExtensionPage, tabWindows, windowErrors, pageErrors } = tabs;

  // a. The background starts.
  const BACKGROUND = 'background: the add-on is installed and its background page runs';
  await group([BACKGROUND], async () => {
    const info = await ff.chrome.exec(
      `
      const policy = WebExtensionPolicy.getByID(arguments[0]);
      const ext = policy?.extension;
      for (let i = 0; i < 50 && ext && ext.backgroundState !== 'running'; i++) await new Promise((r) => setTimeout(r, 100));
      return { active: policy?.active ?? false, backgroundState: ext?.backgroundState ?? null, hostname: policy?.mozExtensionHostname ?? null };
    `,
      [EXT_ID],
    );
    check(
      BACKGROUND,
      ff.installed === EXT_ID && info.active && info.backgroundState === 'running' && info.hostname === EXT_UUID,
      { installed: ff.installed, ...info },
    );
  });

  // b. The simplified news page.
  const SIMPLIFIED = {
    painted: 'news-simplified.html: the tifa-term highlight has ranges',
    terms: 'news-simplified.html: 六个精准, 两不愁三保障, 五个一批 are highlighted',
    split: 'news-simplified.html: 六个<i>精准</i> is highlighted in both pieces (六个|精准)',
    measure: 'news-simplified.html: a tifa:highlight measure with matches was recorded',
    ignored: 'news-simplified.html: nothing inside textarea/script/style is painted',
  };
  await group(Object.values(SIMPLIFIED), async () => {
    const page = await openHighlighted('news-simplified.html', 'news-simplified.html');
    const size = await page.evaluate(`CSS.highlights.get('tifa-term')?.size ?? 0`);
    const painted = await page.evaluate(PAINTED);
    const found = painted.map((p) => p.text);
    await shot(page, 'news-simplified.png');
    check(SIMPLIFIED.painted, size > 0, { size });
    const missing = ['六个精准', '两不愁三保障', '五个一批'].filter((t) => !found.includes(t));
    check(SIMPLIFIED.terms, missing.length === 0, { missing, found });
    check(SIMPLIFIED.split, found.join('|').includes('六个|精准'), { found });
    const measures = await page.evaluate(MEASURES);
    check(SIMPLIFIED.measure, measures.length > 0 && measures[0].detail?.matches > 0, { measures });
    const wrong = painted.filter((p) => /textarea|script|style/.test(p.inside));
    // Something must be painted elsewhere, or this would pass with the extension doing nothing.
    check(SIMPLIFIED.ignored, painted.length > 0 && wrong.length === 0, { painted: painted.length, wrong });
  });

  // c. The hover card on 六个精准, then Escape.
  const CARD = {
    opens: 'hover card: hovering 六个精准 opens tifa-hover-card (shadow root, role=dialog)',
    members: 'hover card: shows the six members of 六个精准',
    source: 'hover card: names a 《…》 source and marks the term in its blockquote',
    order: 'hover card: the status line right after the header, then the members, then the source',
    escape: 'hover card: Escape closes it',
  };
  await group(Object.values(CARD), async () => {
    const page = await openHighlighted('hover', 'news-simplified.html');
    const opened = await hover(page, '六个精准');
    const label = opened ? await page.evaluate(`${DIALOG}.getAttribute('aria-label')`) : null;
    check(CARD.opens, opened && /六个精准/.test(label ?? ''), { label });
    if (!opened) throw new Error('no hover card');
    const text = await cardText(page);
    const missing = SIX_PRECISE.filter((m) => !text.includes(m));
    check(CARD.members, missing.length === 0, { missing, text: text.slice(0, 300) });
    const details = await page.evaluate(`(() => {
      const dialog = ${DIALOG};
      const at = (sel) => { const el = dialog.querySelector(sel); return el ? [...dialog.children].indexOf(el) : -1; };
      return {
        marked: dialog.querySelector('blockquote mark')?.textContent ?? null,
        footer: dialog.querySelector('blockquote .from')?.textContent ?? null,
        header: at(':scope > .head'), status: at(':scope > .status'), members: at(':scope > .members'), source: at(':scope > blockquote'),
      };
    })()`);
    check(CARD.source, /《[^》]+》/.test(details.footer ?? '') && !!details.marked, {
      footer: details.footer,
      marked: details.marked,
    });
    const { header, status, members, source } = details;
    check(CARD.order, header >= 0 && status === header + 1 && members > status && source > members, {
      header,
      status,
      members,
      source,
    });
    await shot(page, 'hover-card.png');
    await page.keyboard.press('Escape');
    check(CARD.escape, await waitTrue(page, `!(${DIALOG})`));
  });

  // d. A review from the card: 现在复习 → 显示答案 → 良好.
  const REVIEW = {
    rated: 'hover card review: 现在复习 → 显示答案 → 良好 shows 已记录。',
    learning: 'hover card review: 两不愁三保障 then shows in the tifa-term-learning highlight',
  };
  await group(Object.values(REVIEW), async () => {
    const page = await openHighlighted('review', 'news-simplified.html');
    if (!(await hover(page, '两不愁三保障'))) throw new Error('no hover card for 两不愁三保障');
    await cardText(page);
    await clickInCard(page, '现在复习');
    if (!(await waitTrue(page, `!!(${DIALOG})?.querySelector('.prompt')`)))
      throw new Error('no question after 现在复习');
    await clickInCard(page, '显示答案');
    if (!(await waitTrue(page, `!!(${DIALOG})?.querySelector('.answer')`))) throw new Error('no answer after 显示答案');
    await clickInCard(page, '^良好', { regexp: true });
    const rated = await waitTrue(page, `(${DIALOG})?.textContent.includes('已记录。')`);
    await shot(page, 'hover-card-rated.png');
    check(REVIEW.rated, rated, rated ? undefined : { card: (await cardText(page)).slice(0, 300) });
    const learning = await waitTrue(page, `${stateTexts('tifa-term-learning')}.includes('两不愁三保障')`);
    check(REVIEW.learning, learning, { learning: await page.evaluate(stateTexts('tifa-term-learning')) });
  });

  // e. Traditional characters, and terms split across inline elements.
  const TRADITIONAL = 'news-traditional.html: 兩不愁三保障 and 六個精準 are highlighted';
  await group([TRADITIONAL], async () => {
    const page = await openHighlighted('news-traditional.html', 'news-traditional.html');
    const found = (await page.evaluate(PAINTED)).map((p) => p.text);
    await shot(page, 'news-traditional.png');
    check(TRADITIONAL, found.includes('兩不愁三保障') && found.includes('六個精準'), { found });
  });
  const SPLIT =
    'split-term.html: 六个|精准 and 两不愁|三保障 across inline elements, nested 六个精准, no match across blocks';
  await group([SPLIT], async () => {
    const page = await openHighlighted('split-term.html', 'split-term.html');
    const all = await page.evaluate(PAINTED);
    const inCase = (c) => all.filter((p) => p.case === c).map((p) => p.text);
    const got = { split: inCase('split'), nested: inCase('nested').join(''), blocks: inCase('blocks') };
    check(
      SPLIT,
      got.split.join('|') === '六个|精准|两不愁|三保障' && got.nested === '六个精准' && got.blocks.length === 0,
      got,
    );
  });

  // f. A page with a strict Content-Security-Policy.
  const CSP = {
    painted: 'strict.csp.html (strict CSP header): 两不愁三保障 and 六个精准 are highlighted',
    card: 'strict.csp.html: the hover card is styled (position fixed) and filled in',
  };
  await group(Object.values(CSP), async () => {
    const page = await openHighlighted('strict.csp.html', 'strict.csp.html', 'www.qstheory.cn');
    const found = (await page.evaluate(PAINTED)).map((p) => p.text);
    check(CSP.painted, found.join('|') === '两不愁三保障|六个精准', { found });
    if (!(await hover(page, '六个精准'))) throw new Error('no hover card on the CSP page');
    const text = await cardText(page);
    const position = await page.evaluate(`getComputedStyle(${DIALOG}).position`);
    await shot(page, 'strict-csp-hover-card.png');
    check(CSP.card, position === 'fixed' && text.includes('扶持对象精准'), { position, text: text.slice(0, 200) });
  });

  // g. The popup and the dashboard: each shows its due count and renders, with no page errors.
  const EXTENSION_PAGES = [
    {
      file: 'popup.html',
      renders: 'popup.html: renders the 提法 heading and 今日待复习 N 张',
      viewport: { width: 400, height: 600 },
      dueCount: 'due-count',
      read: `({ h1: document.querySelector('h1')?.textContent ?? null, text: document.body.innerText.slice(0, 300), lang: document.documentElement.lang })`,
      rendered: (got) => got.h1 === '提法' && /今日待复习\s*\d+\s*张/.test(got.text),
    },
    {
      file: 'dashboard.html',
      renders: 'dashboard.html: renders 提法 · 学习中心 and its due count',
      dueCount: 'dashboard-due',
      read: `({ h1: document.querySelector('h1')?.textContent ?? null, title: document.title, text: document.body.innerText.slice(0, 200) })`,
      rendered: (got) => got.h1 === '提法 · 学习中心',
    },
  ];
  for (const { file, renders, viewport, dueCount, read, rendered } of EXTENSION_PAGES) {
    const ERRORS = `${file}: no page errors`;
    await group([renders, ERRORS], async () => {
      const page = await openExtensionPage(file, file);
      if (viewport) await page.setViewport(viewport);
      const counted = await waitTrue(
        page,
        `/^\\d+$/.test(document.querySelector('[data-testid=${dueCount}]')?.textContent ?? '')`,
        10_000,
      );
      await sleep(300);
      const got = await page.evaluate(read);
      await shot(page, file.replace('.html', '.png'));
      check(renders, counted && rendered(got), got);
      const errors = [...pageErrors[file], ...(await windowErrors([page.windowId]))];
      check(ERRORS, errors.length === 0, errors);
    });
  }

  // h. No errors anywhere.
  await sleep(500);
  const FIXTURE_ERRORS = 'fixture pages: no console errors or uncaught errors';
  await group([FIXTURE_ERRORS], async () => {
    const fixtures = Object.fromEntries(
      Object.entries(pageErrors).filter(([key]) => !key.startsWith('popup') && !key.startsWith('dashboard')),
    );
    // As puppeteer saw them, and as the Browser Console has them (there also CSP reports and the like).
    for (const { url, windowId } of await tabWindows()) {
      if (url.startsWith('http:')) fixtures[url] = (fixtures[url] ?? []).concat(await windowErrors([windowId]));
    }
    const withErrors = Object.fromEntries(Object.entries(fixtures).filter(([, errors]) => errors.length > 0));
    check(FIXTURE_ERRORS, Object.keys(fixtures).length > 0 && Object.keys(withErrors).length === 0, withErrors);
  });
  return checkBrowserConsole(() => ff.chrome.exec(BROWSER_CONSOLE), extensionErrors);
}

// ---- main

failAfter(RUN_TIMEOUT);

let browserConsole = [];
let fatal = null;
try {
  browserConsole = await run();
} catch (e) {
  fatal = e;
}
const firefox = ff?.version ?? null;
const firefoxLog = ff?.log.join('') ?? '';
if (ff) {
  for (const p of tabs?.pages ?? []) await p.close().catch(() => {});
  await ff.close().catch(() => {});
}
const seconds = ((Date.now() - T0) / 1000).toFixed(1);
if (fatal instanceof SetupError) {
  console.log(`\nNot set up: ${fatal.message}`);
  process.exit(2);
}
if (fatal) console.log(`\nThe run failed: ${fatal.stack ?? fatal}`);
const failed = writeReport({
  out: OUT,
  firefox,
  seconds,
  fatal,
  browserConsole,
  firefoxLog,
  pageErrors: tabs?.pageErrors ?? {},
});
process.exitCode = fatal ? 2 : failed.length ? 1 : 0;
