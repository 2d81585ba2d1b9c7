// Search input may be traditional (a cadre in Hong Kong or Taiwan, or text copied from a
// traditional document); the deck is simplified. OpenCC is large, so it loads on first use.
type Convert = (text: string) => string;
let converter: Promise<Convert> | undefined;

const HAS_HAN = /\p{Script=Han}/u;

export function toSimplified(text: string): Promise<string> {
  if (!HAS_HAN.test(text)) return Promise.resolve(text);
  converter ??= import('opencc-js/t2cn').then((m) => m.Converter({ from: 'tw', to: 'cn' }));
  return converter.then((convert) => convert(text)).catch(() => text);
}
