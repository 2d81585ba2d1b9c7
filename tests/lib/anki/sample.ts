// A small Anki collection of our own, in the style of a cadre's study deck: a 问答题 note type with
// 问题/答案/原文, Basic (and reversed card), Cloze; review, learning, new, suspended and filtered
// cards; FSRS memory state in cards.data on one card, a review log to replay on another; HTML to strip.
import type { FixtureCollection } from './make-anki';

export const CRT = Date.UTC(2026, 0, 1, 4) / 1000;
export const DAY = 86_400_000;
const T = (days: number) => CRT * 1000 + days * DAY;

export function sampleCollection(ver = 11): FixtureCollection {
  return {
    crt: CRT,
    ver,
    decks: [
      { id: 1, name: 'Default' },
      { id: 1001, name: '理论学习::全会精神' },
      { id: 1002, name: '时政数字' },
      { id: 1003, name: '考前冲刺' },
    ],
    notetypes: [
      { id: 10, name: '问答题', fields: ['问题', '答案', '原文'], qfmts: ['{{问题}}'] },
      { id: 11, name: 'Basic (and reversed card)', fields: ['Front', 'Back'], qfmts: ['{{Front}}', '{{Back}}'] },
      { id: 12, name: 'Cloze', fields: ['Text', 'Back Extra'], kind: 1, qfmts: ['{{cloze:Text}}'] },
    ],
    notes: [
      {
        id: 101,
        guid: 'g-liangge',
        mid: 10,
        flds: [
          '“两个维护”指的是什么？',
          '坚决维护核心地位、<b>坚决维护</b>集中统一领导',
          '会上强调，要做到“两个维护”，即坚决维护核心地位、坚决维护集中统一领导。',
        ],
      },
      { id: 102, guid: 'g-xiaokang', mid: 11, flds: ['全面建成小康社会的目标年份', '2020年'] },
      {
        id: 103,
        guid: 'g-2035',
        mid: 12,
        flds: ['到{{c1::2035年}}基本实现{{c2::社会主义现代化::四个字加五个字}}。', '出自远景目标'],
      },
      {
        id: 104,
        guid: 'g-xinfazhan',
        mid: 10,
        flds: [
          '<script>alert(1)</script><img src=x onerror="alert(2)">什么是新发展理念？',
          '创新、协调、绿色、开放、共享&nbsp;的发展理念<br>[sound:a.mp3]',
          '',
        ],
      },
      { id: 105, guid: 'g-empty', mid: 10, flds: ['只有问题没有答案', '', ''] },
    ],
    cards: [
      {
        id: 201,
        nid: 101,
        did: 1001,
        type: 2,
        queue: 2,
        due: 100,
        ivl: 30,
        factor: 2500,
        reps: 5,
        lapses: 1,
        data: `{"s":31.5,"d":6.2,"dr":0.9,"lrt":${CRT + 70 * 86400}}`,
      },
      { id: 202, nid: 102, did: 1002, ord: 0, type: 2, queue: 2, due: 40, ivl: 20, factor: 2300, reps: 3, lapses: 0 },
      { id: 203, nid: 102, did: 1002, ord: 1, type: 0, queue: 0, due: 5 },
      { id: 204, nid: 103, did: 1001, ord: 0, type: 1, queue: 1, due: CRT + 3 * 86400 + 600, reps: 1 },
      { id: 205, nid: 103, did: 1001, ord: 1, type: 2, queue: -1, due: 90, ivl: 10, factor: 2500, reps: 2 },
      // In a filtered deck: its home deck is 1002 (odid), its own due there 55 (odue).
      {
        id: 206,
        nid: 104,
        did: 1003,
        odid: 1002,
        odue: 55,
        type: 2,
        queue: 2,
        due: -100000,
        ivl: 12,
        factor: 2100,
        reps: 4,
        lapses: 2,
      },
      { id: 207, nid: 105, did: 1002, type: 0, queue: 0, due: 6 },
    ],
    revlog: [
      [T(1), 202, 3, -600, 0],
      [T(1) + 600_000, 202, 3, 1, 0],
      [T(2), 202, 3, 20, 1],
      [T(3), 204, 3, -600, 0],
    ],
  };
}
