// What the UI and the background call, one file per subject. Every function takes the db first and `now`
// where time matters; each write that touches two tables is one transaction, so two open pages never see half.
export * from './cards';
export * from './reviews';
export * from './settings';
export * from './conflicts';
export { reviewCountsByDay, todayCounts } from './stats';
