// The popup's first card (or its day-done screen) painted from the peek (data/srs/peek.ts) by a small plain script
// (entrypoints/peek.ts) before the popup's own scripts have loaded or the database is open. The
// elements are those PopupApp renders for the same queue, with the same classes and words, so that
// Preact, rendering into the root later, takes these very elements over (it reuses a root's children
// of the same tags) and nothing moves. They carry no test ids and no handlers: a key or a click before
// the app is up does nothing, and tests that wait for `card-prompt` wait for the app's card.
// Text only, never HTML: the prompt is set as textContent.
import type { Peek } from '@/data/srs/peek';
import { MASTERED_HINT, planLineText } from '@/components/common/plan-text';

type Child = Node | string;

function el(doc: Document, tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function planLine(doc: Document, plan: NonNullable<Peek['plan']>): HTMLElement {
  const text = planLineText(plan, plan.newPerDay);
  return el(
    doc,
    'section',
    { class: 'plan-line', 'aria-label': '学习会' },
    el(
      doc,
      'p',
      { title: MASTERED_HINT },
      el(doc, 'strong', {}, text.countdown),
      ' · ',
      el(doc, 'span', {}, text.mastered),
    ),
    ...(text.note ? [el(doc, 'p', { class: text.note.tight ? 'warning small' : 'muted small' }, text.note.text)] : []),
  );
}

const FOOTER = ['撤销上一次评分', '学习会测验', '冲刺', '导入', '导入本页'];

/** The queue's first card, before its answer is shown. */
function firstCard(doc: Document, card: NonNullable<Peek['card']>): HTMLElement {
  return el(
    doc,
    'article',
    { class: 'review-card', 'aria-live': 'polite' },
    el(doc, 'div', { class: 'card-body', tabindex: '0' }, el(doc, 'p', { class: 'card-prompt' }, card.prompt)),
    el(doc, 'button', { type: 'button', class: 'primary reveal' }, '显示答案 ', el(doc, 'kbd', {}, '空格')),
  );
}

/** 今天的复习已完成, with tomorrow's count still to be read (the app reads it). */
function dayDone(doc: Document, doneToday: number): HTMLElement {
  return el(
    doc,
    'section',
    { class: 'done' },
    el(doc, 'p', { class: 'big' }, '今天的复习已完成 🎉'),
    el(doc, 'p', {}, '明天待复习约 ', el(doc, 'strong', {}, '…'), ' 张。'),
    el(doc, 'p', { class: 'muted' }, `今天共评分 ${doneToday} 次。`),
  );
}

/** Paints the peek into `root` (expected empty): the first card, or the day-done screen. */
export function paintPeek(root: HTMLElement, peek: Peek): void {
  const doc = root.ownerDocument;
  const button = (text: string, attrs: Record<string, string> = {}) =>
    el(doc, 'button', { type: 'button', ...attrs }, text);
  const counts = `新 ${peek.new} · 学习 ${peek.learning} · 复习 ${peek.review}`;
  root.append(
    el(
      doc,
      'main',
      { class: 'popup' },
      el(
        doc,
        'header',
        { class: 'popup-header' },
        el(doc, 'h1', {}, '提法'),
        el(
          doc,
          'p',
          { class: 'due' },
          '今日待复习 ',
          el(doc, 'strong', {}, String(peek.total)),
          ' 张',
          el(doc, 'span', { class: 'muted small' }, ' ', counts),
        ),
        button('学习中心'),
      ),
      ...(peek.plan ? [planLine(doc, peek.plan)] : []),
      peek.card ? firstCard(doc, peek.card) : dayDone(doc, peek.doneToday),
      el(
        doc,
        'footer',
        { class: 'popup-footer' },
        ...FOOTER.map((text, i) => button(text, i === 0 ? { disabled: '' } : {})),
      ),
    ),
  );
}
