// The card browser's latest search result, kept for the page's life so that 备份与导出 can export
// exactly those cards (导出为 Anki 卡组 → 当前搜索结果) after the user switches tabs.
import { useSyncExternalStore } from 'react';

export interface SearchResult {
  /** What the search was, as the user would name it: "搜索“精准” · 政府工作报告". */
  label: string;
  cardIds: string[];
}

let current: SearchResult | undefined;
const listeners = new Set<() => void>();

export function setLastSearch(result: SearchResult | undefined): void {
  current = result;
  for (const l of listeners) l();
}

export function useLastSearch(): SearchResult | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
