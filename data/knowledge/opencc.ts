// 繁体 ↔ 简体 with OpenCC: one converter per direction, built on first use (the dictionaries are
// large) and shared by the engine, the quotes and the quiz. Only the 繁→简 dictionaries are
// imported here, so the quiz page does not load the 简→繁 ones (see to-traditional.ts).
import { Converter } from 'opencc-js/t2cn';

const built = new Map<string, (s: string) => string>();

/** 繁→简 from Taiwan ('tw') or Hong Kong ('hk') forms to mainland ones. */
export function toSimplified(text: string, from: 'tw' | 'hk' = 'tw'): string {
  let convert = built.get(from);
  if (!convert) built.set(from, (convert = Converter({ from, to: 'cn' })));
  return convert(text);
}
