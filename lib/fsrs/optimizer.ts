// fsrs-browser (fsrs-rs compiled to WebAssembly, the optimizer Anki runs) behind one call. The module
// is passed in already initialised, so the same wrapper runs in the extension's training worker (wasm
// fetched from the extension's own /fsrs/ folder) and in Node's unit tests (initSync on the file).
import type { Fsrs, Progress } from 'fsrs-browser';
import type { FlatItems } from '@/data/srs/fsrs-items';
import { validateWeights } from '@/data/srs/fsrs-params';

/** The part of fsrs-browser's module that training uses. */
export interface FsrsWasm {
  Fsrs: new (parameters?: Float32Array | null) => Fsrs;
  Progress: { new: () => Progress };
}

export class OptimizerError extends Error {}

/**
 * Trains FSRS-6 parameters on the items (fsrs-rs's training set: one per rating a day or more after
 * the one before, with the card's ratings up to it). `progress`, when given, is filled by the
 * optimizer as it goes (its two u32 at `progress.pointer()` in wasm memory: items done, items total),
 * for another thread to read: this call blocks its own thread until training ends.
 * Throws OptimizerError when the result is not a valid parameter set.
 */
export function computeWeights(wasm: FsrsWasm, items: FlatItems, progress?: Progress): number[] {
  const model = new wasm.Fsrs();
  let raw: Float32Array;
  try {
    raw = model.computeParameters(items.ratings, items.deltaTs, items.lengths, progress, true);
  } catch (err) {
    throw new OptimizerError(`fsrs-browser: ${String(err)}`);
  }
  const w = validateWeights(raw);
  if (!w) throw new OptimizerError(`fsrs-browser returned an invalid set: ${Array.from(raw).join(',')}`);
  return w;
}
