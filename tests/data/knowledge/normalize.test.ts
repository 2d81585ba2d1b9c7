// Every trap below is copied from the real documents in data/sources/.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeDocument, quoteOriginal, splitSentences } from '@/data/knowledge/normalize';

const SOURCES = join(import.meta.dirname, '../../../data/sources');
const read = (file: string) => readFileSync(join(SOURCES, file), 'utf8');
const DOCS = {
  d000: read('000_43cddc19a527ac1f.txt'),
  d001: read('001_53799c206d085e62.txt'),
  d002: read('002_e8a7984818554853.txt'),
  d003: read('003_38851cc9fd2a95c9.txt'),
  d004: read('004_63451c0a4ff8f0c7.txt'),
};
const NORM = Object.fromEntries(Object.entries(DOCS).map(([k, v]) => [k, normalizeDocument(v)])) as Record<
  keyof typeof DOCS,
  ReturnType<typeof normalizeDocument>
>;

// [trap, document, as the original has it, what the normalized text has there, and (where it is one
// stretch) the normalized words that map back to exactly the original's]
const TRAPS: Array<[string, keyof typeof DOCS, string, string, string?]> = [
  [
    'page number inside 工作',
    'd001',
    '专题研究疫情防控工\n\n\n\n2 \n \n\n作',
    '专题研究疫情防控工作和复工复产工作',
    '专题研究疫情防控工作',
  ],
  ['line broken mid-word 五/个一批', 'd000', '“五\n\n个一批”', '按照“五个一批”的办法', '“五个一批”'],
  ['space between number and unit', 'd000', '9899 万人', '2012年年底的9899万人减到2019年年底的551万人', '9899万人'],
  ['space inside a formulation', 'd003', '五个精 准', '等“五个精准”的要求', '五个精准'],
  ['spaces around numbers in a date', 'd000', '（2020 年 3 月 6 日）', '（2020年3月6日）'],
  ['running header removed', 'd001', '【学习参考】', '（一）在统筹推进新冠肺炎疫情防控和'],
  ['traditional to simplified', 'd004', '決戰決勝脫貧攻堅要抓好三個重點', '决战决胜脱贫攻坚要抓好三个重点'],
  [
    'traditional corner quotes and commas',
    'd004',
    '聚焦「兩不愁三保障」',
    '聚焦“两不愁三保障”，严格对照标准要求',
    '聚焦“两不愁三保障”',
  ],
];

describe('normalizeDocument on the real documents', () => {
  it.each(TRAPS)('%s', (_label, doc, originalBit, normalized) => {
    expect(DOCS[doc]).toContain(originalBit);
    expect(NORM[doc].text).toContain(normalized);
  });

  it.each(TRAPS.flatMap(([, doc, original, , back]) => (back ? [[doc, back, original] as const] : [])))(
    '%s: "%s" maps back to the original "%s"',
    (doc, normalized, original) => {
      const norm = NORM[doc];
      const i = norm.text.indexOf(normalized);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(quoteOriginal(DOCS[doc], norm, i, i + normalized.length)).toBe(original);
    },
  );

  it.each(Object.keys(DOCS) as Array<keyof typeof DOCS>)('%s: no page numbers, no stray spaces between CJK', (doc) => {
    const text = NORM[doc].text;
    expect(text).not.toMatch(/[\u4e00-\u9fff][ \t\u3000]+[\u4e00-\u9fff]/);
    expect(text).not.toMatch(/\d [\u4e00-\u9fff]|[\u4e00-\u9fff] \d/);
    expect(text).not.toMatch(/(^|\n)\s*\d{1,3}\s*(\n|$)/);
    expect(text).not.toMatch(/[０-９]/);
  });

  it.each(Object.keys(DOCS) as Array<keyof typeof DOCS>)(
    '%s: every normalized char maps to the same char in the original',
    (doc) => {
      const norm = NORM[doc];
      const original = DOCS[doc];
      const simplified = normalizeDocument(original).traditional;
      for (let i = 0; i < norm.text.length; i += 7) {
        const c = norm.text[i];
        if (/\s/.test(c) || simplified || !/[\u4e00-\u9fff\d]/.test(c)) continue;
        expect(original[norm.toOriginal(i)]).toBe(c);
      }
    },
  );

  it('detects only 004 as traditional', () => {
    expect(Object.values(NORM).map((n) => n.traditional)).toEqual([false, false, false, false, true]);
  });

  it('drops photo captions and credits of 002, keeping the paragraph the credit was glued to', () => {
    expect(DOCS.d002).toContain('新华社记者鞠鹏/摄第一，创造了我国减贫史上最好成绩。');
    const text = NORM.d002.text;
    expect(text).not.toMatch(/摄|新华社记者/);
    expect(text).not.toContain('习近平在北京出席决战决胜脱贫攻坚座谈会并发表重要讲话');
    expect(text).not.toContain('这是6月21日下午，习近平在忻州市岢岚县赵家洼村看望特困户王三女一家');
    expect(text).toContain('谱写了人类反贫困历史新篇章。\n第一，创造了我国减贫史上最好成绩。');
    expect(text).toContain('\n一是坚持党的领导，强化组织保证。');
    for (const s of NORM.d002.sentences)
      expect(text.slice(s.start, s.end)).not.toMatch(/摄|中央军委主席习近平在.{2,12}(考察|出席)/);
  });

  it('cuts the glued page head of 002 into title, source, date, speaker and text', () => {
    expect(DOCS.d002.split('\n')[0]).toContain(
      '发布时间：2020-04-30在打好精准脱贫攻坚战座谈会上的讲话（2018年2月12日）习近平党的十八大以后',
    );
    expect(NORM.d002.text.split('\n').slice(0, 5)).toEqual([
      '习近平在打好精准脱贫攻坚战座谈会上的讲话',
      '来源：《求是》发布时间：2020-04-30',
      '在打好精准脱贫攻坚战座谈会上的讲话',
      '（2018年2月12日）',
      '习近平',
    ]);
    expect(NORM.d002.text).toContain('\n党的十八大以后，我先后在延安、贵阳、银川、太原召开部分省区市党委书记座谈会');
  });

  it('keeps section titles without end punctuation on a line of their own', () => {
    for (const [doc, title] of [
      ['d000', '一、我国脱贫攻坚取得决定性成就'],
      ['d001', '三、关于统筹推进疫情防控和经济社会发展工作'],
      ['d003', '二、打赢脱贫攻坚战的总体要求'],
    ] as const) {
      expect(NORM[doc].text.split('\n')).toContain(title);
    }
  });

  it('keeps paragraph breaks at real paragraph ends and headings', () => {
    expect(NORM.d000.text).toContain('确保全面建成小康社会。刚才，');
    expect(NORM.d000.text).toContain('\n一、我国脱贫攻坚取得决定性成就\n党的十八大以来');
  });
});

describe('splitSentences', () => {
  it.each([
    ['一句。二句！三句？', ['一句。', '二句！', '三句？']],
    ['他说：“好。”然后走了。', ['他说：“好。”', '然后走了。']],
    ['标题\n正文。', ['标题', '正文。']],
  ])('%s', (text, expected) => {
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });
});

describe('full-width folding', () => {
  it.each([
    ['贫困发生率降至０．６％', '贫困发生率降至0.6%'],
    ['共 ５ 个', '共5个'],
    ['中共中央 国务院', '中共中央国务院'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDocument(input).text).toBe(expected);
  });
});
