// The import's heavy work, off the dashboard's main thread: reading the file (PDF, Word, HTML,
// text) and building the document's deck. The dashboard cancels by terminating this worker.
import { ExtractError, extractDocument, type ExtractedDocument } from '@/lib/extract';
import { browserEnv } from '@/lib/extract/env';
import { importDeck, importSourceId, sentenceCount } from '@/data/knowledge/import-plan';
import type { WorkerMessage, WorkerRequest, WorkerReply } from './protocol';

const post = (msg: WorkerReply) => (self as unknown as Worker).postMessage(msg);

async function run(req: WorkerRequest): Promise<void> {
  let doc: ExtractedDocument;
  if (req.type === 'file') {
    doc = await extractDocument(
      { name: req.name, bytes: new Uint8Array(req.bytes), type: req.mime },
      {
        onProgress: (p) =>
          post({ type: 'progress', label: p.label, pages: p.total ? p.done : undefined, totalPages: p.total }),
      },
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

// A few lines of our own in the style of a study material: the engine's first run builds its
// dictionaries (OpenCC's above all) and compiles its code, which a real document then skips.
const WARM_TEXT = `关于做好基层治理工作的通知
（2025年1月2日）
要坚持“三个到位”，即思想认识到位、责任落实到位、督促检查到位。
2024年，全省粮食产量达到1250万吨，同比增长2.1%。
`;

async function warm(): Promise<void> {
  await browserEnv().pdf.load();
  importDeck({ file: 'warm.txt', text: WARM_TEXT }, 'imp-warm');
}

self.onmessage = (e: MessageEvent<WorkerMessage>) => {
  const req = e.data;
  if (req.type === 'warm') {
    // Only a head start: a failure here shows again, in Chinese, when a real file is read.
    warm().catch(() => {});
    return;
  }
  run(req).catch((err: unknown) => {
    if (err instanceof ExtractError) post({ type: 'error', code: err.code, message: err.message });
    // A library's own error (in English) never reaches the user.
    else
      post({ type: 'error', code: 'damaged', message: '读取时出错：文件可能已损坏或格式不完整，没有导入任何内容。' });
  });
};
