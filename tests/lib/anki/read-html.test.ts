// Anki fields are HTML: shown as plain text, never parsed into a document or run.
import { describe, expect, it } from 'vitest';
import { htmlToMembers, htmlToText } from '../../../lib/anki/read-html';
import { ankiSchedule } from '../../../lib/anki/read-schedule';

describe('htmlToMembers', () => {
  it('reads the members of the 成员 list Tifa writes, as text, in order; markup inside never runs', () => {
    expect(htmlToMembers('<ol><li>扶持对象精准</li><li>项目&amp;安排</li></ol>')).toEqual([
      '扶持对象精准',
      '项目&安排',
    ]);
    expect(htmlToMembers('<ol><li><script>alert(1)</script>一<br>二</li><li> </li></ol>')).toEqual(['一 二']);
    expect(htmlToMembers('没有列表')).toEqual([]);
  });
});

describe('htmlToText', () => {
  it('drops tags and what scripts, styles and comments hold; keeps line breaks', () => {
    expect(htmlToText('<div>坚持<b>党的</b>领导</div><div>坚持人民至上</div>')).toBe('坚持党的领导\n坚持人民至上');
    expect(htmlToText('一<br>二<br/>三')).toBe('一\n二\n三');
    expect(
      htmlToText('<style>p{color:red}</style><script>alert("x")</script><!-- 注释 -->正文<img src=x onerror=alert(1)>'),
    ).toBe('正文');
    expect(htmlToText('<SCRIPT type="text/javascript">document.cookie</SCRIPT>安全')).toBe('安全');
  });
  it('decodes entities, and never turns one into a tag', () => {
    expect(htmlToText('5&nbsp;%&amp;&lt;b&gt;&#20013;&#x6587;&ldquo;引&rdquo;')).toBe('5 %&<b>中文“引”');
    expect(htmlToText('&#0;&#x1;&#xD800;&unknown;')).toBe('&unknown;');
  });
  it('removes sound references and keeps a stray < as text', () => {
    expect(htmlToText('读音[sound:abc.mp3] 1 < 2')).toBe('读音 1 < 2');
  });
});

describe('ankiSchedule', () => {
  const card = { id: 1, nid: 1, did: 1, ord: 0, type: 2, queue: 2, due: 10, ivl: 5, factor: 2500, reps: 4, lapses: 0 };
  const DAY = 86_400_000;
  const now = new Date(Date.UTC(2026, 0, 1));
  it('"Forget" (a manual entry with interval 0) starts the memory over', () => {
    const reviews = (from: number) =>
      [0, 1, 2].map((d) => ({ id: from + d * 3 * DAY, cid: 1, ease: 3, ivl: 3, type: 1 }));
    const plain = ankiSchedule(card, reviews(DAY), 0, now, true);
    const reset = ankiSchedule(
      card,
      [{ id: 0, cid: 1, ease: 1, ivl: 1, type: 1 }, { id: 1000, cid: 1, ease: 0, ivl: 0, type: 4 }, ...reviews(DAY)],
      0,
      now,
      true,
    );
    expect(reset.fsrs.stability).toBeCloseTo(plain.fsrs.stability, 6);
    expect(reset.logs.map((l) => l.state)).toEqual([0, 0, 2, 2]);
  });
  it('a clock turned back never gives a negative time between reviews', () => {
    const s = ankiSchedule(
      card,
      [
        { id: 10 * DAY, cid: 1, ease: 3, ivl: 3, type: 0 },
        { id: 5 * DAY, cid: 1, ease: 3, ivl: 3, type: 1 },
      ],
      0,
      now,
      true,
    );
    expect(s.logs.every((l) => l.elapsed_days >= 0)).toBe(true);
    expect(s.fsrs.stability).toBeGreaterThan(0);
  });
});
