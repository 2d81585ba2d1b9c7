// 学习会测验 end to end: a five-question quiz answered with the keyboard only, the feedback with
// the source sentence, the summary with the missed item, and that item scheduled for review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { putRows, readTable, watchErrors } from './harness.ts';
import { suiteTifa } from './suite.ts';
import { rightOptions, statementTrue, typedAnswer, type DeckRows } from './quiz-answers.ts';

const tifa = await suiteTifa();

/**
 * Makes the card of `kind` whose prompt includes `text` the one most likely forgotten, so that
 * 今天的薄弱项 asks it first; returns its prompt. The page reloads to read it.
 */
async function makeWeakest(page: Page, kind: string, text: string): Promise<string> {
  const card = (await readTable<{ prompt: string; kind: string }>(page, 'cards')).find(
    (c) => c.kind === kind && c.prompt.includes(text),
  );
  assert.ok(card, `a ${kind} card with ${text}`);
  const long = new Date(Date.UTC(2020, 0, 1));
  const fsrs = {
    due: long,
    stability: 0.5,
    difficulty: 8,
    elapsed_days: 0,
    scheduled_days: 1,
    learning_steps: 0,
    reps: 3,
    lapses: 1,
    state: 2,
    last_review: long,
  };
  await putRows(page, 'cards', [{ ...card, fsrs, due: long, state: 2 }]);
  await page.reload();
  return card.prompt;
}

/** A quiz page asking first, as `kind`, the formulation list whose prompt includes `text` (made the weakest card). */
async function weakestFirst(text: string, kind: 'fill' | 'multi'): Promise<{ page: Page; prompt: string }> {
  const page = await tifa.context.newPage();
  await page.goto(`chrome-extension://${tifa.extensionId}/quiz.html`);
  // The deck is installed (on a fresh profile it may still be on its way).
  await page.getByText('《在决战决胜脱贫攻坚座谈会上的讲话》').waitFor({ timeout: 15_000 });
  const prompt = await makeWeakest(page, 'formulation-list', text);
  await page.getByTestId('quiz-mode-weak').check();
  for (const other of ['single', 'judge', 'multi', 'fill'].filter((k) => k !== kind))
    await page.getByTestId(`quiz-kind-${other}`).uncheck();
  await page.getByTestId('quiz-count-5').check();
  await page.getByTestId('quiz-start').click();
  await page.getByTestId('quiz-question').waitFor();
  return { page, prompt };
}

async function answer(page: Page, deck: DeckRows, wrong: boolean): Promise<string> {
  const question = page.getByTestId('quiz-question');
  const prompt = await question.locator('.quiz-prompt').innerText();
  if ((await question.locator('.quiz-kind').innerText()) === '判断') {
    const options = await question.locator('.quiz-option-text').allInnerTexts();
    assert.deepEqual(options, ['正确', '错误']);
    const truth = statementTrue(deck, prompt);
    await page.keyboard.press(truth !== wrong ? '1' : '2');
  } else if (await page.getByTestId('quiz-input').count()) {
    // The input has the focus: typing needs no mouse.
    await page.keyboard.type(wrong ? '不知道' : typedAnswer(deck, prompt));
  } else {
    const options = await question.locator('.quiz-option-text').allInnerTexts();
    const multi = (await question.getByRole('checkbox').count()) > 0;
    const right = rightOptions(deck, prompt, options, multi);
    assert.ok(right.length && right.every((i) => i >= 0), `the right option of ${prompt} among ${options.join(' / ')}`);
    // Wrong on purpose: every option for 多选, another option for 单选.
    const picks = wrong ? (multi ? options.map((_, i) => i) : [(right[0] + 1) % options.length]) : right;
    for (const i of picks) await page.keyboard.press(multi ? 'ABCDEF'[i] : String(i + 1));
  }
  await page.keyboard.press('Enter');
  return prompt;
}

test('a five-question quiz with the keyboard: feedback, summary, and the missed card scheduled', async () => {
  const page = await tifa.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`chrome-extension://${tifa.extensionId}/quiz.html`);
  // The deck is installed on first run: its documents appear in the setup.
  await page.getByText('《在决战决胜脱贫攻坚座谈会上的讲话》').waitFor({ timeout: 15_000 });
  assert.equal(await page.getByTestId('quiz-counted').isChecked(), true, '计入复习 is on by default');
  await page.getByTestId('quiz-count-5').check();
  await page.getByTestId('quiz-start').focus();
  await page.keyboard.press('Enter');

  const deck: DeckRows = { cards: await readTable(page, 'cards'), notes: await readTable(page, 'notes') };
  const prompts: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('quiz-question').waitFor();
    prompts.push(await answer(page, deck, i === 0));
    const feedback = page.getByTestId('quiz-feedback');
    await feedback.waitFor();
    assert.match(await feedback.locator('.verdict').innerText(), i === 0 ? /回答错误/ : /回答正确/, prompts[i]);
    // The source sentence, with the answer marked, and its document.
    assert.ok((await feedback.locator('.evidence blockquote').innerText()).length > 8);
    assert.ok(await feedback.locator('.evidence mark').count(), 'the answer is marked in the source sentence');
    assert.match(await feedback.locator('figcaption').innerText(), /《.+》/);
    assert.match(
      (await feedback.getByTestId('quiz-card-link').getAttribute('href')) ?? '',
      /^dashboard\.html#cards\?card=/,
    );
    await feedback.getByText('已计入复习').waitFor();
    await page.keyboard.press('Enter');
  }

  const summary = page.getByTestId('quiz-summary');
  await summary.waitFor();
  assert.equal(await summary.getByTestId('quiz-score').innerText(), '4');
  const missed = summary.getByTestId('quiz-missed');
  assert.equal(await missed.count(), 1);
  assert.ok((await missed.innerText()).includes(prompts[0]), 'the missed item is the first question');
  // Due again in minutes: 今天 with its time (明天 only when those minutes pass midnight).
  const nearMidnight = new Date().getDate() !== new Date(Date.now() + 15 * 60_000).getDate();
  assert.match(
    await missed.getByTestId('quiz-missed-due').innerText(),
    nearMidnight ? /下次复习：(今天|明天) \d\d:\d\d/ : /下次复习：今天 \d\d:\d\d/,
  );

  // In the store: one review per answer, 重来 (1) for the miss, 良好 (3) for the others; the quiz is kept.
  const logs = await readTable<{ cardId: string; rating: number }>(page, 'reviewLogs');
  assert.equal(logs.length, 5);
  const quizzes = await readTable<{ total: number; correct: number; missedIds: string[]; cardIds: string[] }>(
    page,
    'quizzes',
  );
  assert.equal(quizzes.length, 1);
  assert.deepEqual([quizzes[0].total, quizzes[0].correct, quizzes[0].missedIds.length], [5, 4, 1]);
  const missedId = quizzes[0].missedIds[0];
  assert.deepEqual(
    logs.filter((l) => l.cardId === missedId).map((l) => l.rating),
    [1],
  );
  assert.deepEqual(
    logs.filter((l) => l.cardId !== missedId).map((l) => l.rating),
    [3, 3, 3, 3],
  );
  const card = (await readTable<{ id: string; due: Date; state: number }>(page, 'cards')).find(
    (c) => c.id === missedId,
  )!;
  assert.ok(new Date(card.due).getTime() - Date.now() < 15 * 60_000, 'the missed card is due again within minutes');

  // Back on the setup screen, the quiz is listed.
  await page.getByRole('button', { name: '返回设置' }).click();
  assert.match(await page.getByTestId('quiz-history').innerText(), /4\/5/);
  assert.deepEqual(errors, []);
  await page.close();

  // 学习中心 → 测验 keeps it: date, score, and (opened with the keyboard) the missed question as asked.
  const dash = await tifa.openDashboard('#quiz');
  assert.equal(await dash.getByTestId('tab-quiz').innerText(), '测验');
  const item = dash.getByTestId('quiz-history-item').first();
  assert.match(await item.locator('summary').innerText(), /\d+月\d+日 \d\d:\d\d · 测验 · 答对 4 \/ 5/);
  await item.locator('summary').focus();
  await dash.keyboard.press('Enter');
  const again = item.getByTestId('history-missed');
  await again.waitFor();
  assert.equal(await again.count(), 1);
  assert.ok((await again.innerText()).includes(prompts[0]), 'the missed question, as it was asked');
  assert.match(await again.innerText(), /正确答案：.+ · 你的答案：/);
  await dash.close();
});

test('挑战答题 stops at the first wrong answer, does not touch the reviews, and keeps the best streak', async () => {
  const page = await tifa.context.newPage();
  await page.goto(`chrome-extension://${tifa.extensionId}/quiz.html`);
  await page.getByTestId('quiz-mode-challenge').check();
  assert.equal(await page.getByTestId('quiz-counted').isChecked(), false, '计入复习 is off for 挑战答题');
  await page.getByTestId('quiz-start').click();
  const deck: DeckRows = { cards: await readTable(page, 'cards'), notes: await readTable(page, 'notes') };
  const logsBefore = (await readTable(page, 'reviewLogs')).length;
  for (let i = 0; i < 3; i++) {
    await page.getByTestId('quiz-question').waitFor();
    // Answerable in seconds: one choice among a few, or 判断.
    assert.match(await page.locator('.quiz-kind').innerText(), /^(单选|判断)$/);
    await answer(page, deck, i === 2);
    await page.getByTestId('quiz-feedback').waitFor();
    await page.keyboard.press('Enter');
    if (i < 2)
      await page
        .getByTestId('quiz-streak')
        .filter({ hasText: String(i + 1) })
        .waitFor();
  }
  const summary = page.getByTestId('quiz-summary');
  await summary.waitFor();
  assert.equal(await summary.getByTestId('quiz-streak').innerText(), '2');
  assert.equal(await summary.getByTestId('quiz-missed').count(), 1);
  assert.equal((await readTable(page, 'reviewLogs')).length, logsBefore, 'no review recorded');
  await page.getByRole('button', { name: '返回设置' }).click();
  await page.getByText('挑战答题最高纪录：连续答对 2 题').waitFor();
  await page.close();
});

test('the popup opens the quiz page', async () => {
  // The popup focuses a quiz tab that is already open: start without one.
  for (const open of tifa.context.pages()) if (open.url().includes('/quiz.html')) await open.close();
  const popup = await tifa.openPopup();
  const [quiz] = await Promise.all([tifa.context.waitForEvent('page'), popup.getByTestId('open-quiz').click()]);
  await quiz.waitForURL(/\/quiz\.html/);
  await quiz.getByTestId('quiz-start').waitFor();
  await popup.close();
});

test('Enter on a focused 结束测验 ends the quiz, and answers nothing', async () => {
  const page = await tifa.context.newPage();
  await page.goto(`chrome-extension://${tifa.extensionId}/quiz.html`);
  await page.getByTestId('quiz-count-5').check();
  await page.getByTestId('quiz-start').click();
  await page.getByTestId('quiz-question').waitFor();
  const logsBefore = (await readTable(page, 'reviewLogs')).length;
  // Something picked or typed, so that a stray Enter would submit it.
  if (await page.getByTestId('quiz-input').count()) await page.getByTestId('quiz-input').first().fill('不知道');
  else await page.getByTestId('quiz-option').first().click();
  await page.getByRole('button', { name: '结束测验' }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('quiz-start').waitFor({ timeout: 3_000 });
  assert.equal(await page.getByTestId('quiz-feedback').count(), 0);
  assert.equal((await readTable(page, 'reviewLogs')).length, logsBefore, 'no answer recorded');
  await page.close();
});

test('填空 on a series with blanks: one box per blank, saying how many characters it holds; the blanks alone are right', async () => {
  // 精确识别、精确帮扶、精确管理, asked as 填空.
  const { page, prompt } = await weakestFirst('精确____、精确____、精确____', 'fill');
  const question = page.getByTestId('quiz-question');
  assert.ok((await question.locator('.quiz-prompt').innerText()).startsWith(prompt));
  const boxes = question.getByTestId('quiz-input');
  assert.equal(await boxes.count(), 3);
  // The first box has the focus on its own: typing needs no mouse (after the setup's 开始 had it).
  assert.equal(
    await boxes.first().evaluate((el) => el === document.activeElement),
    true,
    'the first box has the focus',
  );
  for (let i = 0; i < 3; i++) {
    assert.equal(await boxes.nth(i).getAttribute('placeholder'), '2字');
    assert.equal(await boxes.nth(i).getAttribute('aria-label'), `第 ${i + 1} 空，2 个字`);
  }
  // 查看提示: the source sentence, the answer hidden.
  await page.getByTestId('quiz-hint-button').focus();
  await page.keyboard.press('Enter');
  const hint = await page.getByTestId('quiz-hint').locator('blockquote').innerText();
  assert.match(hint, /＿＿/);
  for (const word of ['识别', '帮扶', '管理'])
    assert.ok(!hint.includes(`精确${word}`), `the hint hides 精确${word}: ${hint}`);
  // The keyboard alone: back in the first box, Tab goes to the next.
  await boxes.first().focus();
  await page.keyboard.type('识别');
  await page.keyboard.press('Tab');
  await page.keyboard.type('帮扶');
  await page.keyboard.press('Tab');
  await page.keyboard.type('管理');
  await page.keyboard.press('Enter');
  const feedback = page.getByTestId('quiz-feedback');
  await feedback.waitFor();
  assert.match(await feedback.locator('.verdict').innerText(), /回答正确/);
  await page.close();
});

test('a wrong 多选 says which choices were right, wrong and missed', async () => {
  const { page } = await weakestFirst('“六个精准”', 'multi');
  const question = page.getByTestId('quiz-question');
  assert.equal(await question.locator('.quiz-prompt').innerText(), '下列哪些属于“六个精准”？（多选）');
  const options = await question.locator('.quiz-option-text').allInnerTexts();
  const members = ['扶持对象精准', '项目安排精准', '资金使用精准', '措施到户精准', '因村派人精准', '脱贫成效精准'];
  // Every option picked: the right ones and the wrong ones.
  for (let i = 0; i < options.length; i++) await page.keyboard.press('ABCDEF'[i]);
  await page.keyboard.press('Enter');
  const feedback = page.getByTestId('quiz-feedback');
  await feedback.waitFor();
  const right = options.filter((o) => members.includes(o)).length;
  assert.equal(
    await feedback.locator('.note').innerText(),
    `（选对 ${right}/${right} 项，多选 ${options.length - right} 项）`,
  );
  const marks = await question
    .getByTestId('quiz-option')
    .evaluateAll((buttons) =>
      buttons.map((b) => b.querySelector('[data-testid="quiz-option-mark"]')?.textContent ?? ''),
    );
  assert.deepEqual(
    marks,
    options.map((o) => (members.includes(o) ? '✓ 选对了' : '✗ 选错了')),
  );
  await page.close();
});
