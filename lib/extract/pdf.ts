// PDF → text with pdf.js: the text layer of every page, read in order, no network and no eval.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { extractError } from './messages';
import { dropPageNumbers, joinPages, pageLines, type Line, type Run } from './pdf-layout';
import { ExtractError, type ExtractOptions, type ImportLimits, type PdfEnv } from './types';

export interface PdfText {
  text: string;
  pages: number;
  title?: string;
}

async function pageRuns(pdf: PDFDocumentProxy, n: number): Promise<{ runs: Run[]; width: number }> {
  const page = await pdf.getPage(n);
  try {
    const view = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs: Run[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str) continue;
      const { transform, width, height, str } = item as TextItem;
      // Into the viewport's frame (y down), then flipped so that y grows upwards as in pdf-layout.
      const [x, yDown] = view.convertToViewportPoint(transform[4], transform[5]);
      const h = height || Math.hypot(transform[2], transform[3]) || 10;
      runs.push({ x, y: view.height - yDown, w: width, h, s: str });
    }
    return { runs, width: view.width };
  } finally {
    page.cleanup();
  }
}

export async function readPdf(
  bytes: Uint8Array,
  env: PdfEnv,
  limits: ImportLimits,
  opts: ExtractOptions = {},
): Promise<PdfText> {
  const pdfjs = await env.load();
  // pdf.js starts its own worker only from a window (it reads window.location); inside the import
  // Worker it would fall back to running on that thread. Handing it a Worker we start works in both.
  const port = env.workerSrc ? new Worker(env.workerSrc, { type: 'module' }) : undefined;
  const worker = port ? new pdfjs.PDFWorker({ port: port as unknown as null }) : undefined;
  const task = pdfjs.getDocument({
    worker,
    data: bytes.slice(), // pdf.js hands the buffer to its worker, which detaches the caller's copy
    cMapUrl: env.cMapUrl,
    cMapPacked: true,
    // pdf.js's worker fetches the cMaps itself: the page-side loader needs `document`, absent in a Worker.
    useWorkerFetch: Boolean(port),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let pdf: PDFDocumentProxy;
    try {
      pdf = await task.promise;
    } catch (error) {
      throw (error as Error)?.name === 'PasswordException' ? extractError('encrypted') : error;
    }
    if (pdf.numPages > limits.pages) throw extractError('too-large', limits);
    const pages: Line[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      opts.signal?.throwIfAborted();
      opts.onProgress?.({ label: `正在读取第 ${n}/${pdf.numPages} 页`, done: n - 1, total: pdf.numPages });
      const { runs, width } = await pageRuns(pdf, n);
      pages.push(dropPageNumbers(pageLines(runs, width)));
    }
    opts.onProgress?.({ label: `已读取 ${pdf.numPages} 页`, done: pdf.numPages, total: pdf.numPages });
    const text = joinPages(pages);
    // A few stray characters (a page number, a stamp) per page are not a text layer.
    const meaningful = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    if (meaningful < Math.max(10, 5 * pdf.numPages)) throw extractError('scanned');
    const info = (await pdf.getMetadata().catch(() => undefined))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
    return { text, pages: pdf.numPages, title };
  } catch (error) {
    if (error instanceof ExtractError || (error as Error)?.name === 'AbortError') throw error;
    throw extractError('damaged');
  } finally {
    await task.destroy();
    worker?.destroy();
    port?.terminate();
  }
}
