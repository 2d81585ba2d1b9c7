// The import's heavy work, off the dashboard's main thread: reading the file (PDF, Word, HTML,
// text) and building the document's deck. The dashboard cancels by terminating this worker.
import { ExtractError, extractDocument, type ExtractedDocument } from '@/lib/extract';
import { importDeck, importSourceId, sentenceCount } from '@/data/knowledge/import-plan';
import type { WorkerRequest, WorkerReply } from './protocol';

const post = (msg: WorkerReply) => (self as unknown as Worker).postMessage(msg);

async function run(req: WorkerRequest): Promise<void> {
  let doc: ExtractedDocument;
  if (req.type === 'file') {
    doc = await extractDocument(
      { name: req.name, bytes: new Uint8Array(req.bytes), type: req.mime },
      { onProgress: (p) => post({ type: 'progress', label: p.label, pages: p.total ? p.done : undefined, totalPages: p.total }) },
    );
  } else {
    doc = req.doc;
  }
  const sentences = sentenceCount(doc.text);
  post({ type: 'progress', label: '正在识别提法、数字和术语', pages: doc.pages, sentences });
  const sourceId = req.sourceId ?? importSourceId(doc.text);
  const deck = importDeck(doc, sourceId);
  post({ type: 'done', doc, deck, sentences });
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  run(e.data).catch((err: unknown) => {
    if (err instanceof ExtractError) post({ type: 'error', code: err.code, message: err.message });
    // A library's own error (in English) never reaches the user.
    else post({ type: 'error', code: 'damaged', message: '读取时出错：文件可能已损坏或格式不完整，没有导入任何内容。' });
  });
};
