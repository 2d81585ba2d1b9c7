// A dashboard section's main action and what came of it: a primary button that starts the work, and
// one status line, green when it worked, red with the reason when it did not, empty before.
import type { ReactNode } from 'react';

export type Outcome = { kind: 'ok' | 'error'; text: string } | null;

export function ActionButton(props: {
  onClick: () => Promise<void>;
  disabled: boolean;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="primary"
      onClick={() => void props.onClick()}
      disabled={props.disabled}
      data-testid={props.testId}
    >
      {props.children}
    </button>
  );
}

export function OutcomeLine({ outcome, testId }: { outcome: Outcome; testId: string }) {
  return (
    <p role="status" className={outcome?.kind === 'error' ? 'error' : outcome ? 'ok' : ''} data-testid={testId}>
      {outcome?.text}
    </p>
  );
}
