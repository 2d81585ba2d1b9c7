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

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Traditional when simplification changes a noticeable share of the CJK characters. */
export function isTraditional(text: string): boolean {
  const sample = text.slice(0, 4000);
  const simplified = toSimplified(sample);
  let cjk = 0;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) {
    if (!CJK.test(sample[i])) continue;
    cjk++;
    if (simplified[i] !== sample[i]) changed++;
  }
  return cjk > 0 && changed / cjk > 0.03;
}

// Offsets need a 1:1 conversion; OpenCC is 1:1 for almost all text, so convert per line and fall
// back to per-char conversion on the rare line where a phrase rule changes the length.
export function simplifyKeepingLength(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const s = toSimplified(line);
      return s.length === line.length
        ? s
        : Array.from(line, (c) => (toSimplified(c).length === c.length ? toSimplified(c) : c)).join('');
    })
    .join('\n');
}
