// Plain text in the encodings Chinese files come in, and the clean-up every extractor's text gets.
import { extractError } from './messages';

/**
 * Bytes → text: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8, and when that fails,
 * GB18030 (a superset of GBK and GB2312, what Chinese Windows writes as "ANSI").
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

// CJK Radicals Supplement forms that PDF text layers put where a whole character was printed;
// NFKC maps only ⺟ and ⻳ of this block, so the rest are listed (the C-simplified forms first).
const RADICAL_LOOKALIKES: Record<string, string> = {
  '⻚': '页',
  '⻓': '长',
  '⻔': '门',
  '⻅': '见',
  '⻋': '车',
  '⻛': '风',
  '⻜': '飞',
  '⻢': '马',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻩': '黄',
  '⻨': '麦',
  '⻉': '贝',
  '⻙': '韦',
  '⻧': '卤',
  '⻪': '黾',
  '⻠': '饣',
  '⻐': '钅',
  '⻈': '讠',
  '⺰': '纟',
  '⻆': '角',
  '⻇': '角',
  '⻘': '青',
  '⻄': '西',
  '⻃': '西',
  '⺠': '民',
  '⻝': '食',
  '⻣': '骨',
  '⻤': '鬼',
  '⻑': '長',
  '⻒': '镸',
  '⻫': '斉',
  '⻭': '歯',
  '⻯': '竜',
  '⻱': '龜',
  '⻲': '亀',
  '⺇': '几',
  '⺆': '冂',
  '⺊': '卜',
  '⺌': '小',
  '⺝': '月',
  '⺼': '月',
  '⺜': '日',
  '⺩': '王',
  '⺮': '竹',
  '⺯': '糸',
  '⺷': '羊',
  '⺽': '臼',
  '⻁': '虎',
  '⻊': '足',
  '⻗': '雨',
  '⺁': '厂',
  '⺗': '心',
  '⺣': '灬',
  '⺢': '水',
  '⻌': '辶',
  '⻍': '辶',
  '⻎': '辶',
  '⻏': '阝',
  '⻖': '阝',
  '⻕': '阝',
};

// Kangxi Radicals, CJK Compatibility Ideographs (and their supplement): NFKC gives the ordinary
// character. NFKC is applied to these alone: on the whole text it would turn ，：（ into , : (.
const NFKC_LOOKALIKES = /[\u2F00-\u2FDF\uF900-\uFAFF]|\uD87E[\uDC00-\uDE1F]/g;
const SUPPLEMENT = /[\u2E80-\u2EFF]/g;

/** Radical and compatibility look-alikes → the ordinary characters (⼀→一, ⻚→页, 﨎 kept). */
export function mapLookalikes(text: string): string {
  return text
    .replace(NFKC_LOOKALIKES, (c) => c.normalize('NFKC'))
    .replace(SUPPLEMENT, (c) => RADICAL_LOOKALIKES[c] ?? c.normalize('NFKC'));
}

/** Line ends unified, look-alikes mapped, trailing spaces and runs of blank lines trimmed. */
export function tidyText(text: string): string {
  return mapLookalikes(text.replace(/\r\n?/g, '\n').replace(/\u00A0/g, ' '))
    .replace(/[ \t\u3000]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF]/gu;
const LETTER = /\p{L}/gu;

/** Refuses text with nothing in it, or with (almost) no Chinese; returns it otherwise. */
export function requireChinese(text: string): string {
  if (!text.trim()) throw extractError('empty');
  const han = text.match(HAN)?.length ?? 0;
  const letters = text.match(LETTER)?.length ?? 0;
  if (han < 2 || han < letters * 0.25) throw extractError('not-chinese');
  return text;
}
