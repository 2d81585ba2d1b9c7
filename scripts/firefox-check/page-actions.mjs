// What the Firefox check (check.mjs) reads from a page and does in it: highlight texts and measures (as
// strings: they run in the page), the hover card opened, read and clicked, and the extension's console errors.
import { EXT_ID, EXT_UUID } from './launch.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The texts of a highlight's ranges. */
export const stateTexts = (name) => `[...(CSS.highlights.get(${JSON.stringify(name)}) ?? [])].map((r) => {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
})`;

export const MEASURES = `performance.getEntriesByName('tifa:highlight', 'measure').map((m) => {
  let detail;
  try { detail = JSON.parse(JSON.stringify(m.detail)); } catch { detail = null; }
  return { duration: m.duration, detail };
})`;

export const DIALOG = `document.querySelector('tifa-hover-card')?.shadowRoot?.querySelector('[role=dialog]')`;

/** Moves the pointer onto the first highlighted occurrence of `term` and waits for its card; false if no card came. */
export async function hover(page, term) {
  const box = await page.evaluate(`(() => {
    for (const r of CSS.highlights.get('tifa-term') ?? []) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      if (live.toString() !== ${JSON.stringify(term)}) continue;
      live.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const rect = live.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  })()`);
  if (!box) throw new Error(`${term} is not highlighted, so there is nothing to hover`);
  await page.mouse.move(Math.max(1, box.x - 40), box.y + 200);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  return page.waitForFunction(`!!(${DIALOG})`, { timeout: 5000, polling: 100 }).then(
    () => true,
    () => false,
  );
}

/** The card's text, once the details from the background are in. */
export async function cardText(page) {
  const read = () => page.evaluate(`${DIALOG}?.textContent ?? ''`);
  let text = await read();
  for (let i = 0; i < 50 && /正在读取/.test(text); i++) {
    await sleep(100);
    text = await read();
  }
  return text;
}

/** Clicks the card's button labelled `label` (exact text, or a RegExp source) with the mouse. */
export async function clickInCard(page, label, { regexp = false } = {}) {
  const box = await page.evaluate(`(() => {
    const buttons = [...(${DIALOG})?.querySelectorAll('button') ?? []];
    const b = buttons.find((b) => ${regexp ? `new RegExp(${JSON.stringify(label)}).test(b.textContent.trim())` : `b.textContent.trim() === ${JSON.stringify(label)}`});
    if (!b) return null;
    b.scrollIntoView({ block: 'nearest' });
    const r = b.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  })()`);
  if (!box) throw new Error(`no button “${label}” in the card: ${(await cardText(page)).slice(0, 200)}`);
  await page.mouse.click(box.x, box.y);
}

export const waitTrue = (page, expr, timeout = 5000) =>
  page.waitForFunction(expr, { timeout, polling: 100 }).then(
    () => true,
    () => false,
  );

/** Browser Console entries that are errors of the extension itself (its scripts, pages or console.error calls). */
export function extensionErrors(entries) {
  const ours = (s) => typeof s === 'string' && s.includes(`moz-extension://${EXT_UUID}/`);
  return entries.filter((m) =>
    m.kind === 'scriptError'
      ? !m.copy && !m.warning && (ours(m.source) || ours(m.stack))
      : m.kind === 'consoleAPI'
        ? m.level === 'error' && (m.addonId === EXT_ID || ours(m.source))
        : false,
  );
}
