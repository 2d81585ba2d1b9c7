// Question generation over the real deck: every distractor, for every card and several seeds,
// is wrong (never equal to the answer after normalization, never a true member), and a seed
// gives the same quiz every time.
import { describe, expect, it } from 'vitest';
import { checkAnswer, checkFigure, normalizeAnswer } from '@/data/quiz/answer';
import { makeContext, trueMembers } from '@/data/quiz/context';
import { figureDistractors } from '@/data/quiz/figure-options';
import { buildQuestions, challengeQuestions, isQuick, makeQuestion } from '@/data/quiz/generate';
import { seededRandom } from '@/data/quiz/random';
import type { Question } from '@/data/quiz/types';
import { realDeck } from './real-deck';

const ctx = makeContext(realDeck);
const cards = new Map(realDeck.cards.map((c) => [c.id, c]));
const all = (seed: number) =>
  buildQuestions(realDeck.cards, ['single', 'multi', 'fill'], Infinity, ctx, seededRandom(seed));
const questions: Question[] = [1, 2, 3, 42].flatMap(all);
const wrongOptions = (q: Question) => q.options!.filter((_, i) => !q.correct!.includes(i));
const rightOptions = (q: Question) => q.options!.filter((_, i) => q.correct!.includes(i));

describe('questions over the whole real deck', () => {
  it('makes a question of every kind', () => {
    expect(questions.length).toBeGreaterThan(1500);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(['single', 'multi', 'fill']));
  });

  it('gives 单选 four distinct options with one right', () => {
    for (const q of questions.filter((q) => q.kind === 'single')) {
      expect(q.options, q.prompt).toHaveLength(4);
      expect(q.correct, q.prompt).toHaveLength(1);
      expect(new Set(q.options!.map(normalizeAnswer)).size, q.prompt).toBe(4);
    }
  });

  it("asks key statements as 单选 among other statements' answers, and as 填空", () => {
    const asked = questions.filter((q) => cards.get(q.cardId)!.kind === 'statement');
    expect(new Set(asked.map((q) => q.kind))).toEqual(new Set(['single', 'fill']));
    for (const q of asked.filter((q) => q.kind === 'single')) {
      const card = cards.get(q.cardId)!;
      expect(rightOptions(q)).toEqual([card.answer]);
      for (const o of wrongOptions(q)) expect(normalizeAnswer(o)).not.toBe(normalizeAnswer(card.answer));
    }
  });

  it('gives 多选 two to four right options out of four to six', () => {
    for (const q of questions.filter((q) => q.kind === 'multi')) {
      expect(q.correct!.length).toBeGreaterThanOrEqual(2);
      expect(q.correct!.length).toBeLessThanOrEqual(4);
      expect(q.options!.length).toBeGreaterThanOrEqual(4);
      expect(q.options!.length).toBeLessThanOrEqual(6);
      expect(new Set(q.options!.map(normalizeAnswer)).size).toBe(q.options!.length);
    }
  });

  it('never offers a true member of the asked formulation as a wrong 多选 option', () => {
    for (const q of questions.filter((q) => q.kind === 'multi')) {
      const members = trueMembers(ctx, ctx.notes.get(q.noteId)!);
      for (const o of rightOptions(q)) expect(members.has(normalizeAnswer(o)), o).toBe(true);
      for (const o of wrongOptions(q)) expect(members.has(normalizeAnswer(o)), `${o} in ${q.prompt}`).toBe(false);
    }
  });

  it('never offers, for a member, a formulation that holds it', () => {
    const memberOf = questions.filter((q) => q.kind === 'single' && cards.get(q.cardId)!.kind === 'formulation-member');
    expect(memberOf.length).toBeGreaterThan(50);
    for (const q of memberOf) {
      const member = normalizeAnswer(/“(.+)”/.exec(q.prompt)![1]);
      for (const name of wrongOptions(q)) {
        const holders = ctx.formulations.filter((f) => normalizeAnswer(f.name) === normalizeAnswer(name));
        expect(holders.length, name).toBeGreaterThan(0);
        for (const f of holders) expect(trueMembers(ctx, f).has(member), `${name} holds ${member}`).toBe(false);
      }
    }
  });

  it('never offers a member of the same formulation as the wrong missing member', () => {
    for (const q of questions.filter((q) => q.kind === 'single' && cards.get(q.cardId)!.kind === 'formulation-cloze')) {
      const members = trueMembers(ctx, ctx.notes.get(q.noteId)!);
      for (const o of wrongOptions(q)) expect(members.has(normalizeAnswer(o)), o).toBe(false);
    }
  });

  it('offers figures of the same unit, wrong by the answer checker, and never a disputed value', () => {
    const figureQs = questions.filter((q) => q.kind === 'single' && cards.get(q.cardId)!.kind === 'figure-cloze');
    expect(figureQs.length).toBeGreaterThan(100);
    for (const q of figureQs) {
      const card = cards.get(q.cardId)!;
      expect(rightOptions(q)).toEqual([card.answer]);
      for (const o of wrongOptions(q)) {
        // A bound after the unit ("30%以上") stands after every option's unit alike.
        const bound = /(?:以上|以下|以内|左右|上下)$/.exec(card.answer)?.[0] ?? '';
        expect(o.endsWith(card.figure!.unit + bound), `${o} vs ${card.answer}`).toBe(true);
        expect(checkFigure(o, card.answer).verdict, `${o} vs ${card.answer}`).toBe('wrong');
        expect(ctx.disputed.get(card.id) ?? [], o).not.toContain(o);
      }
    }
  });

  it("writes 包括几个方面 options as the card's answer does: the right one is its word, none stands out", () => {
    const counts = questions.filter((q) => q.kind === 'single' && cards.get(q.cardId)!.kind === 'formulation-count');
    expect(counts.length).toBeGreaterThan(0);
    for (const q of counts) {
      const written = cards.get(q.cardId)!.answer.split('：')[0];
      expect(rightOptions(q)).toEqual([written]);
      const digits = q.options!.map((o) => /^\d/.test(o));
      expect(new Set(digits).size, q.options!.join(' / ')).toBe(1);
    }
    // 社会主义核心价值观 has twelve: 12个 among other numbers in digits, not 十一个 / 十二个 / 13个.
    expect(counts.some((q) => rightOptions(q)[0] === '12个')).toBe(true);
  });

  it('is the same quiz for the same seed, and another for another seed', () => {
    expect(all(7)).toEqual(all(7));
    expect(all(7)).not.toEqual(all(8));
  });

  it('asks at most one question per note while other notes remain', () => {
    const ten = buildQuestions(realDeck.cards, ['single', 'multi', 'fill'], 10, ctx, seededRandom(5));
    expect(ten).toHaveLength(10);
    expect(new Set(ten.map((q) => q.noteId)).size).toBe(10);
  });
});

const fig = (answer: string, value: string, unit: string, prompt = '____') => ({
  answer,
  prompt,
  figure: { value, unit },
});
const numberOf = (s: string) => Number(/^[\d.]+/.exec(s)![0]);

describe('figureDistractors', () => {
  it.each([
    // answer, value, unit, smallest and largest plausible distractor
    ['9899万人', '9899', '万人', 1900, 50000],
    ['10.2%', '10.2', '%', 2, 51],
    ['99%', '99', '%', 19, 100],
    ['2020年', '2020', '年', 2010, 2030],
    ['1户', '1', '户', 0.2, 5],
    ['290多万名', '290多', '万名', 58, 1450],
  ])('%s: three of the same unit and a plausible size', (answer, value, unit, lo, hi) => {
    for (const pool of [[], ctx.figures]) {
      const got = figureDistractors(fig(answer, value, unit), pool, seededRandom(1));
      expect(got, answer).toHaveLength(3);
      for (const d of got) {
        expect(d.endsWith(unit), d).toBe(true);
        expect(numberOf(d)).toBeGreaterThanOrEqual(lo);
        expect(numberOf(d)).toBeLessThanOrEqual(hi);
        expect(checkFigure(d, answer).verdict).toBe('wrong');
      }
    }
  });

  it('draws from the question’s own document first (an imported document quizzes on itself)', () => {
    const near = { value: '11', unit: '%' };
    const own = [
      { value: '14', unit: '%' },
      { value: '16', unit: '%' },
    ];
    const pool = [near, { value: '10.5', unit: '%' }, { value: '9.5', unit: '%' }, ...own];
    for (let seed = 0; seed < 20; seed++) {
      const got = figureDistractors({ ...fig('10.2%', '10.2', '%'), home: new Set(own) }, pool, seededRandom(seed));
      // The two taken from the documents come from its own document, though others are nearer in size.
      expect(got.filter((d) => d === '14%' || d === '16%').length, `seed ${seed}: ${got.join()}`).toBe(2);
    }
  });

  it('writes a bound around every option as around the answer, and leaves ranges and dates to 填空', () => {
    const got = figureDistractors(fig('不少于32学时', '32', '学时'), [], seededRandom(2));
    expect(got).toHaveLength(3);
    for (const d of got) expect(d).toMatch(/^不少于\d+学时$/);
    expect(figureDistractors(fig('30%以上', '30', '%'), [], seededRandom(2)).every((d) => /^\d+%以上$/.test(d))).toBe(
      true,
    );
    expect(figureDistractors(fig('5%－5.5%', '5', '%'), [], seededRandom(2))).toEqual([]);
    expect(figureDistractors(fig('2019年5月6日', '2019年5月6日', ''), [], seededRandom(2))).toEqual([]);
  });

  it('rounds derived numbers like the answer', () => {
    expect(figureDistractors(fig('10.2%', '10.2', '%'), [], seededRandom(3)).every((d) => /^\d+\.\d%$/.test(d))).toBe(
      true,
    );
    expect(
      figureDistractors(fig('2020年', '2020', '年'), [], seededRandom(3)).every((d) => /^20[12]\d年$/.test(d)),
    ).toBe(true);
  });

  it('never offers a disputed value nor a figure already in the question', () => {
    const target = {
      ...fig('2020年', '2020', '年', '到____现行标准下的农村贫困人口全部脱贫，比2019年'),
      disputed: ['2024年'],
    };
    for (let seed = 0; seed < 30; seed++) {
      const got = figureDistractors(target, ctx.figures, seededRandom(seed));
      expect(got).not.toContain('2024年');
      expect(got).not.toContain('2019年');
    }
  });
});

describe('makeQuestion', () => {
  const byPrompt = (p: string) => realDeck.cards.find((c) => c.prompt === p)!;

  it('asks which formulation “不愁吃” belongs to without offering 两不愁 or 两不愁三保障 as wrong', () => {
    const q = makeQuestion(byPrompt('“不愁吃”属于哪个提法？'), 'single', ctx, seededRandom(1))!;
    expect(rightOptions(q)).toEqual(['两不愁三保障']);
    expect(wrongOptions(q)).not.toContain('两不愁');
  });

  it('asks 多选 on 六个精准 with its own members right', () => {
    const card = realDeck.cards.find((c) => c.kind === 'formulation-list' && c.prompt.includes('“六个精准”'))!;
    const q = makeQuestion(card, 'multi', ctx, seededRandom(2))!;
    expect(q.prompt).toBe('下列哪些属于“六个精准”？（多选）');
    for (const o of rightOptions(q)) expect(card.members).toContain(o);
    for (const o of wrongOptions(q)) expect(card.members).not.toContain(o);
  });

  it('makes 填空 of a formulation list, in any order unless numbered', () => {
    const card = realDeck.cards.find((c) => c.kind === 'formulation-list' && c.prompt.includes('“三区三州”'))!;
    const q = makeQuestion(card, 'fill', ctx, seededRandom(2))!;
    expect(q.expected).toMatchObject({ kind: 'list', ordered: false });
    expect(q.prompt).toContain('顺序不限');
  });
});

describe('填空 with blanks', () => {
  it('knows the blanks of 精确____、精确____、精确____, in order, and accepts them alone', () => {
    const card = realDeck.cards.find(
      (c) => c.kind === 'formulation-list' && c.prompt.endsWith('精确____、精确____、精确____'),
    )!;
    const q = makeQuestion(card, 'fill', ctx, seededRandom(1))!;
    expect(q.expected).toMatchObject({ kind: 'list', blanks: ['识别', '帮扶', '管理'] });
    expect(checkAnswer('识别、帮扶、管理', q.expected!).verdict).toBe('right');
    expect(checkAnswer('精确识别、精确帮扶、精确管理', q.expected!).verdict).toBe('right');
  });

  it('gives every 填空 with blanks in its prompt (figures aside) what each blank holds', () => {
    const fills = questions.filter(
      (q) => q.kind === 'fill' && q.prompt.includes('____') && q.expected?.kind !== 'figure',
    );
    expect(fills.length).toBeGreaterThan(100);
    for (const q of fills) {
      const holes = q.prompt.split('____').length - 1;
      const blanks = q.expected?.kind === 'figure' ? undefined : q.expected?.blanks;
      expect(blanks, q.prompt).toHaveLength(holes);
      expect(checkAnswer(blanks!.join('、'), q.expected!).verdict, q.prompt).toBe('right');
      expect(checkAnswer(q.answer, q.expected!).verdict, q.prompt).toBe('right');
    }
  });
});

describe('挑战答题', () => {
  const challenge = [1, 2, 3].flatMap((seed) => challengeQuestions(realDeck.cards, 200, ctx, seededRandom(seed)));

  it('asks only 单选 and 判断, answerable in seconds', () => {
    expect(challenge.length).toBeGreaterThan(300);
    expect(new Set(challenge.map((q) => q.kind))).toEqual(new Set(['single', 'judge']));
    for (const q of challenge) {
      expect(isQuick(q), q.prompt).toBe(true);
      expect(
        q.options!.every((o) => o.length <= 16),
        q.options!.join(' / '),
      ).toBe(true);
    }
  });

  it("makes 判断 a statement that is true exactly when it says the card's answer", () => {
    const judges = challenge.filter((q) => q.kind === 'judge');
    expect(judges.length).toBeGreaterThan(50);
    const truths = judges.map((q) => q.correct![0] === 0);
    expect(truths).toContain(true);
    expect(truths).toContain(false);
    for (const q of judges) {
      expect(q.options).toEqual(['正确', '错误']);
      const card = cards.get(q.cardId)!;
      if (card.kind === 'figure-cloze' || card.kind === 'formulation-cloze') {
        const [before, after] = card.prompt.split('____');
        expect(q.prompt.startsWith(before) && q.prompt.endsWith(after), q.prompt).toBe(true);
        const said = q.prompt.slice(before.length, q.prompt.length - after.length);
        expect(normalizeAnswer(said) === normalizeAnswer(card.answer), q.prompt).toBe(q.correct![0] === 0);
      }
    }
  });
});
