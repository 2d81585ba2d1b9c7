// Figure clozes of magazine and news reports (constructed sentences in their style).
import { describe, expect, it } from 'vitest';
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
