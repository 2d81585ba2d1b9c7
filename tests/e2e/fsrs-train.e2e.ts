// Settings → 优化参数 in the built extension: too few reviews are refused with the count; a review log
// generated from known FSRS parameters is trained on in the worker (fsrs-browser's wasm from the
// extension itself), the current and new parameters are scored, the new set is switched to, the
// scheduler's settings hold it, and 恢复原参数 brings the defaults back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { putRows, readTable, watchErrors } from './harness.ts';
import { suiteTifa } from './suite.ts';
import { simulateLogs, simulatedLogRow } from '../data/srs/simulate.ts';

const tifa = await suiteTifa();

async function openSettings(): Promise<Page> {
  const page = await tifa.openDashboard('#settings');
  await page.getByTestId('fsrs-section').waitFor({ timeout: 15_000 });
  return page;
}

const DUE = new Date(Date.UTC(2026, 0, 10, 12));

/** A studied card for the first `n` simulated cards, its memory state a placeholder (stability 1, difficulty 5) and its due date fixed. */
function cardRows(logs: ReturnType<typeof simulateLogs>, n: number) {
  const ids = [...new Set(logs.map((l) => l.cardId))].slice(0, n);
  return ids.map((id) => {
    const mine = logs.filter((l) => l.cardId === id);
    const last = mine[mine.length - 1].review as Date;
    return {
      id,
      noteId: `n-${id}`,
      kind: 'statement',
      prompt: `问题 ${id}`,
      answer: `答案 ${id}`,
      evidence: [{ source: 'sim', quote: `答案 ${id}` }],
      importance: 0.5,
      origin: 'user',
      sourceIds: ['sim'],
      fsrs: {
        due: DUE,
        stability: 1,
        difficulty: 5,
        elapsed_days: 0,
        scheduled_days: 30,
        learning_steps: 0,
        reps: mine.length,
        lapses: 0,
        state: 2,
        last_review: last,
      },
      due: DUE,
      state: 2,
      suspended: 0,
      retired: 0,
      leech: false,
      seen: { count: 0 },
      addedAt: DUE,
    };
  });
}

type CardFsrs = { id: string; due: Date; fsrs: { stability: number; difficulty: number; due: Date } };

test('too few reviews: the section says how many there are and how many it needs, and changes nothing', async () => {
  const page = await openSettings();
  const errors = watchErrors(page);
  assert.match(await page.getByTestId('fsrs-count').innerText(), /目前有 0 次复习记录，至少需要 400 次才能优化/);
  assert.equal(await page.getByTestId('fsrs-in-use').innerText(), '当前使用：默认参数');
  await page.getByTestId('fsrs-train').click();
  await page.getByTestId('fsrs-message').filter({ hasText: '复习记录还不够' }).waitFor();
  assert.match(await page.getByTestId('fsrs-message').innerText(), /目前 0 次，至少需要 400 次/);
  assert.equal((await readTable<{ key: string }>(page, 'settings')).filter((r) => r.key.startsWith('fsrs')).length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('trains on the user review log, shows both sets scored, switches to the better one, and 恢复原参数 goes back', async () => {
  const page = await openSettings();
  const errors = watchErrors(page);
  const logs = simulateLogs({ cards: 400, days: 300, seed: 11 });
  await putRows(page, 'reviewLogs', logs.map(simulatedLogRow));
  const cards = cardRows(logs, 30);
  await putRows(page, 'cards', cards);
  await page.getByTestId('fsrs-train').click();
  await page.getByTestId('fsrs-progress').waitFor();
  await page.getByTestId('fsrs-report').waitFor({ timeout: 120_000 });

  const verdict = await page.getByTestId('fsrs-verdict').innerText();
  assert.match(verdict, /^已换用新参数。按你的记忆情况，复习间隔(平均将变[长短] \d+%|基本不变)。$/);
  const figures = async (row: string) => (await page.getByTestId(row).locator('td').allInnerTexts()).map(Number);
  const [oldLoss, oldRmse] = await figures('fsrs-current');
  const [newLoss, newRmse] = await figures('fsrs-next');
  assert.ok(newLoss < oldLoss && newRmse <= oldRmse, `new ${newLoss}/${newRmse} better than old ${oldLoss}/${oldRmse}`);
  assert.match(await page.getByTestId('fsrs-report').innerText(), new RegExp(`用 ${logs.length} 次复习`));
  await page
    .getByTestId('fsrs-in-use')
    .filter({ hasText: /^当前使用：根据你的复习记录优化的参数$/ })
    .waitFor({ timeout: 10_000 });

  const settings = await readTable<{ key: string; value: unknown }>(page, 'settings');
  const weights = settings.find((r) => r.key === 'fsrsWeights')?.value as number[];
  assert.equal(weights?.length, 21, 'the scheduler reads 21 FSRS-6 weights');
  assert.deepEqual(
    settings.find((r) => r.key === 'fsrsPrevious')?.value,
    { weights: null },
    'the defaults are kept to go back to',
  );

  // Every card's memory state recomputed from its log with the new set, in a worker; due dates kept.
  await page.getByTestId('fsrs-recompute').filter({ hasText: '已按当前参数重新计算' }).waitFor({ timeout: 60_000 });
  assert.match(await page.getByTestId('fsrs-recompute').innerText(), /已安排的复习日期保持不变/);
  const ids = new Set(cards.map((c) => c.id));
  const mine = async () => (await readTable<CardFsrs>(page, 'cards')).filter((c) => ids.has(c.id));
  const trainedCards = await mine();
  assert.equal(trainedCards.length, cards.length);
  assert.ok(
    trainedCards.every((c) => c.fsrs.stability !== 1 && c.fsrs.difficulty !== 5),
    'every card holds a memory state replayed from its reviews',
  );
  assert.ok(trainedCards.every((c) => c.due.getTime() === DUE.getTime() && c.fsrs.due.getTime() === DUE.getTime()));
  assert.equal((await readTable<{ key: string }>(page, 'settings')).filter((r) => r.key === 'fsrsRecompute').length, 0);

  await page.getByTestId('fsrs-restore').click();
  await page.getByTestId('fsrs-message').filter({ hasText: '已恢复原参数' }).waitFor();
  // The page's view of the store follows the write (a live query): under load it arrives a moment later.
  await page
    .getByTestId('fsrs-in-use')
    .filter({ hasText: /^当前使用：默认参数$/ })
    .waitFor({ timeout: 10_000 });
  await page.getByTestId('fsrs-restore').waitFor({ state: 'detached', timeout: 10_000 });
  const after = await readTable<{ key: string }>(page, 'settings');
  assert.equal(
    after.find((r) => r.key === 'fsrsWeights'),
    undefined,
  );
  await page
    .getByTestId('fsrs-verdict')
    .filter({ hasText: /新参数更好，但你已恢复原参数/ })
    .waitFor({ timeout: 10_000 });
  // 恢复原参数 recomputes again, with the defaults: other stabilities than the trained set gave.
  // The switch's mark stays until its recomputation has finished.
  const marked = async () =>
    (await readTable<{ key: string }>(page, 'settings')).some((r) => r.key === 'fsrsRecompute');
  for (let i = 0; (await marked()) && i < 600; i++) await page.waitForTimeout(100);
  assert.equal(await marked(), false, 'the recomputation after 恢复原参数 finished');
  const restored = await mine();
  const trainedBy = new Map(trainedCards.map((c) => [c.id, c.fsrs.stability]));
  assert.ok(restored.some((c) => Math.abs(c.fsrs.stability - trainedBy.get(c.id)!) > 1e-6));
  assert.ok(restored.every((c) => c.due.getTime() === DUE.getTime()));

  assert.deepEqual(errors, []);
  assert.deepEqual(tifa.outsideRequests, []);
  await page.close();
});
