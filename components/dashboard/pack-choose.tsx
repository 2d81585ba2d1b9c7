// Choosing what goes into a 学习资料包: documents (bundled or imported), and in each the cards — by
// default the ones the organiser has, not held back as 待核实.
import type { PackCandidate } from '@/data/db/pack-build';

/** Chosen documents → their chosen card ids. */
export type Chosen = Record<string, string[]>;

/** The last published choice, kept to what still exists (cards since retired drop out). */
export function chosenFrom(candidates: PackCandidate[], last: Array<{ id: string; cards: string[] }> = []): Chosen {
  const out: Chosen = {};
  for (const d of last) {
    const doc = candidates.find((c) => c.id === d.id);
    if (!doc) continue;
    const have = new Set(doc.cards.map((c) => c.id));
    out[d.id] = d.cards.filter((id) => have.has(id));
  }
  return out;
}

interface Props {
  candidates: PackCandidate[];
  chosen: Chosen;
  onChange(next: Chosen): void;
}

export function PackChoose({ candidates, chosen, onChange }: Props) {
  const toggleDoc = (doc: PackCandidate, on: boolean) => {
    const next = { ...chosen };
    if (on) next[doc.id] = doc.cards.filter((c) => c.chosen).map((c) => c.id);
    else delete next[doc.id];
    onChange(next);
  };
  const toggleCard = (doc: PackCandidate, id: string, on: boolean) => {
    const set = new Set(chosen[doc.id] ?? []);
    if (on) set.add(id);
    else set.delete(id);
    onChange({ ...chosen, [doc.id]: doc.cards.map((c) => c.id).filter((c) => set.has(c)) });
  };
  if (!candidates.length) return <p className="muted">学习中心里还没有可以发布的文件。</p>;
  return (
    <fieldset className="pack-choose">
      <legend>文件和卡片</legend>
      {candidates.map((doc) => {
        const picked = chosen[doc.id];
        const set = new Set(picked ?? []);
        return (
          <div className="pack-doc" key={doc.id}>
            <label>
              <input
                type="checkbox"
                checked={!!picked}
                onChange={(e) => toggleDoc(doc, e.target.checked)}
                data-testid="pack-doc"
                data-id={doc.id}
              />{' '}
              {doc.title}
              <span className="muted small">
                {doc.bundled ? '（内置文件）' : '（导入的文件）'}
                {picked ? ` 已选 ${picked.length} / ${doc.cards.length} 张卡片` : ` ${doc.cards.length} 张卡片`}
              </span>
            </label>
            {picked ? (
              <details>
                <summary data-testid="pack-cards-toggle">选择卡片</summary>
                <ul className="pack-cards">
                  {doc.cards.map((c) => (
                    <li key={c.id}>
                      <label>
                        <input
                          type="checkbox"
                          checked={set.has(c.id)}
                          onChange={(e) => toggleCard(doc, c.id, e.target.checked)}
                          data-testid="pack-card"
                          data-id={c.id}
                        />{' '}
                        {c.prompt}
                        {c.chosen ? null : <span className="muted small">（待核实）</span>}
                      </label>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
