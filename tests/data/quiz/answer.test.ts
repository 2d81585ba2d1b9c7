// Answer checking as a table: the way an answer is typed (繁体, full-width, 万/亿, order,
// punctuation) never decides whether it is right.
import { describe, expect, it } from 'vitest';
import { checkAnswer, checkChoice, checkFigure, checkList, normalizeAnswer } from '@/data/quiz/answer';
import type { Verdict } from '@/data/quiz/types';

const LIANG = ['不愁吃', '不愁穿', '义务教育有保障', '基本医疗有保障', '住房安全有保障'];

describe('normalizeAnswer', () => {
  it.each([
    ['兩不愁三保障', '两不愁三保障'],
    ['  六个 精准。', '六个精准'],
    ['“扶持对象精准”', '扶持对象精准'],
    ['９８９９万人', '9899万人'],
    ['１０．２％', '10.2%'],
    ['ＡＢＣ', 'abc'],
    ['9,899万', '9899万'],
    ['精準扶貧', '精准扶贫'],
  ])('%s → %s', (input, want) => {
    expect(normalizeAnswer(input)).toBe(want);
  });
});

describe('checkFigure', () => {
  it.each<[string, string, Verdict]>([
    ['9899万人', '9899万人', 'right'],
    ['９８９９万人', '9899万人', 'right'],
    ['9,899万', '9899万人', 'right'],
    ['9899万', '9899万人', 'right'],
    ['98990000', '9899万人', 'right'],
    ['98,990,000人', '9899万人', 'right'],
    ['0.9899亿', '9899万人', 'right'],
    ['0.9899 亿人', '9899万人', 'right'],
    ['0.98亿', '9899万人', 'wrong'],
    ['9898万人', '9899万人', 'wrong'],
    ['9899', '9899万人', 'close'],
    ['9899万元', '9899万人', 'wrong'],
    ['1亿', '10000万', 'right'],
    ['3000万人', '3000万', 'right'],
    ['10.2%', '10.2%', 'right'],
    ['10.2', '10.2%', 'close'],
    ['10.2个百分点', '10.2%', 'wrong'],
    ['10.20%', '10.2%', 'right'],
    ['2020年', '2020年', 'right'],
    ['2020', '2020年', 'close'],
    ['2024年', '2020年', 'wrong'],
    ['290多万名', '290多万名', 'right'],
    ['2.14倍', '2.14倍', 'right'],
    ['', '551万人', 'wrong'],
    ['很多', '551万人', 'wrong'],
    // Figures with bounds (issue 14).
    ['32学时', '不少于32学时', 'right'],
    ['不少于32学时', '不少于32学时', 'right'],
    ['16学时', '不少于32学时', 'wrong'],
    ['5.5%', '5.5%以内', 'right'],
    ['6%', '5.5%以内', 'wrong'],
  ])('%s for %s → %s', (input, answer, verdict) => {
    expect(checkFigure(input, answer).verdict).toBe(verdict);
  });

  it('says which unit is missing', () => {
    expect(checkFigure('10.2', '10.2%').note).toContain('10.2%');
  });
});

// A series asked with blanks (精确____、精确____、精确____): the blanks alone are an answer too.
const JINGQUE = ['精确识别', '精确帮扶', '精确管理'];
const JINGQUE_BLANKS = ['识别', '帮扶', '管理'];
// 宜____则____: two blanks an item.
const YI = ['宜农则农', '宜林则林', '宜游则游', '宜迁则迁'];
const YI_BLANKS = ['农', '农', '林', '林', '游', '游', '迁', '迁'];

describe('checkList, and checkAnswer on a list', () => {
  // [typed, members, ordered, verdict, blanks of the series (if it has them)]
  it.each<[string, string[], boolean, Verdict, string[]?]>([
    ['不愁吃、不愁穿、义务教育有保障、基本医疗有保障、住房安全有保障', LIANG, true, 'right'],
    ['不愁穿，不愁吃；住房安全有保障 基本医疗有保障,义务教育有保障', LIANG, false, 'right'],
    ['不愁穿，不愁吃；住房安全有保障 基本医疗有保障,义务教育有保障', LIANG, true, 'close'],
    ['不愁吃不愁穿义务教育有保障基本医疗有保障住房安全有保障', LIANG, true, 'right'],
    ['不愁吃、不愁穿、義務教育有保障、基本醫療有保障、住房安全有保障', LIANG, true, 'right'],
    ['不愁吃、不愁穿、义务教育有保障', LIANG, false, 'wrong'],
    ['不愁吃、不愁穿、义务教育有保障、基本医疗有保障、住房安全有保障、不愁住', LIANG, false, 'wrong'],
    // A member may hold a comma itself.
    [
      '坚持精准方略，提高脱贫实效、坚持党的领导，强化组织保证',
      ['坚持党的领导，强化组织保证', '坚持精准方略，提高脱贫实效'],
      false,
      'right',
    ],
    ['西藏、四省藏区', ['西藏', '四省藏区'], false, 'right'],
    // A series with blanks.
    ['识别、帮扶、管理', JINGQUE, true, 'right', JINGQUE_BLANKS],
    ['识别 帮扶 管理', JINGQUE, true, 'right', JINGQUE_BLANKS],
    ['精确识别、精确帮扶、精确管理', JINGQUE, true, 'right', JINGQUE_BLANKS],
    ['帮扶、识别、管理', JINGQUE, true, 'wrong', JINGQUE_BLANKS],
    ['识别、帮扶', JINGQUE, true, 'wrong', JINGQUE_BLANKS],
    ['农、农、林、林、游、游、迁、迁', YI, true, 'right', YI_BLANKS],
    ['农农林林游游迁迁', YI, true, 'right', YI_BLANKS],
    ['宜农则农、宜林则林、宜游则游、宜迁则迁', YI, true, 'right', YI_BLANKS],
  ])('%s → %s (ordered: %s) is %s', (input, members, ordered, verdict, blanks) => {
    expect(checkList(input, members, ordered, blanks).verdict).toBe(verdict);
    expect(checkAnswer(input, { kind: 'list', members, ordered, blanks }).verdict).toBe(verdict);
  });

  it('counts the members given when some are missing', () => {
    expect(checkList('不愁吃、不愁穿', LIANG, false).note).toBe('答对 2/5 项');
  });

  it('counts the blanks filled right, box by box', () => {
    expect(checkList('识别、帮扶、规划', JINGQUE, true, JINGQUE_BLANKS).note).toBe('答对 2/3 空');
  });
});

describe('checkAnswer', () => {
  it.each<[string, Parameters<typeof checkAnswer>[1], Verdict]>([
    ['兩不愁三保障', { kind: 'text', text: '两不愁三保障' }, 'right'],
    ['两不愁三保障。', { kind: 'text', text: '两不愁三保障' }, 'right'],
    ['两 不 愁', { kind: 'text', text: '两不愁' }, 'right'],
    ['精确识别', { kind: 'text', text: '精准识别' }, 'wrong'],
    ['易地搬迁脱贫一批', { kind: 'text', text: '易地搬迁脱贫一批' }, 'right'],
    ['９８９９万人', { kind: 'figure', text: '9899万人' }, 'right'],
    [
      '住房安全有保障、基本医疗有保障、义务教育有保障',
      { kind: 'list', members: ['义务教育有保障', '基本医疗有保障', '住房安全有保障'], ordered: false },
      'right',
    ],
  ])('%s → %s', (input, expected, verdict) => {
    expect(checkAnswer(input, expected).verdict).toBe(verdict);
  });
});

describe('checkChoice', () => {
  it.each<[number[], number[], Verdict]>([
    [[2], [2], 'right'],
    [[1], [2], 'wrong'],
    [[3, 0, 1], [0, 1, 3], 'right'],
    [[0, 1], [0, 1, 3], 'wrong'],
    [[0, 1, 2, 3], [0, 1, 3], 'wrong'],
    [[], [0], 'wrong'],
  ])('%j for %j → %s', (picked, correct, verdict) => {
    expect(checkChoice(picked, correct).verdict).toBe(verdict);
  });

  it('says of a wrong 多选 how many were right, missed and too many', () => {
    expect(checkChoice([0, 2], [0, 1, 3]).note).toBe('选对 1/3 项，漏选 2 项，多选 1 项');
    expect(checkChoice([0, 1], [0, 1, 3]).note).toBe('选对 2/3 项，漏选 1 项');
    expect(checkChoice([1], [2]).note).toBeUndefined();
  });
});
