// Every file Tifa cannot import gets its own Chinese message; no library's English reaches the user.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { extractDocument, extractPasted, IMPORT_LIMITS, messageOf, type ExtractErrorCode } from '@/lib/extract';
import { nodeEnv } from '../../../scripts/extract-node';

const read = (name: string, bytes: Uint8Array, type?: string) =>
  extractDocument({ name, bytes, type }, { env: nodeEnv });
const utf8 = (s: string) => new TextEncoder().encode(s);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);

describe('bad input', () => {
  it.each<[string, string, () => Uint8Array, ExtractErrorCode, string | undefined]>([
    ['an empty file', '空.txt', () => new Uint8Array(), 'empty', undefined],
    ['a file of blank lines', '空白.txt', () => utf8(' \r\n\u3000\n\t\n'), 'empty', undefined],
    ['a PNG picture', '扫描.png', () => PNG, 'image', undefined],
    ['a JPEG picture with a wrong name', '文件.pdf.jpg', () => JPEG, 'image', undefined],
    ['a picture by MIME type', '照片', () => new Uint8Array([1, 2, 3, 0]), 'image', 'image/heic'],
    [
      'an SVG drawing',
      '图示.svg',
      () => utf8('<svg xmlns="http://www.w3.org/2000/svg"><text>示意图</text></svg>'),
      'image',
      undefined,
    ],
    [
      'an RTF file',
      '通知.rtf',
      () => utf8("{\\rtf1\\ansi\\ansicpg936 \\'d6\\'d0\\'b9\\'fa}"),
      'unsupported',
      undefined,
    ],
    [
      'English text',
      'report.txt',
      () => utf8('The Government Work Report sets a growth target of around 5 percent for this year.'),
      'not-chinese',
      undefined,
    ],
    ['a spreadsheet', '统计.xlsx', () => zipSync({ 'xl/workbook.xml': utf8('<workbook/>') }), 'unsupported', undefined],
    ['a binary file', '程序.exe', () => new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 'unsupported', undefined],
    [
      'an HTML file with no article',
      '首页.html',
      () => utf8('<html><body><nav><a href="/">首页</a><a href="/b">政策</a></nav></body></html>'),
      'no-article',
      undefined,
    ],
    [
      'an MHTML file with no HTML part',
      '页面.mhtml',
      () =>
        utf8(
          'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="X"\r\n\r\n--X\r\nContent-Type: image/png\r\n\r\nabc\r\n--X--\r\n',
        ),
      'no-article',
      undefined,
    ],
    [
      'an MHTML file without parts',
      '页面.mhtml',
      () => utf8('MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n正文'),
      'damaged',
      undefined,
    ],
  ])('%s → %s', async (_, name, bytes, code, type) => {
    await expect(read(name, bytes(), type)).rejects.toMatchObject({
      name: 'ExtractError',
      code,
      message: messageOf(code),
    });
  });

  it('refuses a file over 50 MB before reading it, stating both limits', async () => {
    const big = new Uint8Array(IMPORT_LIMITS.bytes + 1);
    await expect(read('大文件.pdf', big)).rejects.toMatchObject({
      code: 'too-large',
      message: '文件太大：最多可导入 50 MB、2000 页以内的文件，请拆分后再导入',
    });
  });

  it('has a Chinese message for every code, with no English beyond format names', () => {
    const codes: ExtractErrorCode[] = [
      'empty',
      'too-large',
      'scanned',
      'encrypted',
      'legacy-doc',
      'wps',
      'image',
      'unsupported',
      'not-chinese',
      'no-article',
      'damaged',
    ];
    for (const code of codes) {
      const message = messageOf(code);
      expect(message).toMatch(/[\u4E00-\u9FFF]{4}/);
      expect(message.replace(/PDF|Word|WPS|MB|\.(docx?|wps|html|mhtml|txt)/g, '')).not.toMatch(/[A-Za-z]/);
    }
  });
});

describe('what passes', () => {
  it('takes Chinese text with some English in it', async () => {
    const doc = await read('讲话.txt', utf8('推动人工智能（AI）与实体经济深度融合，5G基站总数达到425万个。'));
    expect(doc.text).toBe('推动人工智能（AI）与实体经济深度融合，5G基站总数达到425万个。');
  });

  it('tells HTML from text by its content when the name says nothing', async () => {
    const html = `<!doctype html><html><head><title>示范文章</title></head><body><article><p>${'坚持稳中求进工作总基调，推动高质量发展。'.repeat(5)}</p></article></body></html>`;
    expect((await read('下载', utf8(html))).format).toBe('html');
  });
});

describe('pasted text and stopping', () => {
  it('cleans pasted text like a file’s and refuses it on the same grounds', () => {
    expect(extractPasted('  坚持以⼈⺠为中⼼的发展思想。\r\n\r\n\r\n\r\n全年粮食产量1.4万亿斤以上。  ')).toEqual({
      file: '粘贴的文字',
      format: 'paste',
      text: '坚持以人民为中心的发展思想。\n\n全年粮食产量1.4万亿斤以上。',
    });
    expect(() => extractPasted('   ')).toThrow(expect.objectContaining({ code: 'empty' }));
    expect(() => extractPasted('Hello, world. This is not a policy document.')).toThrow(
      expect.objectContaining({ code: 'not-chinese' }),
    );
  });

  it('stops a PDF when the caller aborts, with AbortError rather than a Chinese refusal', async () => {
    const controller = new AbortController();
    controller.abort();
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/extract/policy.pdf', import.meta.url)));
    await expect(
      extractDocument({ name: 'a.pdf', bytes }, { env: nodeEnv, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
