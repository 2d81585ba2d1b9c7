// The quiz engine's surface: pure, table-tested, shared by the quiz page and its tests.
export * from './types';
export { checkAnswer, checkChoice, checkFigure, checkList, counts, normalizeAnswer, sameText } from './answer';
export { makeContext, type QuizContext, type QuizPool } from './context';
export { buildQuestions, CHALLENGE_KINDS, challengeQuestions, isQuick, makeQuestion, possibleKinds, questionFor } from './generate';
export { seededRandom, type Rand } from './random';
export { selectCards, weakestFirst, type QuizCard, type QuizMode } from './select';
