// Code that runs inside a page under test, as source strings: shared by the Chromium e2e suite
// (playwright) and the manual Firefox check (scripts/firefox-check, puppeteer), and strings so that
// no transpiler adds helpers the page does not have.

/**
 * The highlighted pieces in document order: each range of the tifa-term highlight (one per
 * occurrence, static, so rebuilt as a live Range to read) split at its text nodes, so that a term
 * across elements shows as its pieces (六个|精准), each with where it sits: its text, the
 * data-case of the nearest marked ancestor, and its ancestors' names ("b<p<body<html").
 */
export const PAINTED = `(() => {
  const highlight = CSS.highlights.get('tifa-term');
  if (!highlight) return [];
  const ranges = [...highlight].filter((r) => r.startContainer.isConnected);
  ranges.sort((a, b) =>
    a.startContainer === b.startContainer
      ? a.startOffset - b.startOffset
      : a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
  return ranges.flatMap((r) => {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    const walker = document.createTreeWalker(live.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    const nodes = [];
    if (live.startContainer.nodeType === Node.TEXT_NODE) walker.currentNode = live.startContainer;
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE && live.intersectsNode(n)) nodes.push(n);
      if (n === live.endContainer) break;
    }
    return nodes.map((node) => {
      const from = node === live.startContainer ? live.startOffset : 0;
      const to = node === live.endContainer ? live.endOffset : node.length;
      const parent = node.parentElement;
      const inside = [];
      for (let el = parent; el; el = el.parentElement) inside.push(el.localName);
      return { text: node.data.slice(from, to), case: parent?.closest('[data-case]')?.getAttribute('data-case') ?? null, inside: inside.join('<') };
    }).filter((p) => p.text.length > 0);
  });
})()`;

/** The members the hover card of 六个精准 on the fixture news pages must list. */
export const SIX_PRECISE = [
  '扶持对象精准',
  '项目安排精准',
  '资金使用精准',
  '措施到户精准',
  '因村派人精准',
  '脱贫成效精准',
];
