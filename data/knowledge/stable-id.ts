// Stable ids from content: rebuilding or re-importing keeps the user's progress because an id
// hashes normalized content, never positions. FNV-1a throughout, no crypto needed. Two widths
// exist because ids already stored depend on each: the deck's (64-bit) and user-made cards' (2×32-bit).

const FNV_PRIME = 0x100000001b3n;
const FNV_OFFSET = 0xcbf29ce484222325n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a 64-bit over UTF-16 code units, in base 36: short, stable. */
export function hash64(s: string): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * FNV_PRIME) & MASK;
  }
  return h.toString(36);
}

/** The deck's ids: notes, cards, conflicts. */
export function stableId(kind: string, content: string): string {
  return `${kind}:${hash64(content)}`;
}

/** Ids of cards and pages the user makes (FNV-1a 32-bit, twice with different seeds); stored ids depend on it. */
export function contentId(prefix: string, text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `${prefix}:${a.toString(36)}${b.toString(36)}`;
}
