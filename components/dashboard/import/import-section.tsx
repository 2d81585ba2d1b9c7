import { useCallback, useEffect, useRef, useState } from 'react';
import { db, type SourceRow } from '@/data/db/schema';
import { conflictsWithDeck, findImported, writeImport, type ImportPlan } from '@/data/db/import';
import { toChineseMessage } from '@/data/db/errors';
import { ExtractError, extractPage } from '@/lib/extract';
import type { Source } from '@/data/knowledge/types';
import { takePageHandoff, type PageHandoff } from '@/lib/browser/page-import';
import { ErrorAlert } from '@/components/common/error-alert';
import { prepareImportWorker, releaseImportWorker, runImportWorker, type Extracted } from './run';
import type { ImportProgress, WorkerRequest } from './protocol';
import { ImportPreview } from './preview';
import { ReadingProgress } from './reading-progress';
import { DuplicateNotice } from './duplicate-notice';
import { ImportStart } from './import-start';
import { AnkiImport } from './anki-import';
import { isAnkiFile } from './anki-run';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; progress: ImportProgress }
  | {
      kind: 'preview';
      plan: ImportPlan;
      extracted: Extracted;
      replacing?: SourceRow;
      current: Set<string>;
      titles: Map<string, string>;
    }
  | { kind: 'duplicate'; existing: SourceRow; extracted: Extracted; name: string }
  | { kind: 'anki'; file: File };

/** `#import?replace=<source id>`: 重新导入 from the documents page. */
function replaceFromHash(): string | undefined {
  const q = location.hash.split('?')[1];
  return q ? (new URLSearchParams(q).get('replace') ?? undefined) : undefined;
}

const NO_CARDS = '这份文件里没有找到可以制作卡片的提法、数字或术语，没有导入任何内容。';

/** #import: files, pasted text or the page handed over by the popup → preview → 加入学习. */
export function ImportSection() {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [queue, setQueue] = useState<File[]>([]);
  const [replace, setReplace] = useState(replaceFromHash);
  const [replaceTitle, setReplaceTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    const onHash = () => setReplace(replaceFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (!replace) return setReplaceTitle('');
    void db.sources.get(replace).then((s) => setReplaceTitle(s?.title ?? ''));
  }, [replace]);
  // Closing the page mid-import: the worker dies with it and nothing was written.
  useEffect(() => () => abort.current?.abort(), []);
  // The worker loads pdf.js and the engine's dictionaries while the user picks a file.
  useEffect(() => {
    prepareImportWorker();
    return releaseImportWorker;
  }, []);

  const start = useCallback(
    async (req: WorkerRequest, name: string, titleOverride?: string) => {
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      setError('');
      setDone('');
      setPhase({ kind: 'reading', name, progress: { label: '正在读取' } });
      try {
        const sourceId = req.sourceId ?? replace;
        const extracted = await runImportWorker(
          { ...req, sourceId },
          (p) => setPhase((ph) => (ph.kind === 'reading' ? { ...ph, progress: { ...ph.progress, ...p } } : ph)),
          ctrl.signal,
        );
        if (ctrl.signal.aborted) return;
        const { deck, doc } = extracted;
        if (!deck.cards.length) throw new ExtractError('empty', NO_CARDS);
        const source = { ...deck.sources[0] };
        if (titleOverride) source.title = titleOverride;
        const replacing = sourceId ? await db.sources.get(sourceId) : undefined;
        // A newer version keeps the name the user gave the document.
        if (replacing && !titleOverride) source.title = replacing.title;
        if (!replacing) {
          const existing = await findImported(db, doc.text, source);
          if (existing) return setPhase({ kind: 'duplicate', existing, extracted, name });
        }
        const conflicts = await conflictsWithDeck(db, source.id, deck);
        const current = new Set(
          await db.cards
            .where('sourceIds')
            .equals(source.id)
            .filter((c) => !c.retired)
            .primaryKeys(),
        );
        const titles = new Map((await db.sources.toArray()).map((s) => [s.id, s.title]));
        const plan: ImportPlan = {
          source,
          text: doc.text,
          format: doc.format,
          deck: { ...deck, sources: [source] },
          conflicts,
        };
        setPhase({ kind: 'preview', plan, extracted, replacing, current, titles });
      } catch (err) {
        if (ctrl.signal.aborted) return;
        setError(err instanceof Error && /[\u4e00-\u9fff]/.test(err.message) ? err.message : toChineseMessage(err));
        setPhase({ kind: 'idle' });
      }
    },
    [replace],
  );

  const startFile = useCallback(
    async (file: File) => {
      // An Anki package has its own reader, preview and worker (anki-import.tsx).
      if (isAnkiFile(file.name)) return setPhase({ kind: 'anki', file });
      const bytes = await file.arrayBuffer();
      await start({ type: 'file', name: file.name, bytes, mime: file.type || undefined }, file.name);
    },
    [start],
  );

  // The next chosen file, once the one before is written, skipped or refused.
  useEffect(() => {
    if (phase.kind !== 'idle' || !queue.length) return;
    const [next, ...rest] = queue;
    setQueue(rest);
    void startFile(next);
  }, [phase.kind, queue, startFile]);

  const startPage = useCallback(
    (page: PageHandoff) => {
      try {
        const parsed = new DOMParser().parseFromString(page.html, 'text/html');
        const doc = extractPage(parsed, page.url);
        void start({ type: 'text', doc: { ...doc, titleHint: doc.titleHint ?? page.title } }, page.title || page.url);
      } catch (err) {
        setError(err instanceof ExtractError ? err.message : '没有读到这个网页的正文，没有导入任何内容。');
      }
    },
    [start],
  );

  // 导入本页: the popup left the page in storage.session and opened this page.
  useEffect(() => {
    const check = () =>
      void takePageHandoff()
        .then((page) => page && startPage(page))
        .catch(() => {});
    check();
    window.addEventListener('hashchange', check);
    window.addEventListener('focus', check);
    return () => {
      window.removeEventListener('hashchange', check);
      window.removeEventListener('focus', check);
    };
  }, [startPage]);

  function chooseFiles(files: FileList | File[] | null) {
    const list = [...(files ?? [])];
    if (!list.length) return;
    setError('');
    setDone('');
    if (phase.kind === 'idle') {
      const [first, ...rest] = list;
      setQueue((q) => [...q, ...rest]);
      void startFile(first);
    } else setQueue((q) => [...q, ...list]);
  }

  function startPaste(title: string, text: string) {
    void start(
      {
        type: 'text',
        doc: { file: title || '粘贴的文字', format: 'paste', text, ...(title ? { titleHint: title } : {}) },
      },
      title || '粘贴的文字',
      title || undefined,
    );
  }
  const ankiFinished = useCallback((message: string) => (setDone(message), setPhase({ kind: 'idle' })), []);
  const ankiFailed = useCallback((message: string) => (setError(message), setPhase({ kind: 'idle' })), []);

  function finish(message = '') {
    setDone(message);
    setPhase({ kind: 'idle' });
    if (replace) {
      setReplace(undefined);
      history.replaceState(null, '', '#import');
    }
  }

  async function confirm(plan: ImportPlan, source: Source, chosen: Set<string>) {
    setBusy(true);
    setError('');
    try {
      const counts = await writeImport(
        db,
        { ...plan, source, deck: { ...plan.deck, sources: [source] } },
        chosen,
        new Date(),
      );
      const parts = [
        `新增 ${counts.added} 张`,
        counts.kept ? `保留进度 ${counts.kept} 张` : '',
        counts.retired ? `停用 ${counts.retired} 张` : '',
      ].filter(Boolean);
      finish(`已加入学习：《${source.title}》，${parts.join('，')}。`);
    } catch (err) {
      setError(toChineseMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const reading = phase.kind === 'reading';
  return (
    <section aria-labelledby="import-heading" className="import">
      <h2 id="import-heading">导入文件</h2>
      {replace ? (
        <p className="notice" data-testid="import-replace-banner">
          重新导入《{replaceTitle || '…'}》：请选择新版本的文件或粘贴新版本的文字。
          <button type="button" onClick={() => finish()}>
            改为导入新文件
          </button>
        </p>
      ) : (
        <p className="muted">
          支持纯文本（.txt，UTF-8 或 GBK）、PDF（带文字层）、Word（.docx）、网页（.html、.mhtml）和 Anki
          卡组（.apkg、.colpkg），可一次选择多个文件。所有处理都在本机完成。
        </p>
      )}
      <ErrorAlert message={error} />
      {done ? (
        <p className="ok" role="status" data-testid="import-done">
          {done} <a href="#cards">去卡片页查看</a> · <a href="#documents">查看文件</a>
        </p>
      ) : null}

      {phase.kind === 'idle' ? <ImportStart onFiles={chooseFiles} onPaste={startPaste} onError={setError} /> : null}
      {phase.kind === 'anki' ? <AnkiImport file={phase.file} onFinish={ankiFinished} onError={ankiFailed} /> : null}

      {reading ? (
        <ReadingProgress
          name={phase.name}
          progress={phase.progress}
          waiting={queue.length}
          onCancel={() => {
            abort.current?.abort();
            setQueue([]);
            setPhase({ kind: 'idle' });
            setDone('已取消导入，没有写入任何内容。');
          }}
        />
      ) : null}

      {phase.kind === 'duplicate' ? (
        <DuplicateNotice
          title={phase.existing.title}
          onReplace={() => {
            setReplace(phase.existing.id);
            void start({ type: 'text', doc: phase.extracted.doc, sourceId: phase.existing.id }, phase.name);
          }}
          onCancel={() => finish()}
        />
      ) : null}

      {phase.kind === 'preview' ? (
        <ImportPreview
          plan={phase.plan}
          sentences={phase.extracted.sentences}
          pages={phase.extracted.doc.pages}
          replacing={phase.replacing}
          current={phase.current}
          titles={phase.titles}
          busy={busy}
          onConfirm={(source, chosen) => void confirm(phase.plan, source, chosen)}
          onCancel={() => finish('已放弃，没有写入任何内容。')}
        />
      ) : null}
    </section>
  );
}
