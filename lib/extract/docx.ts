// Word .docx → text with mammoth (raw text, a paragraph per line); the title from docProps/core.xml.
import { strFromU8, unzipSync } from 'fflate';

export interface DocxText {
  text: string;
  title?: string;
}

function coreTitle(bytes: Uint8Array): string | undefined {
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' });
    const core = files['docProps/core.xml'];
    const title = core && /<dc:title>([^<]*)<\/dc:title>/.exec(strFromU8(core))?.[1]?.trim();
    return title ? title.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>') : undefined;
  } catch {
    return undefined;
  }
}

export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  const arrayBuffer = bytes.slice().buffer;
  // mammoth's browser build reads `arrayBuffer`, its Node build `buffer`; both open the same zip.
  const input = { arrayBuffer, buffer: arrayBuffer } as unknown as { arrayBuffer: ArrayBuffer };
  // Loaded on first use: whoever imports lib/extract for pages only (导入本页) does not carry mammoth.
  const { default: mammoth } = await import('mammoth');
  const { value } = await mammoth.extractRawText(input);
  return { text: value.replace(/\n{2}/g, '\n'), title: coreTitle(bytes) };
}
