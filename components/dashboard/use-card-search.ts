import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import { cardText, listCards, type CardFilter } from '@/data/db/repo';
import type { CardRow } from '@/data/db/schema';
import { toSimplified } from './to-simplified';

const fold = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** listCards' text rule (shown text, deck text, members), for any of several needles. */
export function matchesText(card: CardRow, needles: string[]): boolean {
  if (!needles.length) return true;
  const { prompt, answer } = cardText(card);
  const hay = [prompt, answer, card.prompt, card.answer, ...(card.members ?? [])].map(fold);
  return needles.some((n) => hay.some((h) => h.includes(n)));
}

/**
 * Cards matching the filter, live. The database is read when the filters or the cards change;
 * typing only filters in memory (10,000 cards in a few ms). The text is searched as typed and
 * in simplified characters, so "六個精準" finds 六个精准.
 */
export function useCardSearch(text: string, filter: Omit<CardFilter, 'text'>): CardRow[] | undefined {
  const [needles, setNeedles] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    const raw = fold(text);
    const timer = setTimeout(() => {
      void toSimplified(raw).then((simple) => live && setNeedles([...new Set([raw, simple])].filter(Boolean)));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const { sourceId, kind, state } = filter;
  const cards = useLiveQuery(() => listCards(db, { sourceId, kind, state }), [sourceId, kind, state]);
  return useMemo(() => cards?.filter((c) => matchesText(c, needles)), [cards, needles]);
}
