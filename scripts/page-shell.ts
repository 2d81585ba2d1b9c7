// What every extension page (entrypoints/*/index.html) has in common, written once: the character set,
// the element React renders into and the page's script (main.tsx beside the HTML). Each index.html keeps
// only what is its own: its title, and the viewport where the page is a tab rather than the popup.
import type { Plugin } from 'vite';

const HEAD = '<meta charset="UTF-8" />';
const BODY = '<div id="root"></div>\n    <script type="module" src="./main.tsx"></script>';

/** The page as if its index.html held the shared lines itself. */
export function withPageShell(html: string, page: string): string {
  if (!/<head>/.test(html) || !/<body><\/body>/.test(html)) {
    throw new Error(`${page}: expected <head> and an empty <body></body> to add the page shell to`);
  }
  return html.replace('<head>', `<head>\n    ${HEAD}`).replace('<body></body>', `<body>\n    ${BODY}\n  </body>`);
}

/**
 * Added to the HTML source before any other plugin reads it ("pre"), so that WXT's dev mode points the
 * script at its dev server and the build bundles it, exactly as if the file had named it.
 */
export function pageShell(): Plugin {
  return {
    name: 'tifa-page-shell',
    enforce: 'pre',
    transform: {
      filter: { id: /[\\/]entrypoints[\\/][^\\/]+[\\/]index\.html$/ },
      handler: (code, id) => withPageShell(code, id),
    },
  };
}
