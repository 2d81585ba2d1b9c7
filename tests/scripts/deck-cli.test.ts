// `npm run --silent deck -- FILE...` on the extract fixtures: the deck on stdout, or a Chinese reason and exit 1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../lib/extract/make-docx';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/extract');
const tmp = mkdtempSync(join(tmpdir(), 'tifa-deck-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const deck = (...files: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/deck.ts'), ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('deck CLI with files of every format', () => {
  it('builds one deck from a PDF, a .docx and a saved page', () => {
    const docx = join(tmp, '基层治理意见.docx');
    writeFileSync(
      docx,
      makeDocx([
        '关于加强基层治理体系建设的意见',
        '坚持和发展新时代“枫桥经验”，到2027年城乡社区综合服务设施覆盖率达到100%。',
      ]),
    );
    const run = deck(join(FIXTURES, 'policy.pdf'), docx, join(FIXTURES, 'gov-article.html'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { sources: { file: string; title: string }[]; cards: unknown[] };
    expect(out.sources.map((s) => [s.file, s.title])).toEqual([
      ['policy.pdf', '关于推进示范区建设的实施意见'],
      ['基层治理意见.docx', '关于加强基层治理体系建设的意见'],
      ['gov-article.html', '国务院办公厅关于推进县域商业体系建设的指导意见'],
    ]);
    expect(out.cards.length).toBeGreaterThan(0);
  }, 120_000);

  it('stops at a file it cannot read: a Chinese reason on stderr, nothing on stdout, exit 1', () => {
    const run = deck(join(FIXTURES, 'policy.pdf'), join(FIXTURES, 'scanned.pdf'));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${join(FIXTURES, 'scanned.pdf')}：这是扫描件，没有可提取的文字\n`);
  }, 120_000);
});
