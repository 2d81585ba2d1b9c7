import { describe, expect, it } from 'vitest';
import { buildTermIndex, matcherFromIndex } from '../../../data/match/index-terms';

describe('buildTermIndex: what is worth highlighting', () => {
  const index = buildTermIndex([
    { text: '三区三州', variants: ['三區三州'], noteId: 'sqsz', role: 'name' },
    {
      text: '聚焦“三区三州”等深度贫困地区',
      variants: ['聚焦“三區三州”等深度貧困地區'],
      noteId: 'outline',
      role: 'member',
    },
    { text: '对贫困人口强化“扶智”', noteId: 'outline', role: 'member' },
    { text: '加大深度贫困地区攻坚力度', noteId: 'outline', role: 'member' },
  ]);

  it('leaves out the notes whose every card is held back as 待核实', () => {
    const terms = [
      { text: '格外关注', noteId: 'held', role: 'member' as const },
      { text: '三区三州', noteId: 'sqsz', role: 'name' as const },
    ];
    expect(buildTermIndex(terms, new Set(['held'])).patterns).toEqual(['三区三州']);
    expect(buildTermIndex(terms).patterns).toEqual(['格外关注', '三区三州']);
  });

  it('leaves out members that quote another term: they would hide that term', () => {
    expect(index.patterns).toEqual(['三区三州', '三區三州', '加大深度贫困地区攻坚力度']);
  });

  it('so the quoted term is found inside the outline phrase, simplified and traditional', () => {
    const m = matcherFromIndex(index);
    for (const text of ['聚焦“三区三州”等深度贫困地区', '聚焦「三區三州」等深度貧困地區']) {
      expect(m.findAll(text).map((h) => index.noteIds[h.id as number][0])).toEqual(['sqsz']);
    }
  });
});
