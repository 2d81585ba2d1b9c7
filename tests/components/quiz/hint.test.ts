// 查看提示 shows the source sentence with the answer hidden, never the answer itself.
import { describe, expect, it } from 'vitest';
import { hintPieces } from '@/components/quiz/hint';

const text = (pieces: ReturnType<typeof hintPieces>) => pieces.map((p) => p.text).join('');

describe('hintPieces', () => {
  const quote = '到2020年稳定实现农村贫困人口不愁吃、不愁穿，\n义务教育、基本医疗和住房安全有保障。';

  it('hides the marked answer with a blank as long as it, and tidies the line break', () => {
    const at = quote.indexOf('2020年');
    const pieces = hintPieces({ source: 's', quote, marks: [[at, at + 5]] });
    expect(text(pieces)).toBe('到＿＿＿＿＿稳定实现农村贫困人口不愁吃、不愁穿，义务教育、基本医疗和住房安全有保障。');
    expect(pieces.filter((p) => p.marked)).toHaveLength(1);
  });

  it('hides every giveaway too, but no single characters', () => {
    const pieces = hintPieces({ source: 's', quote }, ['不愁吃', '不愁穿', '农']);
    expect(text(pieces)).toBe('到2020年稳定实现农村贫困人口＿＿＿、＿＿＿，义务教育、基本医疗和住房安全有保障。');
  });
});
