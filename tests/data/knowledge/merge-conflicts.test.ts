import { describe, expect, it } from 'vitest';
import {
  comparable,
  evidenceAt,
  hash64,
  mergeByKey,
  mergeEvidence,
  stableId,
  type DocText,
} from '@/data/knowledge/merge';
import { findConflicts, numberOccurrences } from '@/data/knowledge/conflicts';
import { extractFigures } from '@/data/knowledge/figures';
import { normalizeDocument } from '@/data/knowledge/normalize';

const doc = (source: string, original: string): DocText => ({ source, original, norm: normalizeDocument(original) });
const conflictsOf = (...docs: DocText[]) =>
  findConflicts(docs.flatMap((d) => numberOccurrences(d, extractFigures(d.norm.text, d.norm.sentences))));

describe('stable ids', () => {
  it('hash content, not position, in FNV-1a 64-bit base36', () => {
    expect(hash64('')).toBe(BigInt('0xcbf29ce484222325').toString(36));
    expect(stableId('figure', '贫困人口')).toBe(stableId('figure', '贫困人口'));
    expect(stableId('figure', '贫困人口')).not.toBe(stableId('figure', '贫困人口 '));
    expect(stableId('figure', 'x')).toMatch(/^figure:[0-9a-z]+$/);
  });
});

describe('merge', () => {
  it('one note per fact across documents, traditional included', () => {
    const a = doc('a', '全国97%的建档立卡贫困人口实现脱贫。');
    const b = doc('b', '全國97%的建檔立卡貧困人口實現脫貧。');
    const merged = mergeByKey(
      [a, b],
      (d) => comparable(d.norm.text),
      (kept) => kept,
    );
    expect(merged).toHaveLength(1);
  });

  it('evidence quotes the original sentence and marks the answer in it', () => {
    const d = doc('000', '前一句。贫困人口从 2012 年年底的 9899 万人减到 2019 年年底的 551 万人。下一句。');
    const at = d.norm.text.indexOf('9899万人');
    const ev = evidenceAt(d, at, at + 6, [{ start: at, end: at + 6 }]);
    expect(ev.quote).toBe('贫困人口从 2012 年年底的 9899 万人减到 2019 年年底的 551 万人。');
    expect(ev.quote.slice(...ev.marks![0])).toBe('9899 万人');
    expect(d.original.slice(ev.offset!, ev.offset! + ev.quote.length)).toBe(ev.quote);
  });

  it('keeps one evidence per source', () => {
    const e = (source: string, quote: string) => ({ source, quote });
    expect(mergeEvidence([e('a', '1')], [e('a', '2'), e('b', '3')])).toEqual([e('a', '1'), e('b', '3')]);
  });
});

describe('conflicts', () => {
  it('target year 2020 vs 2024 in aligned statements', () => {
    const [c, ...rest] = conflictsOf(
      doc(
        '000',
        '党的十八大以来，明确了到2020年我国现行标准下农村贫困人口实现脱贫、贫困县全部摘帽、解决区域性整体贫困的目标任务。',
      ),
      doc('003', '确保到2024年农村贫困人口实现脱贫，是全面建成小康社会最艰巨的任务。'),
    );
    expect(rest).toEqual([]);
    expect(c.values).toEqual(['2020年', '2024年']);
    expect(c.evidence.map((e) => [e.source, e.value])).toEqual([
      ['000', '2020年'],
      ['003', '2024年'],
    ]);
    expect(c.topic).toContain('____');
  });

  it('a shared long context around a year', () => {
    const [c] = conflictsOf(
      doc('000', '我国将有1亿左右贫困人口实现脱贫，提前10年实现联合国2030年可持续发展议程的减贫目标。'),
      doc('003', '履行减贫国际责任，积极落实联合国2024年可持续发展议程，对全球减贫事业作出更大贡献。'),
    );
    expect(c.values).toEqual(['2024年', '2030年']);
  });

  it.each([
    [
      'values at different dates',
      '贫困发生率由2012年底的10.2%下降到2017年底的3.1%，下降7.1个百分点。',
      '贫困人口从2012年年底的9899万人减到2019年年底的551万人，贫困发生率由10.2%降至0.6%。',
    ],
    ['the same value', '到2020年现行标准下的农村贫困人口全部脱贫。', '到2020年現行標準下的農村貧困人口全部脫貧。'],
    [
      'another region at another date',
      '全区农村贫困人口由2014年的1012万人减至2024年底的538万人，贫困发生率由23%降至12%。',
      '贫困人口从2012年年底的9899万人减到2019年年底的551万人，贫困发生率由10.2%降至0.6%。',
    ],
  ])('none for %s', (_label, a, b) => {
    expect(conflictsOf(doc('a', a), doc('b', b))).toEqual([]);
  });

  it('none within one document', () => {
    expect(conflictsOf(doc('a', '到2020年实现全面小康。到2024年实现全面小康。'))).toEqual([]);
  });
});
