// Chinese formatting shared by the popup, the dashboard and the hover card.
/** "11月28日" (this year) or "2027年1月3日". */
export function formatDay(date: Date | string, now = new Date()): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  const md = `${d.getMonth() + 1}月${d.getDate()}日`;
  return d.getFullYear() === now.getFullYear() ? md : `${d.getFullYear()}年${md}`;
}

/** "2020年3月6日" from an ISO date. */
export function formatIsoDate(iso?: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return [y && `${y}年`, m && `${m}月`, d && `${d}日`].filter(Boolean).join('');
}

/** A document's date as shown: 日期待核实 when its years are doubtful (the date is its own claim). */
export function sourceDateText(s: { date?: string; dateUnverified?: boolean }): string {
  if (s.dateUnverified) return '日期待核实';
  return formatIsoDate(s.date);
}

export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
