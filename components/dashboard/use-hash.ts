import { useEffect, useState } from 'react';
import { SECTIONS, type SectionHash } from './names';

const OTHER: SectionHash[] = ['cram', 'quiz'];

function read(): SectionHash {
  const h = location.hash.replace(/^#/, '') as SectionHash;
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
