// One key map wherever a card is rated (popup, dashboard, 冲刺), and one rule for which keys a
// page may take: a key pressed on a button, link or field belongs to that control.
export { RATINGS } from '@/data/vocab/ratings';

/** 冲刺's two answers take the keys of the ratings they stand for: 没记住 = 重来, 记住了 = 良好. */
export const CRAM_KEYS = { forgot: '1', remembered: '3' } as const;

const CONTROL = [
  'button',
  'a[href]',
  'input',
  'select',
  'textarea',
  'summary',
  '[contenteditable]:not([contenteditable="false"])',
  ...['button', 'link', 'checkbox', 'radio', 'switch', 'textbox', 'menuitem', 'tab', 'option'].map(
    (r) => `[role="${r}"]`,
  ),
].join(', ');

/** Where keys are typing: every key belongs to the field. */
export const FIELD = 'input, select, textarea, [contenteditable]:not([contenteditable="false"])';

/** The control a key is pressed on (button, link, field, editable text), if any. */
export function focusedControl(event: Event): Element | null {
  const target = event.target;
  return target instanceof Element ? target.closest(CONTROL) : null;
}

/**
 * Whether a card may take this key: not with a modifier (the browser's or the system's shortcut),
 * and not from another control. From its own answer buttons (inside `[data-card-keys]`) it takes
 * their number keys, so 3 pressed on a focused 重来 still rates 良好; Enter and Space there press
 * the focused button.
 */
export function cardMayTake(event: KeyboardEvent, numberKeys: readonly string[]): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const control = focusedControl(event);
  return !control || (!!control.closest('[data-card-keys]') && numberKeys.includes(event.key));
}
