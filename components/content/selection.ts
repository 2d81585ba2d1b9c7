// "用所选文字制作卡片": the two things the menu needs from the page, the sentence around the
// selection and a short notice afterwards. Where Tifa's content script runs, it calls these
// itself; on any other site the background injects them with scripting.executeScript (the menu
// click grants activeTab). Injected functions are serialized, so each one is self-contained:
// no imports, no module constants, nothing from outside its own body.

import type { SelectionCardRequest } from '@/data/messages';

/** The selection and the sentence it sits in; null when nothing is selected. */
export function readSelection(): SelectionCardRequest | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const selection = sel.toString().replace(/\s+/g, ' ').trim();
  if (!selection) return null;
  const page = { pageTitle: document.title.trim(), url: location.href };
  // The paragraph-like element that holds the whole selection.
  let node: Node | null = sel.getRangeAt(0).commonAncestorContainer;
  while (node && node.nodeType !== 1) node = node.parentNode;
  const blocks = 'p, li, td, th, dd, dt, blockquote, h1, h2, h3, h4, h5, h6, figcaption, article, section, div';
  const container = (node as Element | null)?.closest(blocks) ?? (node as Element | null);
  const text = (container?.textContent ?? '').replace(/\s+/g, ' ');
  const at = text.indexOf(selection);
  if (at < 0) return { sentence: selection, selection, ...page };
  // Out to the sentence ends on either side; the closing mark stays with its sentence.
  const ender = /[。！？；!?;]/;
  let start = at;
  while (start > 0 && !ender.test(text[start - 1])) start--;
  let end = at + selection.length;
  if (!ender.test(text[end - 1] ?? '')) {
    while (end < text.length && !ender.test(text[end])) end++;
    if (end < text.length) end++;
  }
  // Quotation marks that close the sentence belong to it too.
  while (end < text.length && /[”’」』）)]/.test(text[end])) end++;
  return { sentence: text.slice(start, end).trim(), selection, ...page };
}

/** A notice in the page's corner, in a shadow root so the page's styles cannot reach it. */
export function showPageNotice(message: string, kind: 'done' | 'error'): void {
  const TAG = 'tifa-notice';
  document.querySelectorAll(TAG).forEach((old) => old.remove());
  const host = document.createElement(TAG);
  host.setAttribute('data-testid', 'tifa-notice');
  host.setAttribute('data-kind', kind);
  // Styles go through the CSSOM (not a <style> element), which a strict page CSP allows.
  Object.assign(host.style, { all: 'initial', position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483647' });
  // Closed, and only the user's own click or key closes it: the page can neither read nor drive it.
  const root = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  Object.assign(box.style, {
    display: 'flex',
    alignItems: 'flex-start',
    gap: '12px',
    maxWidth: '360px',
    padding: '12px 14px',
    borderRadius: '8px',
    boxShadow: '0 4px 16px rgba(0,0,0,.18)',
    background: kind === 'error' ? '#fff4f2' : '#ffffff',
    borderLeft: `4px solid ${kind === 'error' ? '#c0392b' : '#b71c1c'}`,
    color: '#222',
    font: '14px/1.6 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  });
  const text = document.createElement('div');
  text.textContent = message;
  text.setAttribute('data-testid', 'tifa-notice-text');
  text.style.whiteSpace = 'pre-line';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', '关闭提示');
  Object.assign(close.style, {
    border: '0',
    background: 'none',
    font: 'inherit',
    fontSize: '18px',
    lineHeight: '1',
    cursor: 'pointer',
    color: '#666',
  });
  const dismiss = () => host.remove();
  close.addEventListener('click', (event) => {
    if (event.isTrusted) dismiss();
  });
  host.addEventListener('keydown', (event) => {
    if (event.isTrusted && event.key === 'Escape') dismiss();
  });
  box.append(text, close);
  root.append(box);
  // After <body>, not in it: the page's body keeps exactly its own content.
  document.documentElement.append(host);
  setTimeout(dismiss, kind === 'error' ? 10_000 : 6_000);
}
