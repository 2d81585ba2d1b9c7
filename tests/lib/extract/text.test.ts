import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { extractDocument } from '@/lib/extract';
import { decodeText, mapLookalikes } from '@/lib/extract/text';
import { nodeEnv } from '../../../scripts/extract-node';

const SENTENCE = '坚持稳中求进工作总基调，国内生产总值增长5%左右，城镇新增就业1200万人以上。';
const utf16 = (s: string, le: boolean) => {
  const bytes = new Uint8Array(2 + s.length * 2);
  bytes.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    bytes.set(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff], 2 + i * 2);
  }
  return bytes;
};

describe('decodeText', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(SENTENCE)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SENTENCE)])],
    ['UTF-16 LE with BOM', utf16(SENTENCE, true)],
    ['UTF-16 BE with BOM', utf16(SENTENCE, false)],
    ['GBK', new Uint8Array(iconv.encode(SENTENCE, 'gbk'))],
    ['GB18030', new Uint8Array(iconv.encode(SENTENCE, 'gb18030'))],
  ])('%s', (_, bytes) => {
    expect(decodeText(bytes)).toBe(SENTENCE);
  });

  it('reads a GBK .txt file through extractDocument, a line per paragraph', async () => {
    const text = `关于做好年度重点工作的通知\r\n${SENTENCE}\r\n\r\n\r\n\r\n各单位要抓好落实。\r\n`;
    const doc = await extractDocument(
      { name: '通知.txt', bytes: new Uint8Array(iconv.encode(text, 'gbk')) },
      { env: nodeEnv },
    );
    expect(doc).toEqual({
      file: '通知.txt',
      format: 'txt',
      text: `关于做好年度重点工作的通知\n${SENTENCE}\n\n各单位要抓好落实。`,
    });
  });
});

describe('mapLookalikes', () => {
  it.each([
    ['坚持以⼈⺠为中⼼', '坚持以人民为中心'], // Kangxi radicals (NFKC) and ⺠ (table)
    ['第⼀条　第⼆款', '第一条　第二款'],
    ['详⻅第⻚', '详见第页'],
    ['⻓江经济带⾼质量发展', '长江经济带高质量发展'],
    ['⻔户⽹站', '门户网站'],
    ['⻋⻢⻥⻦⻰⻮⻬⻩', '车马鱼鸟龙齿齐黄'],
    ['⺟婴', '母婴'],
    ['北京 ：增长５．５％，（试行）', '北京 ：增长５．５％，（试行）'], // full-width punctuation and digits stay
  ])('%s → %s', (from, to) => {
    expect(mapLookalikes(from)).toBe(to);
  });

  it('maps every character of the Kangxi Radicals block to an ordinary ideograph', () => {
    const kangxi = Array.from({ length: 0x2fd5 - 0x2f00 + 1 }, (_, i) => String.fromCodePoint(0x2f00 + i)).join('');
    expect(mapLookalikes(kangxi)).toMatch(/^[\u4E00-\u9FFF]+$/u);
  });
});
