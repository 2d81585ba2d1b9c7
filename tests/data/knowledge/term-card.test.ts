// The hover card's content as the background builds it from the store's rows: each place the note
// stands in names its document with the document's own date, and flags a date the engine doubts
// (the view then writes 日期待核实) instead of passing words in the date's place.
import { describe, expect, it } from 'vitest';
import { buildTermCardInfo } from '@/data/knowledge/term-card';
import type { NoteRow, SourceRow } from '@/data/db/schema';
import { SETTINGS } from '../db/helpers';

const source = (id: string, date: string, dateUnverified?: boolean): SourceRow => ({
  id,
  file: `${id}.txt`,
  title: `文件${id}`,
  date,
  ...(dateUnverified ? { dateUnverified } : {}),
  origin: 'bundled',
});

const note: NoteRow = {
  id: 'n1',
  kind: 'formulation',
  name: '六个精准',
  evidence: [
    { source: 'a', quote: '六个精准' },
    { source: 'b', quote: '做到六个精准' },
  ],
  importance: 1,
  origin: 'bundled',
  sourceIds: ['a', 'b'],
  retired: 0,
};

describe('buildTermCardInfo', () => {
  it("gives each quote its document's date, and flags the doubtful one", () => {
    const info = buildTermCardInfo(
      {
        note,
        cards: [],
        sources: [source('a', '2017-06-23'), source('b', '2024-11-29', true)],
        conflicts: [],
        settings: SETTINGS,
      },
      new Date(2025, 0, 1),
    );
    expect(
      info.evidence.map(({ sourceTitle, sourceDate, dateUnverified }) => [sourceTitle, sourceDate, dateUnverified]),
    ).toEqual([
      ['文件a', '2017-06-23', undefined],
      ['文件b', '2024-11-29', true],
    ]);
  });
});
