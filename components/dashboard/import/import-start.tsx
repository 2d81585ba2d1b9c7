import { useState } from 'react';

export interface ImportStartProps {
  onFiles: (files: FileList | File[] | null) => void;
  onPaste: (title: string, text: string) => void;
  onError: (message: string) => void;
}

/** Where an import starts: drop or choose files (documents or Anki packages), or paste text with a title. */
export function ImportStart({ onFiles, onPaste, onError }: ImportStartProps) {
  const [pasteTitle, setPasteTitle] = useState('');
  const [pasteText, setPasteText] = useState('');
  const [dragging, setDragging] = useState(false);
  return (
    <>
      <div
        className={`dropzone ${dragging ? 'over' : ''}`}
        data-testid="import-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          onFiles(e.dataTransfer.files);
        }}
      >
        <p>把文件拖到这里，或</p>
        <label className="button primary" htmlFor="import-files">
          选择文件…
        </label>
        <input
          id="import-files"
          className="visually-hidden"
          type="file"
          multiple
          accept=".txt,.text,.pdf,.docx,.html,.htm,.mhtml,.mht,.apkg,.colpkg,text/plain,application/pdf,text/html"
          data-testid="import-file"
          onChange={(e) => {
            onFiles(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      <form
        className="paste"
        onSubmit={(e) => {
          e.preventDefault();
          if (!pasteText.trim()) return onError('请先粘贴文件的文字。');
          onPaste(pasteTitle.trim(), pasteText);
        }}
      >
        <h3>或粘贴文字</h3>
        <label>
          标题
          <input
            value={pasteTitle}
            onChange={(e) => setPasteTitle(e.target.value)}
            placeholder="例如：2025年政府工作报告"
            data-testid="paste-title"
          />
        </label>
        <label>
          正文
          <textarea
            rows={8}
            value={pasteText}
            onChange={(e) => setPasteText(e.target.value)}
            placeholder="把文件的全文粘贴到这里"
            data-testid="paste-text"
          />
        </label>
        <button type="submit" data-testid="paste-submit">
          读取文字
        </button>
      </form>
    </>
  );
}
