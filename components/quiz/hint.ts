// 查看提示, as 学习强国 users know it: the sentence the question comes from, with the answer hidden.
import type { Evidence } from '@/data/knowledge/types';
import { displayQuote, markPieces, type QuotePiece } from '@/components/common/quote-text';

/** A hidden piece shows as a blank as long as what it hides. */
const BLANK = '＿';

/**
 * The quote tidied for reading, its marked answer and every occurrence of a giveaway (the answer
 * in other words, a list's members) as blanks. Giveaways of one character would blank out half
 * the sentence: only those of two or more count.
 */
export function hintPieces(evidence: Evidence, giveaways: readonly string[] = []): QuotePiece[] {
  const shown = displayQuote(evidence.quote, evidence.marks);
  const spans = [...shown.marks];
  for (const g of giveaways) {
    const word = g.replace(/\s+/g, '');
    if ([...word].length < 2) continue;
    for (let at = shown.text.indexOf(word); at !== -1; at = shown.text.indexOf(word, at + word.length))
      spans.push([at, at + word.length]);
  }
  return markPieces(shown.text, spans).map((p) =>
    p.marked ? { text: BLANK.repeat([...p.text].length), marked: true } : p,
  );
}
