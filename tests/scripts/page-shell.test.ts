// The shared lines of the extension pages (scripts/page-shell.ts): each entrypoints/*/index.html gets
// the charset, the root element and its main.tsx once; a page it cannot place them in fails the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withPageShell } from '../../scripts/page-shell';

const ENTRYPOINTS = join(import.meta.dirname, '../../entrypoints');
const PAGES = readdirSync(ENTRYPOINTS).filter((dir) => {
  try {
    return readFileSync(join(ENTRYPOINTS, dir, 'index.html'), 'utf8').length > 0;
  } catch {
    return false;
  }
});

const count = (html: string, part: string) => html.split(part).length - 1;

describe('page shell', () => {
  it('finds the four extension pages', () => {
    expect(PAGES.sort()).toEqual(['dashboard', 'popup', 'quiz', 'welcome']);
  });

  it.each(PAGES)('%s/index.html gets the charset first in its head, its root and its script once', (page) => {
    const html = withPageShell(readFileSync(join(ENTRYPOINTS, page, 'index.html'), 'utf8'), page);
    expect(html).toMatch(/<head>\s*<meta charset="UTF-8" \/>/);
    expect(count(html, '<div id="root"></div>')).toBe(1);
    expect(count(html, '<script type="module" src="./main.tsx"></script>')).toBe(1);
    expect(html.indexOf('<div id="root">')).toBeGreaterThan(html.indexOf('<body>'));
    expect(html.indexOf('</body>')).toBeGreaterThan(html.indexOf('./main.tsx'));
  });

  it('refuses a page without an empty body to put them in', () => {
    expect(() => withPageShell('<html><head></head><body><p>x</p></body></html>', 'x.html')).toThrow(/empty <body>/);
  });
});
