import { describe, expect, it } from 'vitest';
import { extractDocument } from '@/lib/extract';
import { nodeEnv } from '../../../scripts/extract-node';
import { makeDocx } from './make-docx';

const read = (name: string, bytes: Uint8Array) => extractDocument({ name, bytes }, { env: nodeEnv });
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ole = () => new Uint8Array([...OLE, ...new Array(504).fill(0)]);

describe('Word .docx', () => {
  it('gives the raw text, a paragraph per line, bold runs joined, and the title from its properties', async () => {
    const bytes = makeDocx(
      [
        '关于加强基层治理体系建设的意见',
        '坚持和发展新时代**“枫桥经验”**，推进基层治理**现代化**。',
        '',
        '到2027年，城乡社区综合服务设施覆盖率达到100%。',
      ],
      '基层治理意见',
    );
    expect(await read('意见.docx', bytes)).toEqual({
      file: '意见.docx',
      format: 'docx',
      text: '关于加强基层治理体系建设的意见\n坚持和发展新时代“枫桥经验”，推进基层治理现代化。\n\n到2027年，城乡社区综合服务设施覆盖率达到100%。',
      titleHint: '基层治理意见',
    });
  });
});

describe('Word files that cannot be imported', () => {
  it.each([
    [
      'Word 97–2003 .doc',
      '报告.doc',
      ole(),
      'legacy-doc',
      '这是旧版 Word 文档（.doc），请在 Word 或 WPS 中另存为 .docx 或 PDF 后再导入',
    ],
    ['WPS .wps', '报告.wps', ole(), 'wps', '这是 WPS 文档（.wps），请在 WPS 中另存为 .docx 或 PDF 后再导入'],
    [
      'a password-protected .docx (an OLE envelope)',
      '报告.docx',
      ole(),
      'encrypted',
      '文件设有密码保护，请先取消密码再导入',
    ],
    [
      'a zip that is no Word document',
      '报告.docx',
      makeDocx([]).subarray(0, 60),
      'damaged',
      '文件已损坏或格式异常，无法读取',
    ],
    [
      'a .docx that is not a zip',
      '报告.docx',
      new TextEncoder().encode('not a zip at all, just bytes\0'),
      'damaged',
      '文件已损坏或格式异常，无法读取',
    ],
  ])('%s → %s', async (_, name, bytes, code, message) => {
    await expect(read(name, bytes)).rejects.toMatchObject({ name: 'ExtractError', code, message });
  });
});
