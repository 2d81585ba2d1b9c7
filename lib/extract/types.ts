// The contract between reading a file (PDF, Word, web page, text in any encoding) and the pure
// engine in data/knowledge: extraction hands over plain text, the engine never sees the file.

export type ImportFormat = 'txt' | 'pdf' | 'docx' | 'html' | 'mhtml' | 'page' | 'paste';

export interface ExtractedDocument {
  /** The file name, or the page's URL for 导入本页. */
  file: string;
  format: ImportFormat;
  /** The document's text: one paragraph (or PDF line) per line, blank lines between blocks and pages. */
  text: string;
  /** A title the container states (HTML <title>, PDF/DOCX metadata); the engine's own finding comes first. */
  titleHint?: string;
  /** Where an imported page came from. */
  url?: string;
  /** PDF pages read. */
  pages?: number;
}

/** Why a file cannot be imported; each code has one Chinese message (messageOf). */
export type ExtractErrorCode =
  | 'empty' // nothing in the file
  | 'too-large' // over the size or page limit
  | 'scanned' // a PDF with no text layer
  | 'encrypted' // a password-protected PDF or Word file
  | 'legacy-doc' // Word 97–2003 .doc
  | 'wps' // WPS .wps
  | 'image' // a picture
  | 'unsupported' // any other kind of file
  | 'not-chinese' // text with (almost) no Chinese
  | 'no-article' // a page where no article text is found
  | 'damaged'; // a parser failed half-way

export class ExtractError extends Error {
  constructor(
    readonly code: ExtractErrorCode,
    /** The Chinese message shown to the user. */
    message: string,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}

export interface ExtractProgress {
  /** Chinese label of the step, e.g. "正在读取第 3/100 页". */
  label: string;
  done: number;
  total?: number;
}

export interface ExtractInput {
  name: string;
  bytes: Uint8Array;
  /** MIME type where the browser knows it. */
  type?: string;
}

export interface ExtractOptions {
  onProgress?: (p: ExtractProgress) => void;
  signal?: AbortSignal;
  /** The host; by default the browser's (lib/extract/env.ts). Node passes its own (scripts/extract-node.ts). */
  env?: ExtractEnv;
  /** Tighter limits than IMPORT_LIMITS (tests); larger values are ignored. */
  limits?: Partial<ImportLimits>;
}

export interface ImportLimits {
  /** Largest file read, in bytes. */
  bytes: number;
  /** Most PDF pages read. */
  pages: number;
}

/** What a PDF needs from its host: the pdf.js module and where its worker and CJK cMaps live. */
export interface PdfEnv {
  /** pdf.js itself: the modern build in the extension, the legacy build in Node 20. */
  load: () => Promise<typeof import('pdfjs-dist')>;
  /** The worker script (an extension URL); undefined runs pdf.js on this thread (Node: its fake worker). */
  workerSrc?: string;
  /** Folder (ending in '/') of the packaged .bcmap files: an extension URL, or a path in Node. */
  cMapUrl: string;
}

/** The host the extractors run in; passed in so that the same code runs in a Worker, a page and Node. */
export interface ExtractEnv {
  /** HTML text → a Document: DOMParser in a page, linkedom in a Worker or in Node. */
  parseHtml: (html: string) => Document | Promise<Document>;
  pdf: PdfEnv;
}
