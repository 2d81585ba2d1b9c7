// What every extension page (entrypoints/*/index.html) has in common, written once: the character set,
// the element React renders into and the page's script (main.tsx beside the HTML). Each index.html keeps
// only what is its own: its title, and the viewport where the page is a tab rather than the popup.
import type { HtmlTagDescriptor, Plugin } from 'vite';

const PAGE_SHELL_TAGS: HtmlTagDescriptor[] = [
  { tag: 'meta', attrs: { charset: 'UTF-8' }, injectTo: 'head-prepend' },
  { tag: 'div', attrs: { id: 'root' }, injectTo: 'body' },
  { tag: 'script', attrs: { type: 'module', src: './main.tsx' }, injectTo: 'body' },
];

/** Injected before Vite reads the page ("pre"), so the script is bundled as if the HTML had named it. */
export function pageShell(): Plugin {
  return {
    name: 'tifa-page-shell',
    transformIndexHtml: {
      order: 'pre',
      handler: (_html, ctx) =>
        /[\\/]entrypoints[\\/][^\\/]+[\\/]index\.html$/.test(ctx.filename) ? PAGE_SHELL_TAGS : [],
    },
  };
}
