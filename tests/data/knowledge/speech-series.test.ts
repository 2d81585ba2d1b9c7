// Speech formulations with no cue word (constructed sentences in the style of a commemorative speech).
import { describe, expect, it } from 'vitest';
import { extractFormulations } from '@/data/knowledge/formulations';

const parallel = (s: string) => extractFormulations(s).filter((f) => f.via === 'parallel');

describe('four-character verb–object slogans', () => {
  it('finds four or more that share no character and make up the clause', () => {
    const s = '今天我们在这里集会，就是要牢记使命、弘扬传统、守护家园、创造未来。';
    const [f] = parallel(s);
    expect(f?.members).toEqual(['牢记使命', '弘扬传统', '守护家园', '创造未来']);
    expect(f.pattern).toBe('＿＿＿＿');
    f.memberSpans.forEach((m, i) => expect(s.slice(m.start, m.end)).toBe(f.members[i]));
  });

  it.each([
    ['three only', '我们要牢记使命、弘扬传统、创造未来。'],
    ['a noun list', '这些年来，干部队伍理论水平、业务能力、工作作风、精神面貌都有新变化。'],
    ['an open list', '通过加强学习、提高能力、改善作风、落实责任等方式推动工作。'],
    ['idioms', '大家要坚定信心、一鼓作气、尽锐出战、攻城拔寨。'],
  ])('finds nothing in %s', (_why, s) => {
    expect(parallel(s)).toEqual([]);
  });
});
