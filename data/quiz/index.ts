// The quiz engine's surface for the quiz page and the store: pure, table-tested (the tests import
// each module directly). run.ts is the state of one quiz as it runs.
export * from './types';
export { counts } from './answer';
export { makeContext } from './context';
export { buildQuestions, CHALLENGE_KINDS, challengeQuestions, possibleKinds } from './generate';
export { seededRandom } from './random';
export { selectCards, type QuizMode } from './select';
