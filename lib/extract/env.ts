// The browser's host for the extractors: pdf.js's worker and cMaps packaged in the extension
// (wxt.config.ts copies them to /pdfjs/), DOMParser where there is one, linkedom in a Worker.
import type { ExtractEnv } from './types';

/** The extension's own folder of pdf.js files, e.g. chrome-extension://<id>/pdfjs/. */
function pdfjsBase(): string {
  return new URL('/pdfjs/', globalThis.location.href).href;
}

export function browserEnv(): ExtractEnv {
  const base = pdfjsBase();
  return {
    parseHtml:
      typeof DOMParser === 'function'
        ? (html) => new DOMParser().parseFromString(html, 'text/html')
        : async (html) => {
            // A dedicated Worker has no DOMParser; linkedom parses in plain JavaScript.
            const { DOMParser: LinkedomParser } = await import('linkedom');
            return new LinkedomParser().parseFromString(html, 'text/html') as unknown as Document;
          },
    pdf: { load: () => import('pdfjs-dist'), workerSrc: `${base}pdf.worker.min.mjs`, cMapUrl: `${base}cmaps/` },
  };
}
