// 导入本页: the popup reads the active tab's page (activeTab + scripting, only when clicked) and
// hands it to the dashboard's import page through storage.session, where the preview is shown.

export interface PageHandoff {
  html: string;
  title: string;
  url: string;
  at: number;
}

export const PAGE_IMPORT_KEY = 'tifa:page-import';
/** The largest page handed over (storage.session holds 10 MB in all). */
export const PAGE_HTML_LIMIT = 4 * 1024 * 1024;

/** Injected into the page: its HTML as it stands now (after scripts ran), title and address. */
export function readPageForImport(): { html: string; title: string; url: string } {
  // Read, never written: the dashboard parses this copy inertly with DOMParser.
  // eslint-disable-next-line no-restricted-properties
  return { html: document.documentElement.outerHTML, title: document.title, url: location.href };
}

/** Takes the page the popup handed over, once. */
export async function takePageHandoff(): Promise<PageHandoff | undefined> {
  const got = await browser.storage.session.get(PAGE_IMPORT_KEY);
  const page = got[PAGE_IMPORT_KEY] as PageHandoff | undefined;
  if (page) await browser.storage.session.remove(PAGE_IMPORT_KEY);
  return page;
}
