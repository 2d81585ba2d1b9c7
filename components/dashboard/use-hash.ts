import { useEffect, useState } from 'react';
import { SECTIONS, type SectionHash } from './names';

const OTHER: SectionHash[] = ['cram', 'quiz'];

// A hash may carry parameters after the section: #cards?card=<id> opens that card (the quiz links so).
function read(): SectionHash {
  const h = location.hash.replace(/^#/, '').split('?')[0] as SectionHash;
  return SECTIONS.some((s) => s.hash === h) || OTHER.includes(h) ? h : 'cards';
}

/** The section named by the URL hash (#cards by default), following back/forward and links. */
export function useSection(): SectionHash {
  const [section, setSection] = useState(read);
  useEffect(() => {
    const onChange = () => setSection(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return section;
}

/** The card named by `#cards?card=<id>`, if any. */
export function cardFromHash(hash = location.hash): string | undefined {
  const query = hash.split('?')[1];
  return query ? (new URLSearchParams(query).get('card') ?? undefined) : undefined;
}

/** Follows `?card=` in the hash, so a link from the quiz or the popup opens that card. */
export function useHashCard(): string | undefined {
  const [card, setCard] = useState(() => cardFromHash());
  useEffect(() => {
    const onChange = () => setCard(cardFromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return card;
}
