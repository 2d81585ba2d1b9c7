// fsrs-rs-nodejs 0.9 (MIT): the Rust FSRS optimizer, natively for Node, as the reference the trained
// parameters are checked against. Its wrapper package names thirteen platform packages of which
// several were never published, which makes `npm ci` refuse the lock file; so the one binary this
// project is tested on (Linux x64, glibc) is an optional dependency, loaded here directly, with the
// wrapper's own type declarations (fsrs-rs-types.d.ts, copied from its index.d.ts).
import { createRequire } from 'node:module';
import type * as Binding from './fsrs-rs-types';

const require = createRequire(import.meta.url);
const binding = require('fsrs-rs-nodejs-linux-x64-gnu') as typeof Binding;

export const { FSRS, DEFAULT_PARAMETERS, FSRSReview, FSRSItem } = binding;
export type FSRS = Binding.FSRS;
export type FSRSReview = Binding.FSRSReview;
export type FSRSItem = Binding.FSRSItem;
