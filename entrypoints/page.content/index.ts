import { sitePatterns } from '@/data/sites';

// Runs on the default news and government sites. Highlighting arrives with the term index;
// for now the script only announces itself, so that tests can see that it ran.
export default defineContentScript({
  matches: sitePatterns(),
  runAt: 'document_idle',
  main(ctx) {
    if (ctx.isInvalid) return;
    performance.mark('tifa:ready');
  },
});
