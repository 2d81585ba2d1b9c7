// One option of a form: a checkbox or a radio button inside its label, the label's text after it.
import type { ReactNode } from 'react';

export function Choice(props: {
  type: 'checkbox' | 'radio';
  /** The radio group. */
  name?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <label className={props.className}>
      <input
        type={props.type}
        name={props.name}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
        data-testid={props.testId}
      />
      {props.children}
    </label>
  );
}
