// Numbers as documents write them: "9899万人", "0.98亿", "290多万名", "10.2%", "2020年".
// A quantity is its value in base units plus the unit word left after 万/亿.

export interface Quantity {
  /** In base units: 9899万人 → 98990000. */
  value: number;
  /** The unit after 万/亿: 9899万人 → "人", 10.2% → "%", 3000万 → "". */
  unit: string;
  /** Written with 多/余/近/约/左右/以上, or a bound (不少于, 以内). */
  approx: boolean;
}

const SCALE: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 };

// Input is already normalized (answer.ts): no spaces, no thousands separators, ASCII digits.
const QUANTITY =
  /^(约|近|超过|逾|不少于|不低于|不超过|不高于|不足|至少|最多)?(\d+(?:\.\d+)?)(多|余)?(万亿|亿|万|千)?(多|余)?(.*?)(左右|以上|以下|以内|上下|多)?$/;

export function parseQuantity(normalized: string): Quantity | undefined {
  const m = QUANTITY.exec(normalized);
  if (!m) return undefined;
  const [, pre, digits, more, scale, more2, unit, post] = m;
  // A unit is a short word (人, 万人 → 人, 个百分点); anything longer is a sentence, not a figure.
  if (unit.length > 4 || /\d/.test(unit)) return undefined;
  return { value: Number(digits) * (scale ? SCALE[scale] : 1), unit, approx: Boolean(pre || more || more2 || post) };
}

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Counters a number with 万/亿 may leave out: "9899万" says as much as "9899万人". */
export const COUNTERS = new Set(['人', '个', '名', '家', '所', '户', '支', '次', '项', '位', '座', '件']);

/** The leading number of a figure's `value` ("290多" → 290) and what follows it ("多"). */
export function splitValue(value: string): { x: number; suffix: string; decimals: number } | undefined {
  const m = /^(\d+(?:\.(\d+))?)(.*)$/.exec(value);
  if (!m) return undefined;
  return { x: Number(m[1]), suffix: m[3], decimals: m[2]?.length ?? 0 };
}

/** Rounds like the answer is written: same decimals; whole numbers keep most of their trailing zeros. */
export function roundLike(n: number, value: string): number {
  const v = splitValue(value);
  if (!v) return n;
  if (v.decimals) return Number(n.toFixed(v.decimals));
  const digits = String(Math.trunc(v.x)).length;
  const zeros = /0*$/.exec(String(Math.trunc(v.x)))![0].length;
  const step = 10 ** Math.max(0, Math.min(zeros, digits - 2));
  return Math.round(n / step) * step;
}

/** Plain decimal text without exponent or float noise: 10.200000001 → "10.2". */
export function formatNumber(n: number, decimals: number): string {
  return decimals ? n.toFixed(decimals) : String(Math.round(n));
}
