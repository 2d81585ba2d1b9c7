// `npm run bench -- sync`: two devices' stores (fake-indexeddb in Node, slower than a browser's
// IndexedDB) syncing through a real local WebDAV server (tests/sync/dav-server.ts). A first sync of
// 10,000 cards and 100,000 ratings (sent by one device, received by a fresh one), then a day's
// incremental sync of 200 ratings each way (target < 1 s). Bytes are the sync files' bodies.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDb, type TifaDB } from '../../data/db/schema';
import { syncDeck } from '../../data/db/deck-sync';
import { saveReview, saveSettings } from '../../data/db/repo';
import type { Card, Deck } from '../../data/knowledge/types';
import { rate, newCardState, type Grade } from '../../data/srs/scheduler';
import { DEFAULT_SETTINGS } from '../../data/srs/settings';
import { DavClient } from '../../lib/sync/webdav';
import { syncOnce, type SyncSummary } from '../../lib/sync/run';
import { startDav } from '../../tests/sync/dav-server';

// SYNC_BENCH_SCALE=0.1 for a quick look (1,000 cards, 10,000 ratings).
const SCALE = Number(process.env.SYNC_BENCH_SCALE ?? 1);
const CARDS = Math.round(10_000 * SCALE);
const LOGS = Math.round(100_000 * SCALE);
const DAILY = 200;
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1, 1);
const SETTINGS = { ...DEFAULT_SETTINGS, enableFuzz: false };

function deck(): Deck {
  const cards: Card[] = Array.from({ length: CARDS }, (_, i) => ({
    id: `bench-c${i}`,
    noteId: `bench-n${Math.floor(i / 10)}`,
    kind: 'figure-cloze',
    prompt: `第${i}项任务的目标是什么？（基准测试用的生成卡片）`,
    answer: `到二〇三五年完成第${i}项`,
    evidence: [{ source: 'bench-s', quote: `第${i}项任务的目标是到二〇三五年完成第${i}项。` }],
    importance: (i % 100) / 100,
  }));
  return {
    version: 1,
    sources: [{ id: 'bench-s', file: 'bench.txt', title: '基准测试文件' }],
    notes: [],
    cards,
    conflicts: [],
    terms: [],
  };
}

const fresh = () => openDb('bench', { indexedDB: new IDBFactory(), IDBKeyRange });

/** 100,000 ratings: ten per card over a year, states computed by ts-fsrs as the popup would. */
async function seedHistory(db: TifaDB): Promise<void> {
  const cards = await db.cards.toArray();
  const logs = [];
  for (const [i, card] of cards.entries()) {
    let state = newCardState(new Date(T0));
    for (let k = 0; k < LOGS / CARDS; k++) {
      const when = new Date(T0 + (k * 30 + (i % 30)) * DAY + i * 1000);
      const r = rate(state, ((i + k) % 4 === 0 ? 1 : 3) as Grade, when, SETTINGS);
      logs.push({ ...r.log, cardId: card.id, noteId: card.noteId });
      state = r.state;
    }
    Object.assign(card, { fsrs: state, due: state.due, state: state.state });
  }
  await db.cards.bulkPut(cards);
  await db.reviewLogs.bulkAdd(logs);
}

async function timed(label: string, work: () => Promise<SyncSummary>): Promise<SyncSummary> {
  const start = performance.now();
  const s = await work();
  const ms = performance.now() - start;
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `${label}: ${(ms / 1000).toFixed(2)} s — sent ${s.sent.reviews} ratings in ${s.sent.files} files (${kb(s.sent.bytes)}), ` +
      `received ${s.received.reviews} ratings in ${s.received.files} files (${kb(s.received.bytes)})`,
  );
  return s;
}

export async function runSyncBench(): Promise<void> {
  const dav = await startDav();
  const client = () => new DavClient({ url: dav.url, user: dav.user, password: dav.password });
  try {
    const [a, b] = [fresh(), fresh()];
    const start = new Date(T0);
    const t = performance.now();
    for (const db of [a, b]) await syncDeck(db, deck(), start);
    await saveSettings(a, { enableFuzz: false });
    await seedHistory(a);
    console.log(`  (stores written in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
    const day1 = new Date(T0 + 400 * DAY);
    await timed(`first sync, sending (${CARDS} cards, ${LOGS} ratings)`, () => syncOnce(a, client(), day1));
    await timed('first sync, receiving on a new device', () => syncOnce(b, client(), day1));
    const day2 = new Date(T0 + 401 * DAY);
    for (let i = 0; i < DAILY; i++)
      await saveReview(a, `bench-c${(i * 7) % CARDS}`, 3, new Date(day2.getTime() + i * 20_000), SETTINGS);
    for (let i = 0; i < DAILY; i++)
      await saveReview(b, `bench-c${(i * 11 + 1) % CARDS}`, 3, new Date(day2.getTime() + i * 20_000 + 7), SETTINGS);
    const later = new Date(day2.getTime() + DAY / 2);
    const up = await timed(`daily sync, ${DAILY} ratings (device A, target < 1 s)`, () => syncOnce(a, client(), later));
    const both = await timed(`daily sync, ${DAILY} ratings each way (device B, target < 1 s)`, () =>
      syncOnce(b, client(), later),
    );
    await timed('daily sync, receiving the rest (device A)', () => syncOnce(a, client(), later));
    const same =
      JSON.stringify(await a.cards.orderBy('id').toArray()) === JSON.stringify(await b.cards.orderBy('id').toArray());
    console.log(
      `  both devices hold identical cards afterwards: ${same}; ratings ${await a.reviewLogs.count()} / ${await b.reviewLogs.count()}`,
    );
    if (!up.sent.reviews || !both.received.reviews) throw new Error('the daily sync moved nothing');
  } finally {
    await dav.close();
  }
}
