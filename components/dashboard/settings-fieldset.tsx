import type { ReactNode } from 'react';
import { toChineseMessage } from '@/data/db/errors';

/**
 * A form of the settings page: one fieldset under its legend, checked by our own code (noValidate) and
 * submitted without reloading the page.
 */
export function SettingsFieldset(props: {
  className: string;
  legend: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className={props.className}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <fieldset>
        <legend>{props.legend}</legend>
        {props.children}
      </fieldset>
    </form>
  );
}

/** Runs one save of a settings form and says how it went: `done`, or why it failed in Chinese. */
export async function saveWithMessage(
  work: () => Promise<unknown>,
  done: string,
  setMessage: (message: string) => void,
): Promise<void> {
  try {
    await work();
    setMessage(done);
  } catch (err) {
    setMessage(toChineseMessage(err));
  }
}
