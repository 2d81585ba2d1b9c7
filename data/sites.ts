// The Chinese news and government sites where Tifa highlights by default. The content script is
// declared for exactly these (no <all_urls>): other sites are opt-in, one host permission at a time.
export const DEFAULT_SITES = [
  'people.com.cn', // 人民网
  'news.cn', // 新华网
  'xinhuanet.com', // 新华网
  'qstheory.cn', // 求是网
  'gov.cn', // 中国政府网 and every ministry / local government site
  'cctv.com', // 央视网
  'gmw.cn', // 光明网
  'ce.cn', // 中国经济网
  'chinadaily.com.cn', // 中国日报
  'youth.cn', // 中国青年网
  'dangjian.cn', // 党建网
  'cpcnews.cn', // 中国共产党新闻网
  'china.com.cn', // 中国网
  'chinanews.com.cn', // 中国新闻网
  'ccdi.gov.cn', // 中央纪委国家监委网站
  'xuexi.cn', // 学习强国
] as const;

/** Match patterns for the manifest: `*.` matches the site itself and every subdomain, http and https. */
export function sitePatterns(sites: readonly string[] = DEFAULT_SITES): string[] {
  return sites.map((site) => `*://*.${site}/*`);
}

/** True when `hostname` is one of `sites` or a subdomain of one. */
export function isListedHost(hostname: string, sites: readonly string[] = DEFAULT_SITES): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return sites.some((site) => host === site || host.endsWith(`.${site}`));
}
