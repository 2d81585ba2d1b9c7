// The title an imported text gets: its headline, else the container's title, else none (the preview asks).
import { describe, expect, it } from 'vitest';
import { importDeck } from '@/data/knowledge/import-plan';

const PROSE =
  '省人民代表大会今天上午在省会开幕，省长向大会作政府工作报告。\n过去一年，全省地区生产总值增长5.2%，城镇新增就业65万人。\n';

describe('an imported text that opens on prose', () => {
  it('has no title, so the preview asks for one', () => {
    expect(importDeck({ file: '粘贴的文字', text: PROSE }, 'imp-1').sources[0].title).toBe('');
  });

  it('takes the title of the page or file it came in', () => {
    expect(
      importDeck({ file: 'a.html', text: PROSE, titleHint: ' 省政府工作报告要点 ' }, 'imp-1').sources[0].title,
    ).toBe('省政府工作报告要点');
  });

  it('keeps its own headline over the container’s title', () => {
    const text = '省政府工作报告\n' + PROSE;
    expect(importDeck({ file: 'a.html', text, titleHint: '新闻中心' }, 'imp-2').sources[0].title).toBe(
      '省政府工作报告',
    );
  });
});
