// Chinese labels for the hover card, kept pure (time is a parameter) so they can be tested as tables.
import { formatDay } from '@/components/common/format';
import type { TermCardInfo } from '@/data/messages';
import { CARD_STATE_LABELS, FSRS_STATE_LABELS, type CardStateName } from '@/data/vocab/card-states';
import { NOTE_KIND_LABELS, type NoteKind } from '@/data/vocab/kinds';

export function kindLabel(kind: NoteKind): string {
  return NOTE_KIND_LABELS[kind] ?? NOTE_KIND_LABELS.term;
}

export function stateLabel(state: CardStateName, suspended = false): string {
  return suspended ? CARD_STATE_LABELS.suspended : (FSRS_STATE_LABELS[state] ?? state);
}

/** "下次复习：11月28日"; "下次复习：今天" when due today or earlier; the year only when it differs from now's. */
export function dueLabel(due: string, now: Date): string {
  const d = new Date(due);
  if (Number.isNaN(d.getTime())) return '';
  const day = (x: Date) => x.getFullYear() * 10000 + (x.getMonth() + 1) * 100 + x.getDate();
  return `下次复习：${day(d) <= day(now) ? '今天' : formatDay(d, now)}`;
}

export function seenLabel(seen: TermCardInfo['seen']): string {
  return seen && seen.count > 0 ? `见过 ${seen.count} 次` : '';
}
