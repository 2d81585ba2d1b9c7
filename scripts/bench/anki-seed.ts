// The store the Anki bench exports: 10,000 cards (new, learning, review, relearning) with 100,000
// review logs, written straight into the extension's IndexedDB from the dashboard page (raw IDB, in the
// shapes Dexie stores: Dates as Dates). Runs in the page: self-contained, no imports.
export interface SeedSize {
  cards: number;
  logs: number;
}

export function seedStore(size: SeedSize): Promise<{ cards: number; logs: number }> {
  const DAY = 86_400_000;
  const now = Date.now();
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('tifa');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['cards', 'reviewLogs', 'sources'], 'readwrite');
      const cards = tx.objectStore('cards');
      const logs = tx.objectStore('reviewLogs');
      cards.clear();
      logs.clear();
      tx.objectStore('sources').put({
        id: 'bench-src',
        file: 'bench.txt',
        title: '基准测试文件',
        date: '2024-01-01',
        origin: 'bench',
      });
      const studied = Math.round(size.cards * 0.7);
      const perCard = Math.ceil(size.logs / studied);
      let written = 0;
      for (let i = 0; i < size.cards; i++) {
        const state = i >= studied ? 0 : i % 20 === 0 ? 1 : i % 20 === 1 ? 3 : 2;
        const n = state === 0 ? 0 : Math.min(perCard, size.logs - written);
        const last = now - (i % 30) * DAY;
        const scheduled = state === 2 ? 1 + (i % 90) : 0;
        const due = new Date(state === 0 ? now : state === 2 ? last + scheduled * DAY : now + 10 * 60_000);
        const fsrs = {
          due,
          stability: state ? 1 + (i % 50) : 0,
          difficulty: state ? 1 + (i % 9) : 0,
          elapsed_days: 0,
          scheduled_days: scheduled,
          learning_steps: 0,
          reps: n,
          lapses: state === 3 ? 1 : 0,
          state,
          last_review: state ? new Date(last) : undefined,
        };
        const id = `bench-${i}`;
        cards.put({
          id,
          noteId: `bench-note-${i >> 2}`,
          kind: i % 2 ? 'formulation-member' : 'figure-cloze',
          prompt: `第${i}条：“四个意识”中的第${(i % 4) + 1}个是什么？`,
          answer: ['政治意识', '大局意识', '核心意识', '看齐意识'][i % 4],
          evidence: [
            {
              source: 'bench-src',
              quote: `要增强政治意识、大局意识、核心意识、看齐意识，这是第${i}句。`,
              marks: [[3, 7]],
            },
          ],
          importance: (i % 100) / 100,
          origin: 'bench',
          sourceIds: ['bench-src'],
          fsrs,
          due,
          state,
          suspended: i % 97 === 0 ? 1 : 0,
          retired: 0,
          leech: false,
          seen: { count: 0 },
          addedAt: new Date(now - 400 * DAY),
        });
        for (let k = 0; k < n; k++) {
          const review = new Date(last - (n - k) * 3 * DAY + (i % 1000));
          logs.add({
            cardId: id,
            noteId: `bench-note-${i >> 2}`,
            rating: k === 0 ? 3 : 1 + ((i + k) % 4),
            state: k === 0 ? 0 : 2,
            due: review,
            stability: 1 + k,
            difficulty: 5,
            elapsed_days: 3,
            last_elapsed_days: 3,
            scheduled_days: 3,
            learning_steps: 0,
            review,
          });
        }
        written += n;
      }
      tx.oncomplete = () => {
        db.close();
        resolve({ cards: size.cards, logs: written });
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
