// The documents a 学习会 plan covers, one checkbox each (the welcome page's and the dashboard's forms).
import type { ReactNode } from 'react';
import type { SourceRow } from '@/data/db/schema';
import { Choice } from './choice';

export function PlanDocuments(props: {
  sources: SourceRow[];
  /** The ids of the ticked documents. */
  picked: Set<string>;
  onPick: (picked: Set<string>) => void;
  /** Each checkbox's test id. */
  testId: string;
  /** What stands after a document's checkbox. */
  children: (source: SourceRow, index: number) => ReactNode;
}) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(props.picked);
    if (on) next.add(id);
    else next.delete(id);
    props.onPick(next);
  };
  return props.sources.map((source, i) => (
    <Choice
      key={source.id}
      type="checkbox"
      className="check"
      testId={props.testId}
      checked={props.picked.has(source.id)}
      onChange={(on) => toggle(source.id, on)}
    >
      {props.children(source, i)}
    </Choice>
  ));
}
