// Search input may be traditional (a cadre in Hong Kong or Taiwan, or text copied from a
// traditional document); the deck is simplified. OpenCC is large, so it loads on first use.
let converter: Promise<typeof import('@/data/knowledge/opencc')> | undefined;

const HAS_HAN = /\p{Script=Han}/u;

export function toSimplified(text: string): Promise<string> {
  if (!HAS_HAN.test(text)) return Promise.resolve(text);
  converter ??= import('@/data/knowledge/opencc');
  return converter.then((m) => m.toSimplified(text)).catch(() => text);
}
