// Saved pages: a 中国政府网-style article page with navigation, breadcrumbs, related links, comments and
// a footer around it (tests/fixtures/extract/gov-article.html), the same page saved by Chromium as MHTML.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractDocument, extractPage } from '@/lib/extract';
import { nodeEnv } from '../../../scripts/extract-node';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/extract/${name}`, import.meta.url)));
const read = (name: string, bytes: Uint8Array) => extractDocument({ name, bytes }, { env: nodeEnv });
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

const TITLE = '国务院办公厅关于推进县域商业体系建设的指导意见';
const ARTICLE = [
  TITLE,
  '国办发〔2026〕7号',
  '县域商业体系是畅通城乡经济循环的重要基础。为加快补齐农村商业设施短板，促进农村消费提质扩容，经国务院同意，现提出以下意见。',
  '一、总体要求',
  '到2028年，全国县域商业网点覆盖率达到95%以上，农村快递服务通达率保持100%，县域社会消费品零售总额年均增长6%左右。',
  '（二）发展农村电子商务。深入实施“数商兴农”工程，培育一批农产品网络品牌，推动农村电商与快递物流协同发展。',
  '（三）健全农产品流通体系。加强产地冷链集配中心建设，到2028年新增农产品冷藏保鲜能力1500万吨，降低流通损耗。',
  '各地区要加强组织领导，落实属地责任，统筹用好现有资金渠道，完善用地、金融等配套政策，确保各项任务落地见效。',
  '（此件公开发布）',
];
// Navigation, breadcrumbs, font switch, related links, comments, share buttons, footer.
const AROUND = [
  'English',
  '当前位置',
  '字体',
  '相关稿件',
  '商务部解读',
  '网友评论',
  '通快递',
  '发表评论',
  '分享到',
  '网站地图',
  'ICP备',
  '主办单位',
];

function expectWholeArticle(text: string) {
  const lines = text.split('\n');
  for (const line of ARTICLE) expect(lines).toContain(line);
  expect(lines[0]).toBe(TITLE);
  for (const word of AROUND) expect(text).not.toContain(word);
}

describe('a saved government page', () => {
  it('gives the whole article and nothing around it (.html)', async () => {
    const doc = await read('content_100.htm', fixture('gov-article.html'));
    expect(doc).toMatchObject({ format: 'html', titleHint: TITLE });
    expectWholeArticle(doc.text);
  });

  it('reads the page Chromium saved as MHTML (quoted-printable) and keeps its address', async () => {
    const doc = await read('指导意见.mhtml', fixture('gov-article.mhtml'));
    expect(doc).toMatchObject({
      format: 'mhtml',
      titleHint: TITLE,
      url: 'http://www.gov.example.cn/zhengce/content/2026-03/18/content_100.htm',
    });
    expectWholeArticle(doc.text);
  });

  it('reads a GBK page by its <meta charset>', async () => {
    const html = new TextDecoder()
      .decode(fixture('gov-article.html'))
      .replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    expectWholeArticle((await read('page.html', new Uint8Array(iconv.encode(html, 'gbk')))).text);
  });

  it('reads a base64 GBK part of an MHTML file', async () => {
    const html = new TextDecoder().decode(fixture('gov-article.html'));
    const body = iconv.encode(html, 'gbk').toString('base64').replace(/.{76}/g, '$&\r\n');
    const mhtml = [
      'From: <Saved by Blink>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B----"',
      '',
      '------B----',
      'Content-Type: text/html; charset="gbk"',
      'Content-Transfer-Encoding: base64',
      'Content-Location: http://www.gov.example.cn/a.htm',
      '',
      body,
      '------B------',
      '',
    ].join('\r\n');
    const doc = await read('page.mht', new TextEncoder().encode(mhtml));
    expect(doc.url).toBe('http://www.gov.example.cn/a.htm');
    expectWholeArticle(doc.text);
  });

  it('takes the title from <title> without the site name when there is no og:title', async () => {
    const html = new TextDecoder().decode(fixture('gov-article.html')).replace(/<meta property="og:title"[^>]*>/, '');
    expect((await read('a.html', new TextEncoder().encode(html))).titleHint).toBe(TITLE);
  });
});

describe('extractPage (导入本页)', () => {
  it('reads the article of a live page and leaves the page as it was', () => {
    const doc = parse(new TextDecoder().decode(fixture('gov-article.html')));
    const snapshot = () => [doc.querySelectorAll('*').length, doc.body.textContent, doc.title];
    const before = snapshot();
    const page = extractPage(doc, 'https://www.gov.example.cn/zhengce/content_100.htm');
    expect(page).toMatchObject({
      file: 'https://www.gov.example.cn/zhengce/content_100.htm',
      format: 'page',
      url: 'https://www.gov.example.cn/zhengce/content_100.htm',
      titleHint: TITLE,
    });
    expectWholeArticle(page.text);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a page with no article (a portal’s home page)', () => {
    const home = parse(
      '<html><head><title>示范政府网</title></head><body><nav><a href="/">首页</a> <a href="/zc">政策</a> <a href="/fw">服务</a></nav><ul><li><a href="/1">要闻一</a></li><li><a href="/2">要闻二</a></li></ul></body></html>',
    );
    expect(() => extractPage(home, 'https://www.gov.example.cn/')).toThrow(
      expect.objectContaining({
        code: 'no-article',
        message: '没有找到正文：这个网页看起来不是一篇文章，请在文章页面上导入',
      }),
    );
  });
});
