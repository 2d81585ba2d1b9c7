// The same fact in other words: two figure clozes with the same answer whose words around the blank
// mostly agree ("到____现行标准下的农村贫困人口全部脱贫" / "习近平总书记…强调，到____现行标准下…全部脱贫",
// "可解决____脱贫" / "可以解决____脱贫"). Compared on character pairs near the blank, where the fact
// is, so a long lead-in of one quote does not hide that the rest is the same.

/** Characters on each side of the blank that say what the figure is. */
const REACH = 12;
/** Share of character pairs (Dice) above which two contexts state one fact. */
const SAME = 0.6;

const IGNORED = /[\s“”‘’"'「」『』《》，。、；：！？（）,.;:!?()]/g;

function around(prompt: string): string {
  const at = prompt.indexOf('____');
  if (at < 0) return prompt.replace(IGNORED, '');
  const before = prompt.slice(0, at).replace(IGNORED, '');
  const after = prompt.slice(at + 4).replace(IGNORED, '');
  return `${before.slice(-REACH)}#${after.slice(0, REACH)}`;
}

function pairs(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient over character pairs: 1 for the same text, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const A = pairs(a);
  const B = pairs(b);
  if (!A.size || !B.size) return a === b ? 1 : 0;
  let common = 0;
  for (const g of A) if (B.has(g)) common++;
  return (2 * common) / (A.size + B.size);
}

/** Two cloze prompts (same answer assumed) that ask one fact. */
export function nearSameFigure(a: string, b: string): boolean {
  return similarity(around(a), around(b)) >= SAME;
}
