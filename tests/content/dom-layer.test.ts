// The scan's DOM layer on small pages (linkedom): what is never read, what text runs through, and
// the skip finder's answers on deep trees, after pauses and for nodes moved away.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import {
  blockOf,
  continuesRun,
  isInline,
  isInsideSkipped,
  isSkipped,
  skipFinder,
} from '../../entrypoints/page.content/dom';

function page(body: string): Document {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${body}</body></html>`);
  vi.stubGlobal('document', document);
  return document as unknown as Document;
}
afterEach(() => vi.unstubAllGlobals());

const el = (doc: Document, id: string) => doc.getElementById(id)!;
const text = (doc: Document, id: string) => el(doc, id).firstChild as Text;

describe('which elements are read', () => {
  it.each([
    ['<script id="x">a</script>', true],
    ['<textarea id="x">a</textarea>', true],
    ['<div id="x" contenteditable="">a</div>', true],
    ['<div id="x" contenteditable="true">a</div>', true],
    ['<div id="x" contenteditable="plaintext-only">a</div>', true],
    ['<div id="x" contenteditable="false">a</div>', false],
    ['<p id="x">a</p>', false],
    ['<tifa-hover-card id="x">a</tifa-hover-card>', true],
  ])('%s skipped: %s', (html, skipped) => {
    const doc = page(html);
    expect(isSkipped(el(doc, 'x'))).toBe(skipped);
    expect(isInsideSkipped(text(doc, 'x'))).toBe(skipped);
  });

  it('an editable inline element is not a place text runs through', () => {
    const doc = page(
      '<span id="a">a</span><span id="b" contenteditable>b</span><b id="c" contenteditable="false">c</b><div id="d">d</div>',
    );
    expect(['a', 'b', 'c', 'd'].map((id) => isInline(el(doc, id)))).toEqual([true, false, true, false]);
  });

  it('finds text inside an editor however deep, and the block a text belongs to', () => {
    const doc = page(
      `<div contenteditable>${'<div>'.repeat(30)}<p><b><i id="deep">六个精准</i></b></p>${'</div>'.repeat(30)}</div><p id="p">要<b><i id="i">六个</i></b></p>`,
    );
    expect(isInsideSkipped(text(doc, 'deep'))).toBe(true);
    expect(isInsideSkipped(text(doc, 'i'))).toBe(false);
    expect(blockOf(text(doc, 'i'))).toBe(el(doc, 'p'));
  });
});

describe('continuesRun', () => {
  it.each([
    ['六个<b>精准</b>', true],
    ['六个<b><i></i>精准</b>', true],
    ['六个<!-- note -->精准', true],
    ['六个<br>精准', false],
    ['六个<div>精准</div>', false],
    ['六个<span contenteditable>x</span>精准', false],
  ])('%s: %s', (inner, runs) => {
    const doc = page(`<div id="p">${inner}</div>`);
    const p = el(doc, 'p');
    const texts: Text[] = [];
    const collect = (node: Node) =>
      node.childNodes.forEach((child) => (child.nodeType === 3 ? texts.push(child as Text) : collect(child)));
    collect(p);
    const first = texts[0];
    const last = texts[texts.length - 1];
    expect(first.data).toBe('六个');
    expect(last.data).toBe('精准');
    expect(continuesRun(first, last)).toBe(runs);
  });
});

describe('skipFinder', () => {
  it('answers node after node on a deep tree, the outermost skipped element first', () => {
    const deep = (inner: string) => `${'<div>'.repeat(40)}${inner}${'</div>'.repeat(40)}`;
    const doc = page(
      `<main id="root">${deep('<p id="a">a</p><p id="b">b</p>')}${deep('<div id="ed" contenteditable><textarea id="t">t</textarea><p id="c">c</p></div>')}${deep('<p id="d">d</p>')}</main>`,
    );
    const finder = skipFinder(el(doc, 'root'));
    expect(finder.around(text(doc, 'a'))).toBeNull();
    expect(finder.around(text(doc, 'b'))).toBeNull();
    expect(finder.around(text(doc, 't'))).toBe(el(doc, 'ed'));
    expect(finder.around(text(doc, 'c'))).toBe(el(doc, 'ed'));
    expect(finder.around(text(doc, 'd'))).toBeNull();
    // After a pause the page may have changed: the editor is gone, its text is read.
    el(doc, 'ed').removeAttribute('contenteditable');
    el(doc, 't').remove();
    finder.reset();
    expect(finder.around(text(doc, 'c'))).toBeNull();
    // A node moved out of the root has nothing to skip around it.
    const moved = text(doc, 'a');
    doc.body.append(moved);
    expect(finder.around(moved)).toBeNull();
    expect(finder.around(text(doc, 'd'))).toBeNull();
  });

  it('does not take a node for clear because an ancestor was clear on an older path', () => {
    const doc = page(
      '<main id="root"><div id="x"><p id="a">a</p></div><div id="y"><div id="ed" contenteditable><p id="b">b</p></div></div></main>',
    );
    const finder = skipFinder(el(doc, 'root'));
    expect(finder.around(text(doc, 'a'))).toBeNull();
    expect(finder.around(text(doc, 'b'))).toBe(el(doc, 'ed'));
    // x was on the path before; moving the editor under it must not hide it.
    el(doc, 'x').append(el(doc, 'ed'));
    finder.reset();
    expect(finder.around(text(doc, 'b'))).toBe(el(doc, 'ed'));
  });
});
