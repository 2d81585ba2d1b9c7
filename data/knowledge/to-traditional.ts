// 简→繁 with OpenCC, one converter per target built on first use; only the deck needs it.
import { Converter } from 'opencc-js/cn2t';

const built = new Map<string, (s: string) => string>();

/** 简→繁 in Taiwan ('tw') or Hong Kong ('hk') forms. */
export function toTraditional(text: string, to: 'tw' | 'hk'): string {
  let convert = built.get(to);
  if (!convert) built.set(to, (convert = Converter({ from: 'cn', to })));
  return convert(text);
}
