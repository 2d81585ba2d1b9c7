// 学习资料包 end to end: a member's subscription made before anything is published waits; an organiser
// profile publishes an imported document's cards to a real WebDAV server started here
// (tests/sync/dav-server.ts), a member profile subscribes and studies, the organiser publishes version 2
// (a card changed, a card added), the member updates keeping progress, shares readiness, and the
// organiser sees the table; faults: server down, 401, a truncated file, a pack from a newer Tifa; then
// version 3 adds a bundled document with one card left out and one edited by the organiser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { importTextFile, rateInPopup, readTable, watchErrors, type Tifa } from './harness.ts';
import { twoProfilesOverDav } from './dav-extension.ts';

const {
  dav,
  profiles: [org, member],
} = await twoProfilesOverDav('tifa-pack-ext-', { folder: 'pack' });
const pages = new Map<Tifa, Page>();
const errors: string[][] = [];

// Sentences of our own, in the style of a work report.
const TITLE = '关于推进基层党组织标准化建设的学习材料';
const TEXT = [
  TITLE,
  '（2025年5月6日）',
  '我们坚持“三个统筹”，即统筹发展和安全、统筹城市和乡村、统筹当前和长远。',
  '要做到“四个聚焦”：聚焦民生需求、聚焦矛盾化解、聚焦队伍建设、聚焦制度完善。',
].join('\n');
const day = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const SESSION = day(new Date(Date.now() + 10 * 86_400_000));

interface Card {
  id: string;
  prompt: string;
  sourceIds: string[];
  retired: number;
  edited?: { prompt?: string };
  fsrs: { reps: number; stability: number; state: number };
}

/** State shared between the steps (each test is one step of the story). */
const story: { sid?: string; heldOut?: string; studied?: Card; newPrompt?: string; logs?: number } = {};

/** A fresh 学习中心 → 资料包 page for the profile (the previous one closed). */
async function packPage(tifa: Tifa): Promise<Page> {
  await pages.get(tifa)?.close();
  const page = await tifa.openDashboard('#pack');
  errors.push(watchErrors(page));
  pages.set(tifa, page);
  await page.getByTestId('pack-member').waitFor();
  return page;
}

/** Console errors that are not Chromium's log of a non-2xx answer the story expects. */
const ourErrors = () =>
  errors
    .flat()
    .filter(
      (e) =>
        !/^Failed to load resource: (the server responded with a status of (401|404|405)|net::ERR_EMPTY_RESPONSE)/.test(
          e,
        ),
    );

const folderFiles = () => readdirSync(join(dav.dir, 'pack')).sort();

async function publish(page: Page): Promise<string> {
  await page.getByTestId('pack-publish-submit').click();
  const message = page.getByTestId('pack-publish-message');
  await page.waitForFunction(() =>
    /已发布|请|无法|不对|没有/.test(document.querySelector('[data-testid="pack-publish-message"]')?.textContent ?? ''),
  );
  return message.innerText();
}

/** 检查更新, then what the member's part of the page says. */
async function check(page: Page): Promise<string> {
  await page.getByTestId('pack-check').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="pack-check"]')?.textContent === '检查更新');
  return page.getByTestId('pack-member').innerText();
}

const docCards = async (page: Page) =>
  (await readTable<Card>(page, 'cards')).filter((c) => c.sourceIds.includes(story.sid!));

/** The 资料包 page at 360 and 1280 px wide: nothing wider than the window (no sideways scrolling). */
async function fits(page: Page, what: string): Promise<void> {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const over = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('.pack-member *, .pack-member')].filter(
        (e) => e.getBoundingClientRect().right > w + 1,
      );
      return [
        document.documentElement.scrollWidth - w,
        wide.map((e) => `${e.tagName} ${(e.textContent ?? '').slice(0, 40)}`),
      ] as const;
    });
    if (process.env.TIFA_PACK_SHOTS) await page.screenshot({ path: `/tmp/pack-${what}-${width}.png`, fullPage: true });
    assert.deepEqual(over, [0, []], `${what} at ${width} px`);
  }
}

test('a member may subscribe before anything is published: the subscription waits for the first version', async () => {
  const page = await packPage(member);
  await fits(page, 'subscribe');
  // Keyboard only: the fields in order, Enter subscribes.
  await page.getByTestId('pack-sub-url').focus();
  await page.keyboard.type(dav.url);
  await page.keyboard.press('Tab');
  await page.keyboard.type(dav.user);
  await page.keyboard.press('Tab');
  await page.keyboard.type(dav.password);
  await page.keyboard.press('Enter');
  await page.getByTestId('pack-member-version').waitFor();
  await fits(page, 'waiting');
  const waiting = /组织者还没有发布资料包，发布后会自动收到/;
  assert.match(await page.getByTestId('pack-member-version').innerText(), waiting);
  assert.match(await page.getByTestId('pack-member-message').innerText(), /^已订阅/);
  assert.equal(await page.getByTestId('pack-member-error').count(), 0);
  assert.match(await check(page), waiting);
  assert.equal(await page.getByTestId('pack-member-error').count(), 0);
  // Left again, so that the story below subscribes to a published pack.
  await page.getByTestId('pack-leave').click();
  await page.getByTestId('pack-subscribe').waitFor();
});

test('the organiser imports a document and publishes version 1 with one card left out', async () => {
  const page = await org.openDashboard('#import');
  errors.push(watchErrors(page));
  await importTextFile(page, '标准化建设.txt', TEXT);
  await page.close();

  const pack = await packPage(org);
  await pack.getByTestId('pack-org-url').fill(dav.url);
  await pack.getByTestId('pack-org-user').fill(dav.user);
  await pack.getByTestId('pack-org-password').fill(dav.password);
  const doc = pack.locator('.pack-doc', { hasText: TITLE });
  await doc.getByTestId('pack-doc').check();
  story.sid = (await doc.getByTestId('pack-doc').getAttribute('data-id'))!;
  await doc.getByTestId('pack-cards-toggle').click();
  const last = doc.getByTestId('pack-card').last();
  story.heldOut = (await last.getAttribute('data-id'))!;
  await last.uncheck();
  assert.match(await doc.innerText(), /已选 15 \/ 16 张卡片/);
  await pack.getByTestId('pack-title').fill('五月学习会');
  await pack.getByTestId('pack-session').fill(SESSION);
  assert.match(await publish(pack), /已发布第 1 版：1 份文件、15 张卡片/);
  assert.deepEqual(
    folderFiles().map((f) => f.replace(/-[0-9a-f]{16}\.json$/, '')),
    ['members', 'pack-v1', 'pack.json'],
  );
  assert.ok(!readFileSync(join(dav.dir, 'pack', 'pack.json'), 'utf8').includes(dav.password));
});

test('a member subscribes, sees what the pack brings, accepts the 学习会 and studies', async () => {
  const page = await packPage(member);
  await page.getByTestId('pack-sub-url').fill(dav.url);
  await page.getByTestId('pack-sub-user').fill(dav.user);
  await page.getByTestId('pack-sub-password').fill(dav.password);
  await page.getByTestId('pack-subscribe').click();
  await page.getByTestId('pack-changes').waitFor();
  assert.match(
    await page.getByTestId('pack-changes').innerText(),
    new RegExp(`第 1 版《五月学习会》：新增 1 份文件（${TITLE}）；新增 15 张卡片；学习会日期 ${SESSION}`),
  );
  assert.ok(await page.getByTestId('pack-accept-session').isChecked());
  await fits(page, 'changes');
  await page.getByTestId('pack-apply').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() =>
    /已更新/.test(document.querySelector('[data-testid="pack-member-message"]')?.textContent ?? ''),
  );
  assert.match(
    await page.getByTestId('pack-member-message').innerText(),
    /已更新到第 1 版。学习会（.*）已加入你的学习计划/,
  );
  assert.match(await page.getByTestId('pack-member-version').innerText(), /当前：第 1 版《五月学习会》，1 份文件/);
  const cards = await docCards(page);
  assert.equal(cards.filter((c) => !c.retired).length, 15);
  assert.ok(!cards.some((c) => c.id === story.heldOut));
  assert.ok(
    cards.every((c) => c.fsrs.reps === 0),
    "the organiser's progress never travels",
  );
  // The 学习会's new cards come first in the member's daily review.
  await rateInPopup(member, 2);
  const studied = (await docCards(page)).filter((c) => c.fsrs.reps > 0);
  assert.ok(studied.length >= 1, 'the pack cards are in the daily review');
  story.studied = studied[0];
  story.logs = (await readTable(page, 'reviewLogs')).length;
});

test('the organiser edits a card and adds the one left out: version 2', async () => {
  const page = await org.openDashboard('#cards');
  errors.push(watchErrors(page));
  await page.getByTestId('card-search').fill(story.studied!.prompt);
  await page.getByTestId('card-row').filter({ hasText: story.studied!.prompt }).first().click();
  await page.getByTestId('card-edit').click();
  story.newPrompt = `${story.studied!.prompt}（请结合本支部实际）`;
  await page.getByTestId('card-edit-prompt').fill(story.newPrompt);
  await page.getByTestId('card-edit-save').click();
  await page.getByTestId('card-edit').waitFor();
  await page.close();

  const pack = await packPage(org);
  const doc = pack.locator('.pack-doc', { hasText: TITLE });
  assert.match(await doc.innerText(), /已选 15 \/ 16 张卡片/, 'the last choice is kept');
  await doc.getByTestId('pack-cards-toggle').click();
  await doc.locator(`[data-testid="pack-card"][data-id="${story.heldOut}"]`).check();
  assert.match(await publish(pack), /已发布第 2 版：1 份文件、16 张卡片/);
});

test('the member updates: the changed card keeps its progress, the new card arrives', async () => {
  const page = await packPage(member);
  const shown = await check(page);
  assert.match(shown, /第 2 版《五月学习会》：新增 1 张、修改 1 张卡片。/);
  assert.ok(shown.includes(`修改：${story.newPrompt}`));
  await page.getByTestId('pack-apply').click();
  await page.waitForFunction(() =>
    /第 2 版/.test(document.querySelector('[data-testid="pack-member-version"]')?.textContent ?? ''),
  );
  const cards = await docCards(page);
  const changed = cards.find((c) => c.id === story.studied!.id)!;
  assert.equal(changed.prompt, story.newPrompt);
  assert.deepEqual(changed.fsrs, story.studied!.fsrs, 'progress kept by the stable id');
  const added = cards.find((c) => c.id === story.heldOut)!;
  assert.equal(added.retired, 0);
  assert.equal(added.fsrs.reps, 0);
  assert.equal((await readTable(page, 'reviewLogs')).length, story.logs);
  assert.match(await check(page), /已是最新版本（第 2 版）/);
});

test('the member shares readiness only; the organiser sees the table', async () => {
  const page = await packPage(member);
  await page.getByTestId('pack-share-name').fill('李四');
  await page.getByTestId('pack-share').click();
  await page.waitForFunction(() =>
    /已分享/.test(document.querySelector('[data-testid="pack-share-message"]')?.textContent ?? ''),
  );
  const [file] = readdirSync(join(dav.dir, 'pack', 'members'));
  assert.match(file, /^m-[0-9a-z]+\.json$/);
  const shared = JSON.parse(readFileSync(join(dav.dir, 'pack', 'members', file), 'utf8'));
  assert.deepEqual(Object.keys(shared).sort(), ['at', 'documents', 'format', 'name', 'pack', 'version']);
  assert.deepEqual(Object.keys(shared.documents[0]).sort(), ['cards', 'due', 'id', 'mastered']);

  const pack = await packPage(org);
  await pack.getByTestId('pack-readiness-load').click();
  const table = pack.getByTestId('pack-readiness-table');
  await table.waitFor();
  const text = await table.innerText();
  assert.match(text, new RegExp(`李四\\s+${TITLE}\\s+\\d+%\\s+\\d+\\s+第 2 版`));
});

test('faults: server down, 401, a truncated file and a pack from a newer Tifa are refused in Chinese', async () => {
  const page = await packPage(member);
  const before = JSON.stringify(await docCards(page));
  dav.fault = 'down';
  assert.match(await check(page), /上次检查没有完成：无法连接/);
  dav.fault = '401';
  assert.match(await check(page), /用户名或应用密码不对/);
  dav.fault = 'none';
  const pointerPath = join(dav.dir, 'pack', 'pack.json');
  const pointer = readFileSync(pointerPath, 'utf8');
  const current = join(dav.dir, 'pack', JSON.parse(pointer).file);
  const body = readFileSync(current, 'utf8');
  writeFileSync(current, body.slice(0, body.length >> 1));
  assert.match(await check(page), /没有下载完整或已损坏，已拒绝/);
  writeFileSync(current, body);
  const newer = JSON.stringify({ ...JSON.parse(body), version: 2, pack: 3 });
  const name = `pack-v3-${createHash('sha256').update(newer).digest('hex').slice(0, 16)}.json`;
  writeFileSync(join(dav.dir, 'pack', name), newer);
  writeFileSync(pointerPath, JSON.stringify({ format: 'tifa-pack', version: 1, pack: 3, file: name }));
  assert.match(await check(page), /更新版本的提法.*升级/);
  assert.equal(await page.getByTestId('pack-apply').count(), 0);
  assert.equal(JSON.stringify(await docCards(page)), before, 'nothing written');
  writeFileSync(pointerPath, pointer);
  assert.match(await check(page), /已是最新版本（第 2 版）/);

  // Leaving takes the shared readiness file with it; the cards and their progress stay.
  await page.getByTestId('pack-leave').click();
  await page.getByTestId('pack-subscribe').waitFor();
  assert.match(await page.getByTestId('pack-member-message').innerText(), /已退订/);
  assert.deepEqual(readdirSync(join(dav.dir, 'pack', 'members')), []);
  assert.equal(JSON.stringify(await docCards(page)), before);
  // The page itself talks to the folder (as the sync's worker does), and Chromium logs each answer that
  // is not 2xx: the pointer's 404 before the first publication, MKCOL's 405 on a folder already there,
  // and the faults injected above. Anything else would be an error of ours.
  assert.deepEqual(ourErrors(), []);
  assert.deepEqual([...org.outsideRequests, ...member.outsideRequests], []);
});

test("a bundled document's selection and the organiser's edit travel; the member's 学习会 is exactly those cards", async () => {
  // The organiser picks a bundled document, edits one of its cards (a prompt no other card has) and leaves one out.
  const probe = await org.openDashboard('#cards');
  errors.push(watchErrors(probe));
  const all = await readTable<Card & { origin: string }>(probe, 'cards');
  const sources = await readTable<{ id: string; origin: string }>(probe, 'sources');
  const unique = (c: Card) =>
    all.filter((o) => o.prompt.includes(c.prompt) || c.prompt.includes(o.prompt)).length === 1;
  const bundled = sources
    .filter((s) => s.origin === 'bundled')
    .map((s) => ({ id: s.id, cards: all.filter((c) => !c.retired && c.sourceIds.includes(s.id)) }))
    .find((s) => s.cards.length >= 3 && s.cards.filter(unique).length >= 1)!;
  assert.ok(bundled, 'a bundled document with cards');
  const edited = bundled.cards.find(unique)!;
  const left = bundled.cards.find((c) => c.id !== edited.id)!;
  await probe.getByTestId('card-search').fill(edited.prompt);
  await probe.getByTestId('card-row').filter({ hasText: edited.prompt }).first().click();
  await probe.getByTestId('card-edit').click();
  const prompt = `${edited.prompt}（支部学习会重点）`;
  await probe.getByTestId('card-edit-prompt').fill(prompt);
  await probe.getByTestId('card-edit-save').click();
  await probe.getByTestId('card-edit').waitFor();
  await probe.close();

  const pack = await packPage(org);
  await pack.locator(`[data-testid="pack-doc"][data-id="${bundled.id}"]`).check();
  const doc = pack.locator('.pack-doc', { has: pack.locator(`[data-testid="pack-doc"][data-id="${bundled.id}"]`) });
  await doc.getByTestId('pack-cards-toggle').click();
  await doc.locator(`[data-testid="pack-card"][data-id="${left.id}"]`).uncheck();
  const chosen = bundled.cards.length - 1;
  assert.match(await publish(pack), new RegExp(`已发布第 3 版：2 份文件、${16 + chosen} 张卡片`));

  // The member (who left above) subscribes again and applies version 3 with its 学习会.
  const page = await packPage(member);
  const before = new Map((await readTable<Card>(page, 'cards')).map((c) => [c.id, c]));
  await page.getByTestId('pack-sub-url').fill(dav.url);
  await page.getByTestId('pack-sub-user').fill(dav.user);
  await page.getByTestId('pack-sub-password').fill(dav.password);
  await page.getByTestId('pack-subscribe').click();
  await page.getByTestId('pack-changes').waitFor();
  await page.getByTestId('pack-apply').click();
  await page.waitForFunction(() =>
    /第 3 版/.test(document.querySelector('[data-testid="pack-member-version"]')?.textContent ?? ''),
  );
  assert.match(
    await page.getByTestId('pack-member-version').innerText(),
    new RegExp(`2 份文件、${16 + chosen} 张卡片`),
  );
  const after = new Map((await readTable<Card>(page, 'cards')).map((c) => [c.id, c]));
  const got = after.get(edited.id)!;
  assert.equal(got.edited?.prompt, prompt, "the organiser's edit arrives as the card's edit");
  assert.equal(got.prompt, edited.prompt, 'the bundled content stays under it');
  assert.deepEqual(got.fsrs, before.get(edited.id)!.fsrs, 'progress untouched');
  assert.equal(after.get(left.id)!.edited, undefined);
  const settings = await readTable<{ key: string; value: unknown }>(page, 'settings');
  const planned = settings.find((r) => r.key === 'cramCards')?.value as string[];
  assert.ok(planned.includes(edited.id));
  assert.ok(!planned.includes(left.id), 'the card left out is not in the 学习会');
  assert.equal(planned.length, 16 + chosen);
  assert.deepEqual(ourErrors(), []);
  assert.deepEqual([...org.outsideRequests, ...member.outsideRequests], []);
});
