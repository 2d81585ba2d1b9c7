// Figure clozes of magazine and news reports (constructed sentences in their style).
import { describe, expect, it } from 'vitest';
import { buildDeck } from '@/data/knowledge/deck';
import { extractFigures, figureCloze } from '@/data/knowledge/figures';
import { normalizeDocument } from '@/data/knowledge/normalize';

const prompts = (s: string) => {
  const { text, sentences } = normalizeDocument(s);
  return extractFigures(text, sentences).map((f) => figureCloze(text, f).prompt);
};

describe('a reporter’s byline', () => {
  it.each([
    ['《时代》记者/王晓明 2025年3月5日，第十四届全国人民代表大会第三次会议在北京开幕。'],
    ['本刊记者／王晓明、李红 2025年3月5日，第十四届全国人民代表大会第三次会议在北京开幕。'],
  ])('is not context in %s', (s) => {
    expect(prompts(s)[0]).toBe('2025年3月5日，____全国人民代表大会第三次会议在北京开幕');
  });

  it('stays when the name runs on into the sentence', () => {
    const [p] = prompts('记者/王晓明从会上获悉，第十四届全国人民代表大会第三次会议在北京开幕。');
    expect(p).toContain('记者/王晓明从会上获悉');
  });
});

describe('a table of contents', () => {
  const text = [
    '2026年政府工作报告',
    '报告共分四个部分：一、2025年工作回顾；二、“十五五”时期主要目标和重大任务；三、2026年经济社会发展总体要求和政策取向；四、2026年政府工作任务。',
    '2025年，国内生产总值达到140万亿元，城镇新增就业1267万人。',
  ].join('\n');
  const cards = buildDeck([{ file: 'report.txt', text }]).cards.filter((c) => c.kind === 'figure-cloze');

  it('gives no figure card; the body still does', () => {
    expect(cards.filter((c) => c.prompt.includes('部分') || c.prompt.includes('时期主要目标'))).toEqual([]);
    expect(cards.map((c) => c.answer)).toContain('1267万人');
  });
});

describe('an item of a colon list', () => {
  it('is asked under what the list is of, not after the item before', () => {
    const ps = prompts(
      '会议提出，明年发展主要预期目标是：经济增长6%左右，努力争取更好结果；城镇新增就业1100万人以上；粮食产量1.3万亿斤以上。',
    );
    expect(ps).toEqual([
      '会议提出，明年发展主要预期目标是：经济增长____',
      '明年发展主要预期目标：城镇新增就业____',
      '明年发展主要预期目标：粮食产量____',
    ]);
  });

  it('keeps the clause before after a colon that opens no list', () => {
    expect(prompts('会议指出：全年粮食产量达到1.3万亿斤，比上年增加220亿斤。')[1]).toBe(
      '会议指出：全年粮食产量达到1.3万亿斤，比上年增加____',
    );
  });
});
