// The 学习会's day, an optional date field: shared by the study plan (冲刺) and the pack publication.
interface Props {
  /** The input's id and data-testid. */
  id: string;
  value: string;
  onChange(next: string): void;
  /** The earliest day offered (ISO date), if any. */
  min?: string;
}

export function SessionDateField({ id, value, onChange, min }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>学习会日期（可不填）</label>
      <input id={id} type="date" data-testid={id} value={value} min={min} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
