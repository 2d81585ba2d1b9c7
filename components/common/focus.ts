/**
 * A ref that focuses its element once, when it is mounted: what React's `autoFocus` does. The pages run on
 * Preact (preact/compat), which only writes the `autofocus` attribute, and browsers honour that attribute
 * for the first element of a document only — so the quiz's answer box, a dialog's safe button and the
 * review's 显示答案 lost the focus keyboard users rely on.
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}
