// PDFs printed by Chromium (tests/fixtures/extract/make-fixtures.mjs): bold spans, a page break inside
// 高质|量发展, two columns, Kangxi radicals in the text layer (Chromium writes ⼈ for 人), one with no text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument, type ExtractProgress } from '@/lib/extract';
import { nodeEnv } from '../../../scripts/extract-node';
import { makeCjkPdf, writePdf } from './make-pdf';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/extract/${name}`, import.meta.url)));
const read = (name: string, bytes: Uint8Array, opts = {}) =>
  extractDocument({ name, bytes }, { env: nodeEnv, ...opts });

describe('a PDF printed from a web page', async () => {
  const progress: ExtractProgress[] = [];
  const doc = await read('policy.pdf', fixture('policy.pdf'), { onProgress: (p: ExtractProgress) => progress.push(p) });
  const lines = doc.text.split('\n');

  it('gives the pages read and the title the PDF states', () => {
    expect(doc).toMatchObject({
      file: 'policy.pdf',
      format: 'pdf',
      pages: 2,
      titleHint: '关于推进示范区建设的实施意见',
    });
  });

  it('keeps a paragraph on one line, bold spans and all', () => {
    expect(lines).toContain('为深入贯彻新发展理念，加快构建新发展格局，现就推进示范区建设提出如下意见。');
    expect(lines).toContain('到2027年，示范区地区生产总值年均增长6.5%以上，研发经费投入强度达到3.2%。');
  });

  it('joins the word that the page break cut (高质|量发展) and the sentence around it', () => {
    expect(lines).toContain(
      '全面贯彻落实党的二十届三中全会精神，坚持稳中求进工作总基调，推动高质量发展取得新成效，全年经济增长预期目标为百分之五左右。',
    );
  });

  it('maps the radicals of the text layer to ordinary characters', () => {
    expect(lines).toContain('坚持以人民为中心的发展思想，一以贯之抓好各项任务落实，第二批试点名单见附件第页。');
    expect(doc.text).not.toMatch(/[\u2E80-\u2FDF]/);
  });

  it('reads two columns left column first, after the heading above them', () => {
    const at = (start: string) => lines.findIndex((l) => l.startsWith(start));
    const order = ['二、重点任务', '左栏第一段', '左栏第二段', '右栏第一段', '右栏第二段', '各地区各部门'].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(lines).toContain(
      '左栏第一段：加快建设现代化产业体系，因地制宜发展新质生产力，推动传统产业改造升级，培育壮大战略性新兴产业。',
    );
    expect(lines).toContain('各地区各部门要结合实际抓好贯彻落实，重大事项及时请示报告。');
  });

  it('puts no spaces between Chinese characters (justified lines)', () => {
    expect(doc.text).not.toMatch(/[\u4E00-\u9FFF，。] +[\u4E00-\u9FFF，。]/);
  });

  it('reports progress page by page in Chinese', () => {
    expect(progress.map((p) => p.label)).toEqual([
      '正在读取文件',
      '正在读取第 1/2 页',
      '正在读取第 2/2 页',
      '已读取 2 页',
    ]);
  });
});

describe('a PDF with a non-embedded Chinese font (UniGB-UCS2-H)', () => {
  const bytes = makeCjkPdf(['关于做好春季农业生产工作的通知', '粮食播种面积稳定在17.7亿亩以上。']);

  it('is read through the packaged GB cMaps', async () => {
    expect((await read('通知.pdf', bytes)).text).toBe(
      '关于做好春季农业生产工作的通知\n粮食播种面积稳定在17.7亿亩以上。',
    );
  });

  it('yields no text without them (the cMaps are what reads it)', async () => {
    const env = { ...nodeEnv, pdf: { ...nodeEnv.pdf, cMapUrl: '/nonexistent/' } };
    await expect(extractDocument({ name: '通知.pdf', bytes }, { env })).rejects.toMatchObject({ code: 'scanned' });
  });
});

/** A PDF whose /Encrypt dictionary wants a password (random /O and /U: the empty password fails). */
function encryptedPdf(): Uint8Array {
  const hex = (n: number, seed: number) =>
    Array.from({ length: n }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 1)}> /U <${hex(32, 2)}> /P -4 >>`,
  ];
  return writePdf(objects, `/Encrypt 4 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>] `);
}

describe('PDFs that cannot be imported', () => {
  it.each([
    ['a page with drawings only', 'scan.pdf', () => fixture('scanned.pdf'), 'scanned', '这是扫描件，没有可提取的文字'],
    ['a password', 'secret.pdf', encryptedPdf, 'encrypted', '文件设有密码保护，请先取消密码再导入'],
    [
      'a broken file',
      'broken.pdf',
      () => new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog'),
      'damaged',
      '文件已损坏或格式异常，无法读取',
    ],
    [
      'a cut-off file',
      'cut.pdf',
      () => fixture('policy.pdf').subarray(0, 3000),
      'damaged',
      '文件已损坏或格式异常，无法读取',
    ],
  ])('%s → %s', async (_, name, bytes, code, message) => {
    await expect(read(name, bytes())).rejects.toMatchObject({ name: 'ExtractError', code, message });
  });

  it('refuses more pages than the limit, stating it', async () => {
    await expect(read('policy.pdf', fixture('policy.pdf'), { limits: { pages: 1 } })).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringContaining('1 页以内'),
    });
  });

  it('leaves the caller’s bytes readable (pdf.js gets a copy)', async () => {
    const bytes = fixture('policy.pdf');
    await read('policy.pdf', bytes);
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });
});
